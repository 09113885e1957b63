/**
 * How every Lambda is built: one esbuild run over every entry, used by CDK (the asset it
 * deploys), the local stack and the tests (the bundle they run) and the bundle report.
 * What ships is what runs locally, byte for byte.
 */
import { buildSync, type BuildOptions } from 'esbuild';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { API_LAMBDA_NAMES, API_LAMBDAS } from '../../shared/api/operations.ts';
import { CONSUMER_CONTEXTS, CONSUMERS } from '../../shared/events/rules.ts';
import { SCHEDULES } from '../../shared/schedules.ts';

/** A secondary check since cold-start time is measured (npm run bench:cold-start, ADR 0003). */
export const LAMBDA_BUDGET_BYTES = 380 * 1024;

const root = resolve(import.meta.dirname, '../..');

const OPTIONS = {
  bundle: true,
  target: 'node24',
  format: 'esm',
  platform: 'node',
  minify: true,
  sourcemap: true,
  mainFields: ['module', 'main'],
  /** The Lambda runtime ships the AWS SDK v3. */
  external: ['@aws-sdk/*'],
  /** Same exports without the ESM namespace's cost (see the file). */
  alias: { 'node:http': join(import.meta.dirname, 'node-http.ts') },
  /** Some dependencies are CommonJS and call require(); an ESM bundle must define it. */
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  outExtension: { '.js': '.mjs' },
  logLevel: 'error',
} as const satisfies BuildOptions;

/**
 * Every Lambda of the stack by name → entry file. The name is the function's id everywhere; the
 * entry sits in the folder of the bounded context its declaration names.
 */
export const LAMBDA_ENTRIES: ReadonlyArray<readonly [string, string]> = [
  ...API_LAMBDA_NAMES.map((l) => [`api/${l}`, `functions/${API_LAMBDAS[l].context}/http/${l}.ts`] as const),
  ['events/stream-router', 'functions/platform/consumers/stream-router.ts'],
  ...CONSUMERS.map((c) => [`events/${c}`, `functions/${CONSUMER_CONTEXTS[c]}/consumers/${c}.ts`] as const),
  ['ws/authorizer', 'functions/notifications/ws/authorizer.ts'],
  ['ws/routes', 'functions/notifications/ws/routes.ts'],
  ...SCHEDULES.map((s) => [`jobs/${s.name}`, `functions/${s.context}/jobs/${s.name}.ts`] as const),
];

export type LambdaName = string;

export interface LambdaBundles {
  /** The folder holding `index.mjs` (and its source map) of a function: its deployment package. */
  dirOf(name: LambdaName): string;
  /** Minified size of a function's code in bytes. */
  sizeOf(name: LambdaName): number;
}

let built: LambdaBundles | undefined;

/**
 * Builds every function once per process (esbuild runs the entries in parallel), into a
 * private temporary folder so concurrent builds never share files.
 */
export function lambdaBundles(): LambdaBundles {
  if (built) return built;
  const outdir = mkdtempSync(join(tmpdir(), 'portal-lambdas-'));
  process.once('exit', () => rmSync(outdir, { recursive: true, force: true }));
  buildSync({
    ...OPTIONS,
    entryPoints: Object.fromEntries(LAMBDA_ENTRIES.map(([name, entry]) => [`${name}/index`, join(root, entry)])),
    outdir,
  });
  const dirOf = (name: LambdaName) => {
    if (!LAMBDA_ENTRIES.some(([n]) => n === name)) throw new Error(`No Lambda named ${name}`);
    return join(outdir, name);
  };
  built = { dirOf, sizeOf: (name) => statSync(join(dirOf(name), 'index.mjs')).size };
  return built;
}
