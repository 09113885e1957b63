import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/errors.ts';
import { requireOffered } from './firm-languages.ts';

const FUNCTIONS = resolve(import.meta.dirname, '..');
const sourcesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });

describe("a firm's languages (ADR 0040)", () => {
  it('refuse a language the firm does not offer with a 400 naming the field', () => {
    const firm = { locale: 'ar' as const, languages: ['ar', 'en'] };
    expect(() => requireOffered(firm, 'en')).not.toThrow();
    expect(() => requireOffered(firm, undefined)).not.toThrow();
    const refused = (() => {
      try {
        requireOffered(firm, 'hi');
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(AppError);
    expect([(refused as AppError).status, (refused as AppError).details]).toEqual([
      400,
      [{ field: 'locale', message: "must be one of the firm's languages (en, ar)", rule: 'choice' }],
    ]);
  });

  it('are how every module that sends email picks its language, so nobody is written to in one the firm stopped offering', () => {
    const senders = sourcesUnder(FUNCTIONS).filter((file) => /\bsendEmail(WithInvite)?\(/.test(readFileSync(file, 'utf8')) && !file.endsWith('mailer.ts'));
    expect(senders.length).toBeGreaterThanOrEqual(5);
    const unguarded = senders.filter((file) => !readFileSync(file, 'utf8').includes('localeFor('));
    expect(unguarded.map((file) => relative(FUNCTIONS, file))).toEqual([]);
  });
});
