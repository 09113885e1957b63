import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOUNDED_CONTEXTS } from '../../shared/contexts.ts';
import { LAMBDA_ENTRIES } from './lambda.ts';

const root = resolve(import.meta.dirname, '../..');
const functions = join(root, 'functions');
const folders = (dir: string) => readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory());
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [relative(root, join(dir, e.name))] : [],
  );

describe('the functions folder', () => {
  it('lists the bounded contexts, plus lib/ for what is cross-cutting', () => {
    expect(folders(functions).map((e) => e.name)).toEqual([...BOUNDED_CONTEXTS, 'lib'].sort());
  });

  it('keeps Lambda entries, and only them, in http/, consumers/, jobs/ and ws/', () => {
    const entries = new Set(LAMBDA_ENTRIES.map(([, entry]) => entry));
    const inEntryFolders = sources(functions).filter((file) => /^functions\/[^/]+\/(http|consumers|jobs|ws)\//.test(file));
    expect(inEntryFolders.filter((file) => !entries.has(file))).toEqual([]);
    expect([...entries].filter((entry) => entry.startsWith('functions/') && !inEntryFolders.includes(entry))).toEqual([]);
  });
});
