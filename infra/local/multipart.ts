/**
 * Multipart uploads to the documents bucket as S3 makes them (ADR 0032), where s3rver falls
 * short: it stores parts but checks no part's checksum, keeps no tags given at the start, and
 * has no ListParts or abort. s3rver still authenticates every request and stores the bytes; this
 * checks each part's SHA-256 first, remembers what S3 would, and answers the two missing calls.
 * What it remembers lives as long as the local stack.
 */
import { createHash, randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PutObjectTaggingCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Context } from 's3rver';
import { SCAN_TAG } from '../../shared/domain/documents/scans.ts';
import { answer, bodyUpTo, s3ErrorXml } from './post-policy.ts';

/** More than any part of a document (8 MB) and less than memory minds. */
const MAX_PART_BYTES = 64 * 1024 * 1024;

interface Part {
  size: number;
  etag: string;
  checksum: string;
}
interface Upload {
  key: string;
  tags: { Key: string; Value: string }[];
  parts: Map<number, Part>;
}

const header = (ctx: Context, name: string) => ctx.get(name) || undefined;
const xmlText = (text: string) => text.replace(/[<&>]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!);

/** The tags of an `x-amz-tagging` header (a query string). */
const tagsOfHeader = (value: string | undefined) => [...new URLSearchParams(value ?? '')].map(([Key, Value]) => ({ Key, Value }));

