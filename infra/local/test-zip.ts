/** A downloaded ZIP's files and contents, as Python's zipfile reads them (its CRCs checked): a reader other than ours. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

export async function zipContents(url: string): Promise<Record<string, string>> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  const file = join(mkdtempSync(join(tmpdir(), 'zip-')), 'a.zip');
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  const script = `import json,sys,zipfile
z=zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
print(json.dumps({i.filename: z.read(i).decode() for i in z.infolist()}))`;
  return JSON.parse(spawnSync('python3', ['-c', script, file], { encoding: 'utf8' }).stdout) as Record<string, string>;
}
