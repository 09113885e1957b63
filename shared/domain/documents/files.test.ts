import { describe, expect, it } from 'vitest';
import { contentMatches, extensionOf, nameProblem } from './files.ts';

const bytes = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => new TextEncoder().encode(s);

describe('document files', () => {
  it('take names of the allowed types, and refuse paths, controls, disguises and long names', () => {
    expect(nameProblem('2026 W-2.PDF')).toBeUndefined();
    expect(nameProblem('Bank statements Jan–Mar.xlsx')).toBeUndefined();
    expect(nameProblem('كشف حساب.csv')).toBeUndefined();
    expect(nameProblem('../../etc/passwd.txt')).toBe('must be a file name, not a path');
    expect(nameProblem('a\\b.txt')).toBe('must be a file name, not a path');
    expect(nameProblem('report\u0000.pdf')).toBe('must not contain control characters');
    expect(nameProblem('line\nbreak.pdf')).toBe('must not contain control characters');
    expect(nameProblem('invoice\u202Efdp.exe')).toBe('must not contain control characters');
    expect(nameProblem(`${'a'.repeat(296)}.pdf`)).toBe('must be at most 255 characters');
    expect(nameProblem(`${'a'.repeat(251)}.pdf`)).toBeUndefined();
    expect(nameProblem('setup.exe')).toMatch(/^must end in one of: \.pdf/);
    expect(nameProblem('noextension')).toMatch(/^must end in one of/);
    expect(nameProblem('   ')).toBe('is required');
  });

  it('judge the type by the first bytes, not the name', () => {
    expect(contentMatches('pdf', text('%PDF-1.7\n'))).toBe(true);
    // An .exe renamed .pdf starts with MZ.
    expect(contentMatches('pdf', bytes(0x4d, 0x5a, 0x90, 0x00))).toBe(false);
    expect(contentMatches('png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe(true);
    expect(contentMatches('jpg', bytes(0xff, 0xd8, 0xff, 0xe0))).toBe(true);
    expect(contentMatches('docx', bytes(0x50, 0x4b, 0x03, 0x04, 0x14))).toBe(true);
    expect(contentMatches('doc', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toBe(true);
    expect(contentMatches('csv', text('date,amount\n2026-01-02,12.50\n'))).toBe(true);
    expect(contentMatches('txt', text('Grüße – ☃'))).toBe(true);
    // A multi-byte character cut at the end of the sample is still text.
    expect(contentMatches('txt', text('Grüße ☃').subarray(0, 10))).toBe(true);
    expect(contentMatches('txt', bytes(0x4d, 0x5a, 0x00, 0x01))).toBe(false);
    expect(contentMatches('csv', bytes(0xff, 0xfe, 0x41, 0x00, 0x42))).toBe(false);
  });

  it('read the extension case-blind, and only the allowed ones', () => {
    expect(extensionOf('Scan.JPEG')).toBe('jpeg');
    expect(extensionOf('archive.tar.gz')).toBeUndefined();
    expect(extensionOf('pdf')).toBeUndefined();
  });
});

describe('document object keys', async () => {
  const { objectKeyOf, versionOfKey } = await import('./keys.ts');
  it('name the firm, document and version, and read back only keys of that shape', () => {
    const ref = { tenantId: 't-designpi', documentId: 'a1b2c3', versionNo: 12 };
    expect(objectKeyOf(ref)).toBe('t/t-designpi/documents/a1b2c3/v12');
    expect(versionOfKey(objectKeyOf(ref))).toEqual(ref);
    for (const key of ['exports/x.csv', 't/t-a/documents/../v1', 't/t-a/documents/d/v1/extra', 't//documents/d/v1', 't/t-a/documents/d/vx'])
      expect(versionOfKey(key)).toBeUndefined();
  });
});
