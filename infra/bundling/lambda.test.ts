import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAMBDA_ENTRIES, lambdaBundles } from './lambda.ts';

describe('Lambda bundles', () => {
  const bundles = lambdaBundles();
  const code = (name: string) => readFileSync(join(bundles.dirOf(name), 'index.mjs'), 'utf8');

  it.each(LAMBDA_ENTRIES.map(([name]) => name))('%s never imports node:http as an ES module (it loads undici at cold start)', (name) => {
    expect(code(name).match(/(?:\bfrom|\bimport)\s*["'](?:node:)?http["']/)?.[0]).toBeUndefined();
  });

  it('still gives bundled code the real STATUS_CODES', async () => {
    const { STATUS_CODES } = await import('./node-http.ts');
    expect(STATUS_CODES).toBe(process.getBuiltinModule('node:http').STATUS_CODES);
  });
});
