/**
 * S3's checks of a browser upload by POST (SigV4 POST policy), which s3rver does not make: the
 * local stand-in applies them before it stores the file, so an upload the real bucket would
 * refuse is refused here too, with S3's error codes. Written from S3's documentation, apart
 * from the SDK that signs the policies (createPresignedPost), so each checks the other.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 's3rver';

export interface PostRefusal {
  status: number;
  code: string;
  message: string;
}

/** Fields S3 never expects a condition for. */
const UNCONDITIONED = new Set(['file', 'policy', 'x-amz-signature']);

export const refuse = (status: number, code: string, message: string): PostRefusal => ({ status, code, message });
export const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** SigV4's signing key for S3 on `date` (YYYYMMDD) in `region`. */
export const signingKey = (secret: string, date: string, region: string) => hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), 's3'), 'aws4_request');

type Condition = Record<string, string> | [string, string | number, string | number];

/**
 * Why S3 would refuse this upload, or nothing. `fields` are the form's fields (names as sent),
 * `bucket` the bucket of the URL, `secretOf` the secret key of an access key the server knows.
 */
export function postRefusal(
  fields: Record<string, string>,
  file: Buffer,
  bucket: string,
  secretOf: (accessKeyId: string) => string | undefined,
  now = new Date(),
): PostRefusal | undefined {
  const form = new Map(Object.entries(fields).map(([k, v]) => [k.toLowerCase(), v]));
  const policy = form.get('policy');
  const [accessKeyId, date, region] = (form.get('x-amz-credential') ?? '').split('/');
  const secret = accessKeyId ? secretOf(accessKeyId) : undefined;
  if (!policy || !secret || !date || !region || form.get('x-amz-algorithm') !== 'AWS4-HMAC-SHA256')
    return refuse(403, 'AccessDenied', 'Access Denied: the upload is not signed');
  const expected = hmac(signingKey(secret, date, region), policy);
  const given = Buffer.from(form.get('x-amz-signature') ?? '', 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return refuse(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');

  const { expiration, conditions } = JSON.parse(Buffer.from(policy, 'base64').toString('utf8')) as { expiration: string; conditions: Condition[] };
  if (!(Date.parse(expiration) > now.getTime())) return refuse(403, 'AccessDenied', 'Invalid according to Policy: Policy expired.');

  const valueOf = (name: string) => (name === 'bucket' ? bucket : form.get(name));
  const covered = new Set<string>();
  for (const condition of conditions) {
    if (!Array.isArray(condition)) {
      for (const [name, value] of Object.entries(condition)) {
        covered.add(name.toLowerCase());
        if (valueOf(name.toLowerCase()) !== value)
          return refuse(403, 'AccessDenied', `Invalid according to Policy: Policy Condition failed: ["eq", "$${name}", "${value}"]`);
      }
      continue;
    }
    const [op, a, b] = condition;
    if (op === 'content-length-range') {
      if (file.length < Number(a)) return refuse(400, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size');
      if (file.length > Number(b)) return refuse(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
      continue;
    }
    const name = String(a).replace(/^\$/, '').toLowerCase();
    covered.add(name);
    const value = valueOf(name) ?? '';
    const holds = op === 'eq' ? value === b : op === 'starts-with' ? value.startsWith(String(b)) : false;
    if (!holds) return refuse(403, 'AccessDenied', `Invalid according to Policy: Policy Condition failed: ${JSON.stringify(condition)}`);
  }
  const extra = [...form.keys()].filter((name) => !UNCONDITIONED.has(name) && !name.startsWith('x-ignore-') && !covered.has(name));
  if (extra.length) return refuse(403, 'AccessDenied', `Invalid according to Policy: Extra input fields: ${extra.join(', ')}`);

  // S3 checks a checksum it is given against the content.
  const checksum = form.get('x-amz-checksum-sha256');
  if (checksum !== undefined && createHash('sha256').update(file).digest('base64') !== checksum)
    return refuse(400, 'BadDigest', 'The SHA256 you specified did not match the calculated checksum.');
  return undefined;
}

/** S3's error document. */
export const s3ErrorXml = ({ code, message }: PostRefusal) =>
  `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))}</Message></Error>`;

/** Answers a request the way S3 does, open to the portal's pages (the bucket's CORS rule). */
export function answer(ctx: Context, status: number, xml: string) {
  ctx.status = status;
  ctx.set('access-control-allow-origin', '*');
  if (xml) {
    ctx.type = 'application/xml';
    ctx.body = xml;
  } else ctx.body = null;
}

/** The request's body; past `maxBytes`, nothing (it is answered EntityTooLarge without reading on, as S3 cuts such a body short). */
export async function bodyUpTo(ctx: Context, maxBytes: number): Promise<Buffer<ArrayBuffer> | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      answer(ctx, 400, s3ErrorXml({ status: 400, code: 'EntityTooLarge', message: 'Your proposed upload exceeds the maximum allowed size' }));
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
