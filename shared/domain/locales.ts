/** The languages of the portal and its emails, defined once: schemas, records, emails and pages take them from here. */
export const LOCALES = ['en', 'ar', 'hi'] as const;
export type Locale = (typeof LOCALES)[number];

/** What a firm, a person or a guest gets when they choose nothing. */
export const DEFAULT_LOCALE: Locale = 'en';

/** How each language names itself, in the language switcher and the forms. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ar: 'العربية', hi: 'हिन्दी' };

/** The writing direction of a language's pages and emails. */
export const directionOf = (locale: Locale): 'rtl' | 'ltr' => (locale === 'ar' ? 'rtl' : 'ltr');

/** What a firm says about languages: its default, and the ones it offers (none stored: all of them, as before ADR 0040). */
export interface FirmLanguages {
  locale: Locale;
  /** Stored as text: only the portal's languages among them count. */
  languages?: readonly string[] | undefined;
}

/** The languages a firm offers its people and visitors, in the portal's order. */
export const languagesOf = (firm: FirmLanguages): Locale[] => LOCALES.filter((l) => (firm.languages ?? LOCALES).includes(l));

/** A firm's default and offered languages, as its pages receive them (the language switcher offers only these). */
export const firmLanguagesOf = (firm: FirmLanguages) => ({ locale: firm.locale, languages: languagesOf(firm) });

/** The language to write to someone in: theirs when the firm still offers it, else the firm's default. */
export const localeFor = (firm: FirmLanguages, wanted: Locale | undefined): Locale =>
  wanted !== undefined && languagesOf(firm).includes(wanted) ? wanted : firm.locale;

/** Why a choice of languages cannot be a firm's, or undefined when it can (the default must be among them). */
export function languagesProblem(languages: readonly Locale[], locale: Locale): { field: 'languages' | 'locale'; message: string } | undefined {
  if (!languages.length) return { field: 'languages', message: 'must name at least one language' };
  if (!languages.includes(locale)) return { field: 'locale', message: `must be one of the firm's languages (${languages.join(', ')})` };
  return undefined;
}

/** Why a person's or a visitor's language is refused by this firm, or undefined when it offers it. */
export const unofferedLocale = (firm: FirmLanguages, locale: Locale | undefined): string | undefined =>
  locale === undefined || languagesOf(firm).includes(locale) ? undefined : `must be one of the firm's languages (${languagesOf(firm).join(', ')})`;
