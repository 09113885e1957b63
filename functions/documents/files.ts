/**
 * The documents bucket (ADR 0029): presigned POST uploads limited to one file's size, type and
 * SHA-256, short-lived download links, and the first bytes of a scanned file. The bucket
 * policy lets nothing be read before a clean scan, whoever signed the link.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, GetObjectTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import type { GuardDutyClient } from '@aws-sdk/client-guardduty';
import { config, documentsConfig } from '../../shared/config.ts';
import { SNIFF_BYTES } from '../../shared/domain/documents/files.ts';
import { retentionTagging } from '../../shared/domain/documents/retention.ts';

/** How long an upload may take to start, and how long a download link works. */
export const UPLOAD_SECONDS = 15 * 60;
export const DOWNLOAD_SECONDS = 5 * 60;

let client: S3Client | undefined;
export const s3 = () => {
  const { S3_ENDPOINT } = documentsConfig();
  // Checksums only where a request needs one: a presigned link must not carry the SDK's default one (it would not fit the file).
  client ??= new S3Client({
    region: config().AWS_REGION,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    ...(S3_ENDPOINT && { endpoint: S3_ENDPOINT, forcePathStyle: true }),
  });
  return client;
};
export const bucket = () => documentsConfig().DOCUMENTS_BUCKET;

/**
 * A browser upload of exactly this file to `key`: S3 refuses another size, type or content.
 * The file is tagged with its firm's retention, by which the lifecycle expires it once removed.
 */
export async function uploadForm(key: string, file: { size: number; mimeType: string; checksum: string }, retentionYears: number) {
  const { createPresignedPost } = await import('@aws-sdk/s3-presigned-post');
  const { url, fields } = await createPresignedPost(s3(), {
    Bucket: bucket(),
    Key: key,
    Conditions: [['content-length-range', file.size, file.size]],
    Fields: { 'Content-Type': file.mimeType, 'x-amz-checksum-sha256': file.checksum, tagging: retentionTagging(retentionYears) },
    Expires: UPLOAD_SECONDS,
  });
  return { method: 'POST' as const, url, fields, expiresAt: new Date(Date.now() + UPLOAD_SECONDS * 1000).toISOString() };
}

/**
 * A GET link to `key` for DOWNLOAD_SECONDS, saved as `fileName`; `inline` with its type, shown
 * in the browser's tab instead (a preview). The type is ours, never the uploader's.
 */
export async function downloadLink(key: string, fileName: string, inline?: { mimeType: string }) {
  const { getSignedUrl } = await import('@aws-sdk/s3-request-presigner');
  // RFC 6266: an ASCII fallback and the name itself, percent-encoded, for every language.
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const disposition = `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
  const command = new GetObjectCommand({
    Bucket: bucket(),
    Key: key,
    ResponseContentDisposition: disposition,
    ...(inline && { ResponseContentType: inline.mimeType.startsWith('text/') ? `${inline.mimeType}; charset=utf-8` : inline.mimeType }),
  });
  const url = await getSignedUrl(s3(), command, { expiresIn: DOWNLOAD_SECONDS });
  return { url, expiresAt: new Date(Date.now() + DOWNLOAD_SECONDS * 1000).toISOString() };
}

/** Whether the object is in the bucket: its tags can be read before its scan, unlike its content. */
export async function objectArrived(key: string): Promise<boolean> {
  try {
    await s3().send(new GetObjectTaggingCommand({ Bucket: bucket(), Key: key }));
    return true;
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
    throw error;
  }
}

/**
 * Removes the object: the versioned bucket keeps it as a noncurrent version, which the
 * lifecycle expires after the retention period, and which no link reaches meanwhile.
 */
export async function removeObject(key: string): Promise<void> {
  await s3().send(new DeleteObjectCommand({ Bucket: bucket(), Key: key }));
}

let guardDuty: GuardDutyClient | undefined;

/** Asks GuardDuty to scan the object again (on demand); its result arrives on the bus like any other. */
export async function requestScan(key: string): Promise<void> {
  const { GuardDutyClient, SendObjectMalwareScanCommand } = await import('@aws-sdk/client-guardduty');
  const { GUARDDUTY_ENDPOINT } = documentsConfig();
  guardDuty ??= new GuardDutyClient({ region: config().AWS_REGION, ...(GUARDDUTY_ENDPOINT && { endpoint: GUARDDUTY_ENDPOINT }) });
  await guardDuty.send(new SendObjectMalwareScanCommand({ S3Object: { Bucket: bucket(), Key: key } }));
}

/** A text object's content, or undefined when it is larger than `maxBytes`. */
export async function objectText(key: string, maxBytes: number): Promise<string | undefined> {
  // One byte more than allowed tells a file that is too large, without reading it all.
  const object = await s3().send(new GetObjectCommand({ Bucket: bucket(), Key: key, Range: `bytes=0-${maxBytes}` }));
  const text = await object.Body!.transformToByteArray();
  return text.length > maxBytes ? undefined : new TextDecoder('utf-8').decode(text);
}

/** An object's whole content (a document is at most 100 MB). */
export async function objectBytes(key: string): Promise<Uint8Array> {
  const object = await s3().send(new GetObjectCommand({ Bucket: bucket(), Key: key }));
  return object.Body!.transformToByteArray();
}

/** The first SNIFF_BYTES of an object (fewer if it is shorter). */
export async function firstBytes(key: string): Promise<Uint8Array> {
  const object = await s3().send(new GetObjectCommand({ Bucket: bucket(), Key: key, Range: `bytes=0-${SNIFF_BYTES - 1}` }));
  return object.Body!.transformToByteArray();
}

/** The object's SHA-256, base64, read as a stream (a document is at most 100 MB). */
export async function objectSha256(key: string): Promise<string> {
  const { Body } = await s3().send(new GetObjectCommand({ Bucket: bucket(), Key: key }));
  const hash = createHash('sha256');
  for await (const chunk of Body as Readable) hash.update(chunk as Buffer);
  return hash.digest('base64');
}
