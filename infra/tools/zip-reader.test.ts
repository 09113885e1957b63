import { describe, expect, it } from 'vitest';
import { ZipWriter } from '../../functions/documents/zip-writer.ts';
import { readZip } from './zip-reader.ts';

describe('reading the portal’s own ZIP files', () => {
  it('gives back each file written, by name', async () => {
    const chunks: Buffer[] = [];
    const writer = new ZipWriter(async (chunk) => void chunks.push(chunk));
    await writer.add('records.jsonl', Buffer.from('{"a":1}\n'), new Date());
    await writer.add('files/documents/d1/v1', Buffer.from([0, 1, 2, 255]), new Date());
    await writer.add('csv/Zoë.csv', Buffer.alloc(0), new Date());
    await writer.finish();
    const files = readZip(Buffer.concat(chunks));
    expect([...files.keys()]).toEqual(['records.jsonl', 'files/documents/d1/v1', 'csv/Zoë.csv']);
    expect(files.get('records.jsonl')!.toString()).toBe('{"a":1}\n');
    expect([...files.get('files/documents/d1/v1')!]).toEqual([0, 1, 2, 255]);
  });

  it('refuses what is not a ZIP file', () => {
    expect(() => readZip(Buffer.from('not a zip at all, not at all'))).toThrow(/not a ZIP file/);
  });
});
