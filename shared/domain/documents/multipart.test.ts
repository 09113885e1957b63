import { describe, expect, it } from 'vitest';
import { isMultipart, MULTIPART_ABOVE_BYTES, PART_BYTES, partCountOf, partRange, partsProblem } from './multipart.ts';

const MB = 1024 * 1024;
const partsOf = (size: number) =>
  Array.from({ length: partCountOf(size) }, (_, i) => ({ partNumber: i + 1, size: partRange(size, i + 1).end - partRange(size, i + 1).start }));

describe('multipart uploads', () => {
  it('sends in parts only above 16 MB, in 8 MB parts', () => {
    expect(isMultipart(MULTIPART_ABOVE_BYTES)).toBe(false);
    expect(isMultipart(MULTIPART_ABOVE_BYTES + 1)).toBe(true);
    expect(partCountOf(100 * MB)).toBe(13);
    expect(partCountOf(16 * MB + 1)).toBe(3);
    expect(partRange(100 * MB, 13)).toEqual({ start: 12 * PART_BYTES, end: 100 * MB });
  });

  it('accepts the parts that make the file exactly, in any order', () => {
    expect(partsProblem(100 * MB, partsOf(100 * MB).reverse())).toBeUndefined();
    expect(partsProblem(17 * MB, partsOf(17 * MB))).toBeUndefined();
  });

  it('names what is missing, extra or of the wrong size', () => {
    const parts = partsOf(40 * MB);
    expect(
      partsProblem(
        40 * MB,
        parts.filter((p) => p.partNumber !== 2),
      ),
    ).toBe('part 2 of 5 has not arrived');
    expect(partsProblem(40 * MB, parts.slice(0, 2))).toBe('parts 3, 4, 5 of 5 have not arrived');
    expect(partsProblem(40 * MB, [...parts, { partNumber: 6, size: 1 }])).toBe("part 6 is beyond the file's 5 parts");
    expect(
      partsProblem(
        40 * MB,
        parts.map((p) => (p.partNumber === 5 ? { ...p, size: p.size - 1 } : p)),
      ),
    ).toBe(`part 5 holds ${PART_BYTES - 1} bytes; ${PART_BYTES} were expected`);
  });
});
