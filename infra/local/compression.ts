/**
 * Compression as CloudFront applies it in front of the site and the API (compress is on in
 * infra/constructs/web.ts): Brotli or gzip, as the viewer accepts, for text-like types of
 * 1,000 bytes to 10 MB. Without it the local stack would send pages several times their size
 * and every measurement of load time would be wrong.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const MIN_BYTES = 1_000;
const MAX_BYTES = 10_000_000;
const TEXT_LIKE = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml|image\/x-icon)/;

export type Encoding = 'br' | 'gzip';

/** The encoding CloudFront would choose for this viewer and response, if any. */
export function encodingFor(acceptEncoding: string | undefined, contentType: string | undefined, bytes: number): Encoding | undefined {
  if (!contentType || !TEXT_LIKE.test(contentType) || bytes < MIN_BYTES || bytes > MAX_BYTES) return undefined;
  const accepted = new Set((acceptEncoding ?? '').split(',').map((e) => e.split(';')[0]!.trim().toLowerCase()));
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return undefined;
}

export function compress(body: Buffer, encoding: Encoding): Buffer {
  // A middle Brotli quality: near the best size, without making every local page load slow.
  return encoding === 'br' ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) : gzipSync(body);
}

/** Built files change only with a build: each is compressed once per encoding and version of it. */
const cache = new Map<string, Buffer>();
export function compressedFile(key: string, body: Buffer, encoding: Encoding): Buffer {
  const found = cache.get(`${encoding} ${key}`);
  if (found) return found;
  const made = compress(body, encoding);
  cache.set(`${encoding} ${key}`, made);
  return made;
}
