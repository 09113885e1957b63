import { createContext, useContext } from 'react';
import { DEFAULT_LOCALE, directionOf, LOCALE_NAMES, LOCALES as LOCALE_CODES, type Locale } from '../../../../shared/domain/locales.ts';
import { en, type Messages } from './en.ts';

export type { Locale };

/** The languages to choose from, each named in itself. */
export const LOCALES = LOCALE_CODES.map((code) => ({ code, label: LOCALE_NAMES[code] }));

/** English is in every page (the default and the shape); the others load when chosen. */
const CATALOG: Record<Locale, () => Promise<Messages>> = {
  en: () => Promise.resolve(en),
  ar: () => import('./ar.ts').then((m) => m.ar),
  hi: () => import('./hi.ts').then((m) => m.hi),
};
const STORAGE_KEY = 'sp_locale';

export function currentLocale(): Locale {
  const lang = document.documentElement.lang;
  return LOCALE_CODES.find((code) => code === lang) ?? DEFAULT_LOCALE;
}

/** Persists the choice (a preference, not a secret) and flips `lang`/`dir` on the page. */
export function applyLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    /* storage blocked: the choice lasts for this page only */
  }
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
}

export const loadMessages = (locale: Locale): Promise<Messages> => CATALOG[locale]();

/** `{name}` placeholders filled from `values`. */
/**
 * The text a map has for a key that comes from data (an event type, a status, a field name), or
 * undefined for a key it does not know. The maps themselves keep their exact keys, so a language
 * that lacks one fails the type check.
 */
export function textFor(map: object, key: string | number): string | undefined {
  const text: unknown = Object.hasOwn(map, key) ? (map as { [k: string]: unknown })[key] : undefined;
  return typeof text === 'string' ? text : undefined;
}

export const format = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

export const I18nContext = createContext<{ t: Messages; locale: Locale; setLocale: (l: Locale) => void }>({
  t: en,
  locale: 'en',
  setLocale: () => undefined,
});

export const useI18n = () => useContext(I18nContext);
