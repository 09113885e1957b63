import { describe, expect, it } from 'vitest';
import { foldScan, MAX_SCAN_FAILURES, statusAfterScans, type ScanResult, type ScanState } from './scans.ts';

const fold = (results: ScanResult[]): ScanState => results.reduce<ScanState>((s, r) => foldScan(s, r, r === 'THREATS_FOUND' ? ['EICAR'] : []), { failures: 0 });

/** Every order of `items`. */
const orders = <T>(items: T[]): T[][] =>
  items.length <= 1 ? [items] : items.flatMap((x, i) => orders([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));

describe('scan results', () => {
  it('end the same in every order of arrival', () => {
    for (const results of [
      ['FAILED', 'NO_THREATS_FOUND', 'THREATS_FOUND'],
      ['UNSUPPORTED', 'NO_THREATS_FOUND', 'NO_THREATS_FOUND'],
      ['FAILED', 'ACCESS_DENIED', 'NO_THREATS_FOUND'],
    ] as ScanResult[][]) {
      const ends = orders(results).map((order) => JSON.stringify(fold(order)));
      expect(new Set(ends).size).toBe(1);
    }
  });

  it('keep a threat: a later clean result never releases it', () => {
    expect(statusAfterScans(fold(['THREATS_FOUND', 'NO_THREATS_FOUND']), true)).toBe('quarantined');
    expect(fold(['THREATS_FOUND', 'THREATS_FOUND']).threats).toEqual(['EICAR']);
  });

  it('keep a clean result when a late failure of an earlier attempt arrives', () => {
    expect(statusAfterScans(fold(['NO_THREATS_FOUND', 'FAILED']), true)).toBe('available');
  });

  it('give up after three failed attempts, and never before', () => {
    const failed = (n: number) => fold(Array.from({ length: n }, () => 'FAILED' as const));
    expect(statusAfterScans(failed(MAX_SCAN_FAILURES - 1), undefined)).toBe('scanning');
    expect(statusAfterScans(failed(MAX_SCAN_FAILURES), undefined)).toBe('unscannable');
    expect(statusAfterScans(fold(['FAILED', 'UNSUPPORTED', 'NO_THREATS_FOUND']), true)).toBe('available');
  });

  it('serve a clean file only when its content is what its name says', () => {
    const clean = fold(['NO_THREATS_FOUND']);
    expect(statusAfterScans(clean, true)).toBe('available');
    expect(statusAfterScans(clean, false)).toBe('rejected');
    expect(statusAfterScans(clean, undefined)).toBe('scanning');
  });
});
