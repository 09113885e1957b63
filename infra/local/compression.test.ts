import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compress, encodingFor } from './compression.ts';

describe('compression as CloudFront applies it', () => {
  it('prefers Brotli, then gzip, as the viewer accepts', () => {
    expect(encodingFor('gzip, deflate, br', 'text/javascript; charset=utf-8', 5000)).toBe('br');
    expect(encodingFor('gzip;q=1.0', 'application/json', 5000)).toBe('gzip');
    expect(encodingFor('identity', 'text/html; charset=utf-8', 5000)).toBeUndefined();
    expect(encodingFor(undefined, 'text/html; charset=utf-8', 5000)).toBeUndefined();
  });

  it('leaves small, huge and already compressed responses alone', () => {
    expect(encodingFor('br', 'text/css', 999)).toBeUndefined();
    expect(encodingFor('br', 'text/css', 10_000_001)).toBeUndefined();
    expect(encodingFor('br', 'font/woff2', 50_000)).toBeUndefined();
    expect(encodingFor('br', 'image/png', 50_000)).toBeUndefined();
    expect(encodingFor('br', 'image/svg+xml', 5000)).toBe('br');
  });

  it('gives back what went in', () => {
    const body = Buffer.from('the same words again and again '.repeat(100));
    expect(brotliDecompressSync(compress(body, 'br')).equals(body)).toBe(true);
    expect(gunzipSync(compress(body, 'gzip')).equals(body)).toBe(true);
    expect(compress(body, 'br').length).toBeLessThan(body.length / 10);
  });
});
