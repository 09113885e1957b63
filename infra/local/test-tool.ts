/**
 * Tests' way to run a command-line tool as a person runs it against `npm start`: a child process
 * given `--local <file>`, the file holding the test stack's environment as `.local/stack.json`
 * holds the running stack's. Removed when the calling test file ends.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

export interface ToolRun {
  code: number;
  out: string;
  err: string;
}

/** A runner of `script` (a path from the repository's root) on the test stack, and a folder for its files. */
export function localTool(script: string): { run: (...args: string[]) => Promise<ToolRun>; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tool-'));
  const stackFile = join(dir, 'stack.json');
  writeFileSync(stackFile, JSON.stringify({ env: Object.fromEntries(Object.entries(process.env).filter(([, v]) => typeof v === 'string')) }));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    new Promise<ToolRun>((resolve) => {
      execFile(process.execPath, [script, ...args, '--local', stackFile], { timeout: 120_000 }, (error, out, err) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
      );
    });
  return { run, dir };
}
