/** How every Lambda is bundled: used by CDK (infra/constructs/api.ts) and the bundle report. */
import { resolve } from 'node:path';
import { CONTEXTS } from '../../shared/api/operations.ts';
import { CONSUMERS } from '../../shared/events/rules.ts';
import { SCHEDULES } from '../../shared/schedules.ts';

export const LAMBDA_BUDGET_BYTES = 300 * 1024;

const here = import.meta.dirname;

export const LAMBDA_BUNDLING = {
  target: 'node24',
  format: 'esm',
  platform: 'node',
  minify: true,
  mainFields: ['module', 'main'],
  /** The Lambda runtime ships the AWS SDK v3. */
  external: ['@aws-sdk/*'],
  alias: { jsonschema: resolve(here, 'jsonschema-prevalidated.ts') },
  /** Some dependencies are CommonJS and call require(); an ESM bundle must define it. */
  banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
} as const;

/** Every Lambda of the stack by name → entry file (the bundle report measures each). */
export const LAMBDA_ENTRIES: ReadonlyArray<readonly [string, string]> = [
  ...CONTEXTS.map((c) => [`api/${c}`, `functions/${c}/index.ts`] as const),
  ['events/stream-router', 'functions/events/stream-router.ts'],
  ...CONSUMERS.map((c) => [`events/${c}`, `functions/events/${c}.ts`] as const),
  ['ws/authorizer', 'functions/ws/authorizer.ts'],
  ['ws/routes', 'functions/ws/routes.ts'],
  ...SCHEDULES.map((s) => [`jobs/${s.name}`, `functions/jobs/${s.name}.ts`] as const),
];
