/**
 * Each test file's temporary files go into a folder of its own, removed when the file ends:
 * synthesizing an app stages every function's bundle (over 100 MB) in a temporary cdk.out,
 * and the bundles are built into a temporary folder too. Left behind by every run, they once
 * filled the disk; a worker that is stopped never runs the `exit` handlers that would remove them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const own = mkdtempSync(join(tmpdir(), 'portal-test-files-'));
const before = process.env.TMPDIR;
// os.tmpdir() reads TMPDIR on every call: CDK's cdk.out and the bundles' folder land in here.
process.env.TMPDIR = own;
afterAll(() => {
  if (before === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = before;
  rmSync(own, { recursive: true, force: true });
});
