import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../i18n/audit/en.ts';

const functionsDir = new URL('../../../../functions/', import.meta.url).pathname;
const sources = (readdirSync(functionsDir, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => readFileSync(join(functionsDir, f), 'utf8'));
const literals = (pattern: RegExp) => [...new Set(sources.flatMap((s) => [...s.matchAll(pattern)].map((m) => m[1]!)))];

// The audit log shows people words, never keys like customer.merged.
describe('the audit log names', () => {
  it('every action the code audits', () => {
    expect(literals(/action: '([a-z_]+\.[a-z_]+)'/g).filter((a) => !(a in en.audit.actions))).toEqual([]);
  });

  it('every kind of record it audits', () => {
    expect(literals(/entityType: '([a-z_]+)'/g).filter((t) => !(t in en.audit.recordTypes))).toEqual([]);
  });
});
