/**
 * s3rver (in-process S3 API) for uploads and documents, plus maildev (SMTP catcher with a web
 * inbox) as a child. The documents bucket keeps the bucket policy's rule: an object is read only
 * once its malware scan tagged it clean, except by the scanner's own key (GuardDuty's role).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import S3rver, { type Context } from 's3rver';
import AWSAccount from 's3rver/lib/models/account.js';
import { GetObjectTaggingCommand, ListObjectsV2Command, PutObjectCommand, PutObjectTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { multipartUploads } from './multipart.ts';
import { answer, bodyUpTo, postRefusal, s3ErrorXml } from './post-policy.ts';
import { isPresigned, presignedRefusal } from './presigned-url.ts';
import { CLEAN, SCAN_TAG } from '../../shared/domain/documents/scans.ts';
import { LOCAL_AWS } from './dynamo.ts';
import { SCANNER_CREDENTIALS } from './scanner.ts';
import { readyOrStopped, startChild, type Child } from './process.ts';

export const UPLOADS_BUCKET = 'portal-uploads';
export const DOCUMENTS_BUCKET = 'portal-documents';

/** The secrets of the keys the stack signs with: the handlers' and the scanner's. */
const secretOf = (accessKeyId: string) => [LOCAL_AWS.credentials, SCANNER_CREDENTIALS].find((key) => key.accessKeyId === accessKeyId)?.secretAccessKey;

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** More than any upload policy allows (100 MB and the form around it). */
const MAX_POST_BYTES = 101 * 1024 * 1024;

/** The tags of a POST's `tagging` field (S3's XML), none when it has none. */
const tagsOf = (xml: string | undefined) =>
  [...(xml ?? '').matchAll(/<Tag><Key>([^<]*)<\/Key><Value>([^<]*)<\/Value><\/Tag>/g)].map(([, Key, Value]) => ({ Key: Key!, Value: Value! }));

/** Reads of an object's content: GET or HEAD of a key, not of a subresource such as `?tagging`. */
const isObjectRead = (method: string, query: Record<string, unknown>) =>
  (method === 'GET' || method === 'HEAD') && !('tagging' in query) && !('uploadId' in query);

/** The access key a request is signed with, in its header or its presigned query. */
const accessKeyOf = (authorization: string | undefined, credential: unknown) =>
  /Credential=([^/]+)\//.exec(authorization ?? '')?.[1] ?? (typeof credential === 'string' ? credential.split('/')[0] : undefined);

/** The documents bucket's CORS rule, as CDK gives it: the portal's pages may POST files to it. */
const corsFor = (siteOrigin: string) =>
  `<CORSConfiguration><CORSRule><AllowedOrigin>${siteOrigin}</AllowedOrigin><AllowedMethod>POST</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3600</MaxAgeSeconds></CORSRule></CORSConfiguration>`;

