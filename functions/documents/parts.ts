/**
 * Files sent in parts (ADR 0032): an S3 multipart upload whose every part is signed for the
 * SHA-256 the browser declared, so S3 refuses other bytes; listed to resume, completed once
 * every part is there, aborted on cancel. The whole file's SHA-256 is read after its scan (files.ts).
 */
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  ListPartsCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { retentionTagHeader } from '../../shared/domain/documents/retention.ts';
import { bucket, s3, UPLOAD_SECONDS } from './files.ts';

const CHECKSUM_HEADER = 'x-amz-checksum-sha256';

const isNoSuchUpload = (error: unknown) => (error as { name?: string }).name === 'NoSuchUpload';

/** Starts the multipart upload of `key`, tagged with its firm's retention as a POST's file is; its id. */
export async function startParts(key: string, mimeType: string, retentionYears: number): Promise<string> {
  const { UploadId } = await s3().send(
    new CreateMultipartUploadCommand({
      Bucket: bucket(),
      Key: key,
      ContentType: mimeType,
      ChecksumAlgorithm: 'SHA256',
      Tagging: retentionTagHeader(retentionYears),
    }),
  );
  return UploadId!;
}

/** A PUT link for each part, good only with its checksum header: S3 refuses bytes of another SHA-256. */
export async function partLinks(key: string, uploadId: string, parts: readonly { partNumber: number; checksum: string }[]) {
  const { getSignedUrl } = await import('@aws-sdk/s3-request-presigner');
  const links = await Promise.all(
    parts.map(async ({ partNumber, checksum }) => ({
      partNumber,
      url: await getSignedUrl(
        s3(),
        new UploadPartCommand({ Bucket: bucket(), Key: key, UploadId: uploadId, PartNumber: partNumber, ChecksumSHA256: checksum }),
        // A signed header, not a query parameter: the browser must send it, and S3 checks the bytes against it.
        { expiresIn: UPLOAD_SECONDS, unhoistableHeaders: new Set([CHECKSUM_HEADER]) },
      ),
    })),
  );
  return { parts: links, expiresAt: new Date(Date.now() + UPLOAD_SECONDS * 1000).toISOString() };
}

export interface HeldPart {
  partNumber: number;
  size: number;
  etag: string;
  checksum?: string;
}

/** The parts S3 holds so far; undefined when the upload is no more (completed, aborted or expired). */
export async function partsHeld(key: string, uploadId: string): Promise<HeldPart[] | undefined> {
  const parts: HeldPart[] = [];
  let marker: string | undefined;
  try {
    do {
      const page = await s3().send(new ListPartsCommand({ Bucket: bucket(), Key: key, UploadId: uploadId, PartNumberMarker: marker }));
      for (const p of page.Parts ?? [])
        parts.push({ partNumber: p.PartNumber!, size: p.Size!, etag: p.ETag!, ...(p.ChecksumSHA256 && { checksum: p.ChecksumSHA256 }) });
      marker = page.IsTruncated ? page.NextPartNumberMarker : undefined;
    } while (marker);
  } catch (error) {
    if (isNoSuchUpload(error)) return undefined;
    throw error;
  }
  return parts.sort((a, b) => a.partNumber - b.partNumber);
}

/** Joins the parts into the object, which then arrives (and is scanned) like any other. */
export async function completeParts(key: string, uploadId: string, parts: readonly HeldPart[]): Promise<void> {
  await s3().send(
    new CompleteMultipartUploadCommand({
      Bucket: bucket(),
      Key: key,
      UploadId: uploadId,
      MultipartUpload: { Parts: parts.map((p) => ({ PartNumber: p.partNumber, ETag: p.etag, ...(p.checksum && { ChecksumSHA256: p.checksum }) })) },
    }),
  );
}

/** Discards the upload and the parts sent; one already gone is fine. */
export async function abortParts(key: string, uploadId: string): Promise<void> {
  await s3()
    .send(new AbortMultipartUploadCommand({ Bucket: bucket(), Key: key, UploadId: uploadId }))
    .catch((error: unknown) => {
      if (!isNoSuchUpload(error)) throw error;
    });
}
