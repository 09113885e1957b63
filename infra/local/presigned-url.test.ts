import { GetObjectCommand, S3Client, UploadPartCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { describe, expect, it } from 'vitest';
import { presignedRefusal } from './presigned-url.ts';

const credentials = { accessKeyId: 'LOCALKEY', secretAccessKey: 'local-secret' };
const s3 = new S3Client({
  region: 'eu-central-1',
  endpoint: 'http://127.0.0.1:9',
  forcePathStyle: true,
  credentials,
  requestChecksumCalculation: 'WHEN_REQUIRED',
});
const secretOf = (id: string) => (id === credentials.accessKeyId ? credentials.secretAccessKey : undefined);
const CHECKSUM = `${'A'.repeat(43)}=`;

/** A link signed by the AWS SDK, as the routes sign them, and the request a browser makes with it. */
async function signedPart(expiresIn = 300) {
  const url = new URL(
    await getSignedUrl(s3, new UploadPartCommand({ Bucket: 'docs', Key: 't/t-a/documents/d 1/v1', UploadId: 'u1', PartNumber: 2, ChecksumSHA256: CHECKSUM }), {
      expiresIn,
      unhoistableHeaders: new Set(['x-amz-checksum-sha256']),
    }),
  );
  return { method: 'PUT', url: url.pathname + url.search, headers: { host: url.host, 'x-amz-checksum-sha256': CHECKSUM } as Record<string, string> };
}
const check = (r: { method: string; url: string; headers: Record<string, string> }, now?: Date) =>
  presignedRefusal({ method: r.method, url: r.url, header: (name) => r.headers[name] }, secretOf, now);

describe('the local check of a presigned URL', () => {
  it('takes what S3 takes: the SDK’s link with its signed headers', async () => {
    expect(check(await signedPart())).toBeUndefined();
    const download = new URL(
      await getSignedUrl(
        s3,
        new GetObjectCommand({ Bucket: 'docs', Key: 't/x', ResponseContentDisposition: `attachment; filename="a b.pdf"; filename*=UTF-8''a%20b.pdf` }),
        { expiresIn: 300 },
      ),
    );
    expect(check({ method: 'GET', url: download.pathname + download.search, headers: { host: download.host } })).toBeUndefined();
  });

  it('refuses what S3 refuses: another checksum, method, part, key or host; no header; expired; unknown key', async () => {
    const part = await signedPart();
    const refused = (change: Partial<typeof part>) => check({ ...part, ...change })?.code;
    expect(refused({ headers: { ...part.headers, 'x-amz-checksum-sha256': `${'B'.repeat(43)}=` } })).toBe('SignatureDoesNotMatch');
    expect(refused({ headers: { host: part.headers.host! } })).toBe('SignatureDoesNotMatch');
    expect(refused({ method: 'POST' })).toBe('SignatureDoesNotMatch');
    expect(refused({ url: part.url.replace('partNumber=2', 'partNumber=3') })).toBe('SignatureDoesNotMatch');
    expect(refused({ url: part.url.replace('v1', 'v2') })).toBe('SignatureDoesNotMatch');
    expect(refused({ headers: { ...part.headers, host: '127.0.0.1:10' } })).toBe('SignatureDoesNotMatch');
    expect(check(part, new Date(Date.now() + 301_000))?.message).toBe('Request has expired');
    expect(presignedRefusal({ method: part.method, url: part.url, header: (n) => part.headers[n] }, () => undefined)?.code).toBe('AccessDenied');
  });
});
