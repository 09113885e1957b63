import { createContext, useContext } from 'react';
import { en, type Messages } from './en.ts';

export const LOCALES = [
  { code: 'en', label: 'English' },
  { code: 'ar', label: 'العربية' },
  { code: 'hi', label: 'हिन्दी' },
] as const;
export type Locale = (typeof LOCALES)[number]['code'];

/** English is in every page (the default and the shape); the others load when chosen. */
const CATALOG: Record<Locale, () => Promise<Messages>> = {
  en: () => Promise.resolve(en),
  ar: () => import('./ar.ts').then((m) => m.ar),
  hi: () => import('./hi.ts').then((m) => m.hi),
};
const STORAGE_KEY = 'sp_locale';

export function currentLocale(): Locale {
  const lang = document.documentElement.lang;
  return (LOCALES.some((l) => l.code === lang) ? lang : 'en') as Locale;
}

/** Persists the choice (a preference, not a secret) and flips `lang`/`dir` on the page. */
export function applyLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    /* storage blocked: the choice lasts for this page only */
  }
  document.documentElement.lang = locale;
  document.documentElement.dir = locale === 'ar' ? 'rtl' : 'ltr';
}

export const loadMessages = (locale: Locale): Promise<Messages> => CATALOG[locale]();

/** `{name}` placeholders filled from `values`. */
export const format = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

export const I18nContext = createContext<{ t: Messages; locale: Locale; setLocale: (l: Locale) => void }>({
  t: en,
  locale: 'en',
  setLocale: () => undefined,
});

export const useI18n = () => useContext(I18nContext);
