/**
 * Bundle report, run by `npm test`: each Lambda's minified size (the bundle CDK deploys; its
 * cold start is measured by `npm run bench:cold-start`) and each page's JavaScript (gzip: its
 * static imports, its features' strings in one language and its largest lazy component).
 * Exceeding a budget, or zod reaching a page, fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { LOCALES } from '../../shared/domain/locales.ts';
import { LAMBDA_BUDGET_BYTES, LAMBDA_ENTRIES, lambdaBundles } from './lambda.ts';

const PAGE_JS_BUDGET_BYTES = 100 * 1024;
const root = resolve(import.meta.dirname, '../..');
const site = join(root, 'web/dist');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const failures: string[] = [];

console.log('Lambda bundles (minified)');
const bundles = lambdaBundles();
for (const [name] of LAMBDA_ENTRIES) {
  const size = bundles.sizeOf(name);
  const over = size > LAMBDA_BUDGET_BYTES;
  if (over) failures.push(`Lambda ${name}: ${kb(size)} > ${kb(LAMBDA_BUDGET_BYTES)}`);
  console.log(`  ${over ? '✗' : '✓'} ${name.padEnd(22)} ${kb(size).padStart(9)}  (budget ${kb(LAMBDA_BUDGET_BYTES)})`);
}

/** A module and everything it imports statically, as served under /_astro/; its dynamic imports go to `lazy`. */
function moduleGraph(file: string, seen = new Set<string>(), lazy = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const [, dynamic, spec] of source.matchAll(/(?:from|import)\s*(\()?\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    const target = resolve(dirname(file), spec!);
    if (dynamic) lazy.add(target);
    else moduleGraph(target, seen, lazy);
  }
  return seen;
}

const gzipSize = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0);

function pages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? pages(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

console.log('\nPage JavaScript (gzip: its static graph, its strings in one language, its largest lazy component)');
for (const page of pages(site)) {
  const html = readFileSync(page, 'utf8');
  const files = new Set<string>();
  const lazy = new Set<string>();
  for (const [, src] of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) moduleGraph(join(site, src!), files, lazy);
  // A page loads its static graph, its features' strings in the reader's language (count the
  // heaviest language) and, at most, its largest lazily loaded component.
  const lazySize = (f: string) => gzipSize([...moduleGraph(f)].filter((m) => !files.has(m)));
  const stringsIn = (locale: string) => [...lazy].filter((f) => basename(f).startsWith(`${locale}.`));
  const strings = Math.max(...LOCALES.map((locale) => stringsIn(locale).reduce((sum, f) => sum + lazySize(f), 0)));
  const others = [...lazy].filter((f) => !LOCALES.some((locale) => stringsIn(locale).includes(f)));
  const size = gzipSize(files) + strings + Math.max(0, ...others.map(lazySize));
  const over = size > PAGE_JS_BUDGET_BYTES;
  const name = `/${relative(site, page)}`;
  if (over) failures.push(`Page ${name}: ${kb(size)} > ${kb(PAGE_JS_BUDGET_BYTES)}`);
  // The web client takes types from the API schemas, never zod itself (~9 KB gzip): constants live in shared/domain.
  if ([...files].some((f) => readFileSync(f, 'utf8').includes('._zod')))
    failures.push(`Page ${name}: loads zod (import a constant from shared/domain, not shared/api/schemas)`);
  console.log(`  ${over ? '✗' : '✓'} ${name.padEnd(26)} ${kb(size).padStart(9)}  (budget ${kb(PAGE_JS_BUDGET_BYTES)})`);
}

if (failures.length) {
  console.error(`\nBundle report failures:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('\nAll bundles within budget.');
