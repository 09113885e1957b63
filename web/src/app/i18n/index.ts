import { createContext, useContext } from 'react';
import { DEFAULT_LOCALE, directionOf, LOCALES as LOCALE_CODES, type Locale } from '../../../../shared/domain/locales.ts';

export type { Locale };

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

/**
 * The text a map has for a key that comes from data (an event type, a status, a field name), or
 * undefined for a key it does not know. The maps themselves keep their exact keys, so a language
 * that lacks one fails the type check.
 */
export function textFor(map: object, key: string | number): string | undefined {
  const text: unknown = Object.hasOwn(map, key) ? (map as { [k: string]: unknown })[key] : undefined;
  return typeof text === 'string' ? text : undefined;
}

/** `{name}` placeholders filled from `values`. */
export const format = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

/** A firm's default language and the ones it offers (ADR 0040), as its session and public pages carry them. */
export interface OfferedLanguages {
  locale: Locale;
  languages: readonly Locale[];
}

/**
 * The reader's language and how to change it (see `mount`, which loads the strings first); the
 * languages to offer, all until a firm's page says which it offers (`offer`).
 */
export const LocaleContext = createContext<{
  locale: Locale;
  setLocale: (locale: Locale) => void;
  languages: readonly Locale[];
  offer: (firm: OfferedLanguages) => void;
}>({
  locale: DEFAULT_LOCALE,
  setLocale: () => undefined,
  languages: LOCALE_CODES,
  offer: () => undefined,
});

export const useLocale = () => useContext(LocaleContext);
