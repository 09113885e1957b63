import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZipWriter } from './zip-writer.ts';

/** The archive as Python's zipfile reads it: each name, its size, and whether its CRC holds. */
function pythonReads(archive: Buffer) {
  const file = join(mkdtempSync(join(tmpdir(), 'zip-')), 'a.zip');
  writeFileSync(file, archive);
  const script = `import json,sys,zipfile
z=zipfile.ZipFile(sys.argv[1])
print(json.dumps({"bad": z.testzip(), "files": [[i.filename, i.file_size, i.date_time[0], z.read(i).decode("utf-8")] for i in z.infolist()]}))`;
  const run = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as { bad: string | null; files: [string, number, number, string][] };
}

describe('the ZIP writer', () => {
  it('writes an archive another reader opens, with folders, UTF-8 names, times and checked contents', async () => {
    const chunks: Buffer[] = [];
    const zip = new ZipWriter(async (chunk) => void chunks.push(chunk));
    await zip.add('Tax returns/2025/W-2.txt', Buffer.from('wages 1000\n'), new Date('2026-04-01T10:20:30Z'));
    await zip.add('Contrats/reçu €.csv', Buffer.from('a,b\n1,2\n'), new Date('2026-12-03T00:00:00Z'));
    await zip.add('empty.txt', Buffer.alloc(0), new Date('2026-12-03T00:00:00Z'));
    const size = await zip.finish();
    const archive = Buffer.concat(chunks);
    expect(size).toBe(archive.length);
    expect(pythonReads(archive)).toEqual({
      bad: null,
      files: [
        ['Tax returns/2025/W-2.txt', 11, 2026, 'wages 1000\n'],
        ['Contrats/reçu €.csv', 8, 2026, 'a,b\n1,2\n'],
        ['empty.txt', 0, 2026, ''],
      ],
    });
  });
});