export async function startS3(
  port: number,
  directory: string,
  siteOrigin: string,
  onDocumentCreated: (key: string) => void,
): Promise<{ server: S3rver; endpoint: string }> {
  mkdirSync(directory, { recursive: true });
  // The handlers sign with the stack's one local key pair (as for every other stand-in), so s3rver learns it too; the scanner has its own.
  AWSAccount.DUMMY_ACCOUNT.createKeyPair(LOCAL_AWS.credentials.accessKeyId, LOCAL_AWS.credentials.secretAccessKey);
  AWSAccount.DUMMY_ACCOUNT.createKeyPair(SCANNER_CREDENTIALS.accessKeyId, SCANNER_CREDENTIALS.secretAccessKey);
  const server = new S3rver({
    port,
    address: '127.0.0.1',
    directory,
    silent: true,
    configureBuckets: [
      { name: UPLOADS_BUCKET, configs: [] },
      { name: DOCUMENTS_BUCKET, configs: [corsFor(siteOrigin)] },
    ],
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const tags = new S3Client({ region: LOCAL_AWS.region, endpoint, forcePathStyle: true, credentials: SCANNER_CREDENTIALS });
  const store = new S3Client({ region: LOCAL_AWS.region, endpoint, forcePathStyle: true, credentials: LOCAL_AWS.credentials });
  /** Keys stored by a POST whose tags are still to be written (s3rver stores a POST's tags apart). */
  const taggedLater = new Set<string>();
  const multipart = multipartUploads({ bucket: DOCUMENTS_BUCKET, directory, endpoint, store, taggedLater, onDocumentCreated });
  // First in the chain (Koa composes its middleware when the server starts): the bucket policy's deny.
  server.middleware.unshift(async (ctx, next) => {
    // A POST to the bucket is a browser's upload form, or (`?delete`) DeleteObjects.
    if (ctx.method === 'POST' && ctx.path.replace(/\/$/, '') === `/${DOCUMENTS_BUCKET}` && !('delete' in ctx.query)) return postUpload(ctx);
    // A bucket's own path (a listing) may end in '/': it names no object.
    const [, bucket, ...key] = ctx.path.replace(/\/$/, '').split('/');
    // s3rver checks no SigV4 signature: a link that is altered, expired or sent without its signed headers is refused here.
    if (bucket === DOCUMENTS_BUCKET && ctx.method !== 'OPTIONS' && isPresigned(ctx.url)) {
      const refusal = presignedRefusal({ method: ctx.method, url: ctx.url, header: (name) => ctx.get(name) || undefined }, secretOf);
      if (refusal) return answer(ctx, refusal.status, s3ErrorXml(refusal));
    }
    if (bucket === DOCUMENTS_BUCKET && key.length && ('uploads' in ctx.query || 'uploadId' in ctx.query)) return multipart(ctx, next);
    if (ctx.method === 'GET' && bucket && !key.length && 'versions' in ctx.query) return listVersions(ctx, bucket);
    if (bucket !== DOCUMENTS_BUCKET || !key.length || !isObjectRead(ctx.method, ctx.query)) return next();
    if (accessKeyOf(ctx.get('authorization'), ctx.query['X-Amz-Credential']) === SCANNER_CREDENTIALS.accessKeyId) return next();
    const tagged = await tags
      .send(new GetObjectTaggingCommand({ Bucket: bucket, Key: decodeURIComponent(key.join('/')) }))
      .then((t) => t.TagSet?.find((tag) => tag.Key === SCAN_TAG)?.Value)
      .catch(() => undefined);
    if (tagged === CLEAN) return next();
    answer(ctx, 403, s3ErrorXml({ status: 403, code: 'AccessDenied', message: 'Access Denied' }));
  });
  /**
   * S3's ListObjectVersions, which s3rver lacks: its objects are as a bucket's that never had
   * versioning, each one version whose id is "null" (what S3 answers then), all in one page.
   */
  async function listVersions(ctx: Context, bucket: string) {
    const prefix = typeof ctx.query.prefix === 'string' ? ctx.query.prefix : '';
    const versions: string[] = [];
    let token: string | undefined;
    do {
      const page = await store.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
      for (const o of page.Contents ?? [])
        versions.push(
          `<Version><Key>${escapeXml(o.Key!)}</Key><VersionId>null</VersionId><IsLatest>true</IsLatest><LastModified>${o.LastModified!.toISOString()}</LastModified><ETag>${escapeXml(o.ETag ?? '')}</ETag><Size>${o.Size ?? 0}</Size><StorageClass>STANDARD</StorageClass></Version>`,
        );
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    answer(
      ctx,
      200,
      `<?xml version="1.0" encoding="UTF-8"?><ListVersionsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${bucket}</Name><Prefix>${escapeXml(prefix)}</Prefix><IsTruncated>false</IsTruncated>${versions.join('')}</ListVersionsResult>`,
    );
  }

  /** A browser upload by POST: S3's policy checks (post-policy.ts), then the file is stored as S3 would store it. */
  async function postUpload(ctx: Context) {
    // Well past any policy's limit: refused without reading on.
    const posted = await bodyUpTo(ctx, MAX_POST_BYTES);
    if (!posted) return;
    const form = await new Request('http://s3.local/', { method: 'POST', headers: { 'content-type': ctx.get('content-type') }, body: posted })
      .formData()
      .catch(() => undefined);
    if (!form)
      return answer(
        ctx,
        400,
        s3ErrorXml({ status: 400, code: 'MalformedPOSTRequest', message: 'The body of your POST request is not well-formed multipart/form-data.' }),
      );
    const file = form.get('file');
    if (!(file instanceof Blob))
      return answer(ctx, 400, s3ErrorXml({ status: 400, code: 'InvalidArgument', message: 'POST requires exactly one file upload per request.' }));
    const fields = Object.fromEntries([...form.entries()].filter(([name]) => name !== 'file').map(([name, value]) => [name, String(value)]));
    const body = Buffer.from(await file.arrayBuffer());
    const refusal = postRefusal(fields, body, DOCUMENTS_BUCKET, secretOf);
    if (refusal) return answer(ctx, refusal.status, s3ErrorXml(refusal));
    const tagSet = tagsOf(fields.tagging);
    // The bucket policy's other deny: only the malware scan sets its verdict.
    if (tagSet.some((tag) => tag.Key === SCAN_TAG))
      return answer(ctx, 403, s3ErrorXml({ status: 403, code: 'AccessDenied', message: 'Access Denied: only the malware scan tags its verdict' }));
    const type = Object.entries(fields).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
    const key = fields.key!;
    // S3 stores the object with its tags at once: the scan is told only once both are there.
    if (tagSet.length) taggedLater.add(key);
    await store.send(new PutObjectCommand({ Bucket: DOCUMENTS_BUCKET, Key: key, Body: body, ...(type && { ContentType: type }) }));
    if (tagSet.length) {
      await store.send(new PutObjectTaggingCommand({ Bucket: DOCUMENTS_BUCKET, Key: key, Tagging: { TagSet: tagSet } }));
      taggedLater.delete(key);
      onDocumentCreated(key);
    }
    answer(ctx, 204, '');
  }

  server.on('event', (event: { Records: { eventName: string; s3: { bucket: { name: string }; object: { key: string } } }[] }) => {
    for (const record of event.Records)
      if (
        record.eventName.startsWith('ObjectCreated') &&
        record.s3.bucket.name === DOCUMENTS_BUCKET &&
        !taggedLater.has(decodeURIComponent(record.s3.object.key))
      )
        onDocumentCreated(decodeURIComponent(record.s3.object.key));
  });
  await server.run();
  return { server, endpoint };
}

export async function startMail(smtpPort: number, webPort: number): Promise<{ child: Child; inboxUrl: string }> {
  // The package exports only its library entry, so its CLI is found by path.
  const bin = resolve(import.meta.dirname, '../../node_modules/maildev/dist/bin/maildev.js');
  const child = startChild('maildev', process.execPath, [
    bin,
    '--smtp',
    String(smtpPort),
    '--web',
    String(webPort),
    '--ip',
    '127.0.0.1',
    '--web-ip',
    '127.0.0.1',
    '--silent',
  ]);
  const inboxUrl = `http://127.0.0.1:${webPort}`;
  await readyOrStopped(child, async () => (await fetch(`${inboxUrl}/api/email`)).ok);
  return { child, inboxUrl };
}
