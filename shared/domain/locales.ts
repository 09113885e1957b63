/** The languages of the portal and its emails, defined once: schemas, records, emails and pages take them from here. */
export const LOCALES = ['en', 'ar', 'hi'] as const;
export type Locale = (typeof LOCALES)[number];

/** What a firm, a person or a guest gets when they choose nothing. */
export const DEFAULT_LOCALE: Locale = 'en';

/** How each language names itself, in the language switcher and the forms. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ar: 'العربية', hi: 'हिन्दी' };

/** The writing direction of a language's pages and emails. */
export const directionOf = (locale: Locale): 'rtl' | 'ltr' => (locale === 'ar' ? 'rtl' : 'ltr');
