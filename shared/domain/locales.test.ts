import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { directionOf, LOCALE_NAMES, LOCALES } from './locales.ts';

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
