/**
 * Every page a notice links to (in the bell and in its email) exists in the site: a link to a
 * page nobody built reaches a 404. Read from the sources, so a new kind of notice is checked too.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const FUNCTIONS = join(import.meta.dirname, '..');
const PAGES = join(import.meta.dirname, '../../web/src/pages');

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );

/** The fixed part of each `link: '/…'` or link: `/…${…}`: the page, before its query or the first value put in. */
const linkedPages = () =>
  [
    ...new Set(
      sources(FUNCTIONS).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/\blink: [`'](\/[^`'?$]*)/g)].map((m) => m[1]!).filter((path) => path.endsWith('/')),
      ),
    ),
  ].sort();

const built = (path: string) => existsSync(join(PAGES, path, 'index.astro')) || existsSync(join(PAGES, `${path.slice(0, -1)}.astro`));

it('finds the links notices carry', () => {
  expect(linkedPages()).toEqual(expect.arrayContaining(['/request/', '/task/', '/ticket/', '/admin/users/']));
});

it.each(linkedPages())('has a page for %s', (path) => {
  expect(built(path), `no page in web/src/pages for ${path}`).toBe(true);
});
