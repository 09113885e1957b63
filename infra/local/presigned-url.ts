/**
 * S3's check of a presigned URL (SigV4 in the query), which s3rver skips for version 4: the
 * signature over the method, path, query and signed headers, and the link's expiry. The local
 * stand-in applies it to the documents bucket, so a download link or a part's link that is
 * altered, expired, or sent without the headers it was signed with is refused as S3 refuses it.
 * Written from the SigV4 documentation; the tests sign with the AWS SDK, so each checks the other.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { hmac, refuse, signingKey, type PostRefusal } from './post-policy.ts';

/** RFC 3986 encoding, as SigV4 wants each query name and value. */
const encode = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Whether the request is signed in its query (a presigned URL). */
export const isPresigned = (url: string) => /[?&]X-Amz-Algorithm=/.test(url);

/**
 * Why S3 would refuse this presigned request, or nothing. `url` is the path and query as sent,
 * `header` reads a request header, `secretOf` the secret of an access key the server knows.
 */
export function presignedRefusal(
  request: { method: string; url: string; header: (name: string) => string | undefined },
  secretOf: (accessKeyId: string) => string | undefined,
  now = new Date(),
): PostRefusal | undefined {
  const [path = '/', rawQuery = ''] = request.url.split('?', 2);
  const pairs = rawQuery
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const [name = '', value = ''] = pair.split('=', 2).map((part) => decodeURIComponent(part.replace(/\+/g, '%20')));
      return [name, value] as const;
    });
  const query = new Map(pairs);
  const [accessKeyId, date, region, service] = (query.get('X-Amz-Credential') ?? '').split('/');
  const secret = accessKeyId ? secretOf(accessKeyId) : undefined;
  const signedHeaders = query.get('X-Amz-SignedHeaders');
  const amzDate = query.get('X-Amz-Date') ?? '';
  if (!secret || !date || !region || !signedHeaders || query.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256')
    return refuse(403, 'AccessDenied', 'Access Denied: the request is not signed');
  const signedAt = Date.parse(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
  if (!(signedAt + Number(query.get('X-Amz-Expires')) * 1000 > now.getTime())) return refuse(403, 'AccessDenied', 'Request has expired');

  const canonicalQuery = pairs
    .filter(([name]) => name !== 'X-Amz-Signature')
    .map(([name, value]) => [encode(name), encode(value)])
    .sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const headers = signedHeaders.split(';');
  const canonicalHeaders = headers.map((name) => `${name}:${(request.header(name) ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonicalRequest = [request.method, path, canonicalQuery, canonicalHeaders, signedHeaders, 'UNSIGNED-PAYLOAD'].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
  const expected = hmac(signingKey(secret, date, region), stringToSign);
  const given = Buffer.from(query.get('X-Amz-Signature') ?? '', 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return refuse(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
  return undefined;
}
