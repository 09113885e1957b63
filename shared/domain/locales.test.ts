import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { directionOf, languagesOf, languagesProblem, LOCALE_NAMES, LOCALES, localeFor, unofferedLocale } from './locales.ts';

describe('the languages', () => {
  it('are named, and Arabic alone reads right to left', () => {
    expect(Object.keys(LOCALE_NAMES).sort()).toEqual([...LOCALES].sort());
    expect(LOCALES.filter((l) => directionOf(l) === 'rtl')).toEqual(['ar']);
  });

  it('are the ones the script run before first paint accepts (plain JavaScript, so it cannot import the list)', () => {
    const script = readFileSync(resolve(import.meta.dirname, '../../web/public/locale.js'), 'utf8');
    const accepted = script.match(/\[([^\]]*)\]\.indexOf\(locale\)/)?.[1];
    expect(accepted?.split(',').map((s) => s.trim().replace(/'/g, ''))).toEqual([...LOCALES]);
    expect(script).toContain(`locale === '${LOCALES.find((l) => directionOf(l) === 'rtl')}' ? 'rtl'`);
  });
});

describe("a firm's languages", () => {
  const arabicFirm = { locale: 'ar' as const, languages: ['hi', 'ar'] as const };

  it('are all of them for a firm that never chose, and otherwise its own, in the portal order', () => {
    expect(languagesOf({ locale: 'en' })).toEqual([...LOCALES]);
    expect(languagesOf(arabicFirm)).toEqual(['ar', 'hi']);
  });

  it("write to a person in their language while the firm offers it, else in the firm's default", () => {
    expect(localeFor(arabicFirm, 'hi')).toBe('hi');
    expect(localeFor(arabicFirm, 'en')).toBe('ar');
    expect(localeFor(arabicFirm, undefined)).toBe('ar');
    expect(localeFor({ locale: 'en' }, 'hi')).toBe('hi');
  });

  it('must hold the default, and at least one', () => {
    expect(languagesProblem(['en', 'ar'], 'ar')).toBeUndefined();
    expect(languagesProblem([], 'en')?.field).toBe('languages');
    expect(languagesProblem(['en'], 'hi')).toEqual({ field: 'locale', message: "must be one of the firm's languages (en)" });
  });

  it('refuse a language the firm does not offer, naming the ones it does', () => {
    expect(unofferedLocale(arabicFirm, 'hi')).toBeUndefined();
    expect(unofferedLocale(arabicFirm, undefined)).toBeUndefined();
    expect(unofferedLocale(arabicFirm, 'en')).toBe("must be one of the firm's languages (ar, hi)");
  });
});