export function multipartUploads(stack: {
  bucket: string;
  /** s3rver's own directory: it keeps parts under `<bucket>/._S3rver_uploads/<uploadId>`. */
  directory: string;
  endpoint: string;
  store: S3Client;
  taggedLater: Set<string>;
  onDocumentCreated: (key: string) => void;
}) {
  const uploads = new Map<string, Upload>();
  /** Marks a part this has checked, sent on to s3rver; unguessable, so no one else skips the check. */
  const checked = randomUUID();
  const noSuchUpload = (ctx: Context) =>
    answer(
      ctx,
      404,
      s3ErrorXml({
        status: 404,
        code: 'NoSuchUpload',
        message: 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
      }),
    );

  /** Lets s3rver authenticate the request; true when it did (it then refuses the call it lacks: MethodNotAllowed). */
  async function authenticated(next: () => Promise<void>) {
    try {
      await next();
      return false;
    } catch (error) {
      if ((error as { code?: string }).code === 'MethodNotAllowed') return true;
      throw error;
    }
  }

  async function start(ctx: Context, next: () => Promise<void>, key: string) {
    const tagging = header(ctx, 'x-amz-tagging');
    if (tagging?.includes('<'))
      return answer(
        ctx,
        400,
        s3ErrorXml({
          status: 400,
          code: 'InvalidArgument',
          message: "The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL query parameters without tag name duplicates.",
        }),
      );
    const tags = tagsOfHeader(tagging);
    // The bucket policy's deny: only the malware scan sets its verdict.
    if (tags.some((tag) => tag.Key === SCAN_TAG))
      return answer(ctx, 403, s3ErrorXml({ status: 403, code: 'AccessDenied', message: 'Access Denied: only the malware scan tags its verdict' }));
    await next();
    const body = typeof ctx.body === 'string' ? ctx.body : JSON.stringify(ctx.body ?? '');
    const uploadId = /UploadId"?[>:]\s*"?([0-9a-f]+)/.exec(body)?.[1];
    if (ctx.status === 200 && uploadId) uploads.set(uploadId, { key, tags, parts: new Map() });
  }

  /** A part: its bytes must be the SHA-256 its (signed) header names, as S3 checks them. */
  async function putPart(ctx: Context, upload: Upload) {
    const body = await bodyUpTo(ctx, MAX_PART_BYTES);
    if (!body) return;
    const declared = header(ctx, 'x-amz-checksum-sha256');
    if (!declared)
      return answer(
        ctx,
        400,
        s3ErrorXml({
          status: 400,
          code: 'InvalidRequest',
          message: 'Checksum Type mismatch occurred, expected checksum Type: sha256, actual checksum Type: null',
        }),
      );
    const checksum = createHash('sha256').update(body).digest('base64');
    if (checksum !== declared)
      return answer(ctx, 400, s3ErrorXml({ status: 400, code: 'BadDigest', message: 'The SHA256 you specified did not match the calculated checksum.' }));
    // Sent on as it came (s3rver checks its signature), marked as checked.
    const headers = Object.fromEntries(
      Object.entries(ctx.headers).filter(
        ([name, value]) => typeof value === 'string' && !['host', 'connection', 'content-length', 'transfer-encoding', 'expect'].includes(name),
      ),
    ) as Record<string, string>;
    const stored = await fetch(`${stack.endpoint}${ctx.url}`, { method: 'PUT', headers: { ...headers, 'x-local-checked': checked }, body });
    const etag = stored.headers.get('etag');
    if (stored.ok && etag) upload.parts.set(Number(ctx.query.partNumber), { size: body.length, etag, checksum });
    const text = await stored.text();
    if (text) ctx.type = 'application/xml';
    ctx.body = text;
    // S3 answers a part with 200 (s3rver with 204: an empty body).
    ctx.status = stored.ok ? 200 : stored.status;
    ctx.set('access-control-allow-origin', '*');
    ctx.set('access-control-expose-headers', 'ETag');
    if (etag) ctx.set('etag', etag);
    ctx.set('x-amz-checksum-sha256', checksum);
  }

  function listParts(ctx: Context, uploadId: string, upload: Upload) {
    const parts = [...upload.parts].sort(([a], [b]) => a - b);
    answer(
      ctx,
      200,
      `<?xml version="1.0" encoding="UTF-8"?><ListPartsResult><Bucket>${stack.bucket}</Bucket><Key>${xmlText(upload.key)}</Key><UploadId>${uploadId}</UploadId>` +
        `<ChecksumAlgorithm>SHA256</ChecksumAlgorithm><IsTruncated>false</IsTruncated>` +
        parts
          .map(
            ([n, p]) =>
              `<Part><PartNumber>${n}</PartNumber><Size>${p.size}</Size><ETag>${xmlText(p.etag)}</ETag><ChecksumSHA256>${p.checksum}</ChecksumSHA256></Part>`,
          )
          .join('') +
        `</ListPartsResult>`,
    );
  }

  /** Completed: the object is there; its start's tags go on before the scan is told, as S3 stores both at once. */
  async function complete(ctx: Context, next: () => Promise<void>, uploadId: string, upload: Upload) {
    if (upload.tags.length) stack.taggedLater.add(upload.key);
    try {
      await next();
      if (ctx.status !== 200) return;
      uploads.delete(uploadId);
      if (upload.tags.length) {
        await stack.store.send(new PutObjectTaggingCommand({ Bucket: stack.bucket, Key: upload.key, Tagging: { TagSet: upload.tags } }));
        stack.onDocumentCreated(upload.key);
      }
    } finally {
      stack.taggedLater.delete(upload.key);
    }
  }

  return async function multipart(ctx: Context, next: () => Promise<void>) {
    const key = decodeURIComponent(ctx.path.split('/').slice(2).join('/'));
    if (ctx.method === 'POST' && 'uploads' in ctx.query) return start(ctx, next, key);
    if (ctx.get('x-local-checked') === checked) return next();
    const uploadId = String(ctx.query.uploadId);
    const upload = uploads.get(uploadId);
    if (ctx.method === 'PUT') return upload ? putPart(ctx, upload) : noSuchUpload(ctx);
    if (ctx.method === 'POST') return upload ? complete(ctx, next, uploadId, upload) : noSuchUpload(ctx);
    if (!(await authenticated(next))) return;
    if (!upload) return noSuchUpload(ctx);
    if (ctx.method === 'GET') return listParts(ctx, uploadId, upload);
    if (ctx.method === 'DELETE') {
      uploads.delete(uploadId);
      await rm(join(stack.directory, stack.bucket, '._S3rver_uploads', uploadId), { recursive: true, force: true });
      return answer(ctx, 204, '');
    }
  };
}
