/** How every Lambda is bundled: used by CDK (infra/constructs/api.ts) and the bundle report. */
import { resolve } from 'node:path';

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
