/**
 * Large files go to S3 in parts (ADR 0032): each part is hashed by the browser and checked by
 * S3, and the upload can pause, resume and be cancelled. Smaller files keep the one POST.
 */
import { MAX_FILE_BYTES } from './files.ts';

const MB = 1024 * 1024;
/** Above this a file is sent in parts; at or below, in one presigned POST. */
export const MULTIPART_ABOVE_BYTES = 16 * MB;
/** Every part but the last is this size (S3 needs at least 5 MB); a 100 MB file is 13 parts. */
export const PART_BYTES = 8 * MB;

export const isMultipart = (size: number) => size > MULTIPART_ABOVE_BYTES;

export const partCountOf = (size: number) => Math.ceil(size / PART_BYTES);

/** The most parts a file can have (13 for 100 MB). */
export const MAX_FILE_PARTS = partCountOf(MAX_FILE_BYTES);

/** The bytes part `partNumber` (from 1) of a file of `size` holds. */
export function partRange(size: number, partNumber: number): { start: number; end: number } {
  const start = (partNumber - 1) * PART_BYTES;
  return { start, end: Math.min(size, start + PART_BYTES) };
}

/**
 * What is wrong with the parts S3 holds for a file of `size`, or undefined when they make the
 * file exactly: every part from 1 to the last, each of its size.
 */
export function partsProblem(size: number, parts: readonly { partNumber: number; size: number }[]): string | undefined {
  const count = partCountOf(size);
  const held = new Map(parts.map((p) => [p.partNumber, p.size]));
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((n) => !held.has(n));
  if (missing.length) return `part${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${count} ha${missing.length > 1 ? 've' : 's'} not arrived`;
  const extra = [...held.keys()].find((n) => n > count);
  if (extra) return `part ${extra} is beyond the file's ${count} parts`;
  for (let n = 1; n <= count; n++) {
    const { start, end } = partRange(size, n);
    if (held.get(n) !== end - start) return `part ${n} holds ${held.get(n)} bytes; ${end - start} were expected`;
  }
  return undefined;
}
