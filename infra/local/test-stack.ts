/** vitest globalSetup: one local stack for the integration and browser tests, torn down after. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from './process.ts';
import { startStack } from './stack.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    stackEnv: Record<string, string>;
    portalUrl: string;
    inboxUrl: string;
    /** The names of the functions the stack runs (from the synthesized templates). */
    deployedFunctions: string[];
  }
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-test-'));
  const stack = await startStack({
    dataDir,
    persist: false,
    fresh: false,
    port: await freePort(),
    siteDir: resolve(import.meta.dirname, '../../web/dist'),
    log: (line) => console.error(line),
  });
  project.provide('stackEnv', stack.env);
  project.provide('portalUrl', stack.portalUrl);
  project.provide('inboxUrl', stack.inboxUrl);
  project.provide(
    'deployedFunctions',
    stack.deployed.map((f) => f.name),
  );
  return async () => {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
