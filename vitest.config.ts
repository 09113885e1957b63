import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'shared/**/*.test.ts',
            'functions/**/*.test.ts',
            'infra/local/**/*.test.ts',
            'infra/bundling/**/*.test.ts',
            'infra/tools/**/*.test.ts',
            'infra/workflows.test.ts',
            'web/src/**/*.test.ts',
            'web/build/**/*.test.ts',
          ],
          exclude: ['**/*.int.test.ts'],
          setupFiles: ['infra/test-tmp.ts'],
        },
      },
      {
        test: {
          name: 'stack',
          include: ['**/*.int.test.ts', 'web/e2e/**/*.e2e.test.ts'],
          exclude: ['node_modules/**'],
          globalSetup: ['infra/local/test-stack.ts'],
          setupFiles: ['infra/local/test-env.ts'],
          testTimeout: 20_000,
          // Browser and event-driven checks poll until true; this is their deadline, not a wait (10 s: a 2-core machine under a full run is slow).
          expect: { poll: { timeout: 10_000 } },
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      { test: { name: 'cdk', include: ['infra/**/*.cdk.test.ts'], setupFiles: ['infra/test-tmp.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
    ],
  },
});
