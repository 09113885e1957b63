/** The uploads bucket: writing objects and handing out short-lived download links. */
import type { S3Client } from '@aws-sdk/client-s3';
import { config, storageConfig } from '../../shared/config.ts';

let client: Promise<S3Client> | undefined;

/** Loaded on first use, not at cold start: analytics signs links on one rarely used route. */
const s3 = () =>
  (client ??= import('@aws-sdk/client-s3').then(({ S3Client }) => {
    const { S3_ENDPOINT } = storageConfig();
    return new S3Client({ region: config().AWS_REGION, ...(S3_ENDPOINT && { endpoint: S3_ENDPOINT, forcePathStyle: true }) });
  }));

export async function putObject(key: string, body: string, contentType: string): Promise<void> {
  const [client, { PutObjectCommand }] = await Promise.all([s3(), import('@aws-sdk/client-s3')]);
  await client.send(new PutObjectCommand({ Bucket: storageConfig().UPLOADS_BUCKET, Key: key, Body: body, ContentType: contentType }));
}

/** A GET link valid for `seconds`, that downloads as `fileName`. */
export async function downloadLink(key: string, fileName: string, seconds: number): Promise<string> {
  const [client, { GetObjectCommand }, { getSignedUrl }] = await Promise.all([s3(), import('@aws-sdk/client-s3'), import('@aws-sdk/s3-request-presigner')]);
  const command = new GetObjectCommand({ Bucket: storageConfig().UPLOADS_BUCKET, Key: key, ResponseContentDisposition: `attachment; filename="${fileName}"` });
  return getSignedUrl(client, command, { expiresIn: seconds });
}

/** Parts of a multipart upload, buffered to this size (S3 asks at least 5 MB of every part but the last). */
const PART_BYTES = 8 * 1024 * 1024;

/**
 * An object written in parts as it is made (S3 multipart upload), so that a large file never
 * sits whole in memory. `abort` drops the parts sent when the object cannot be finished.
 */
export async function partWriter(key: string, contentType: string) {
  const [client, { CreateMultipartUploadCommand, UploadPartCommand, CompleteMultipartUploadCommand, AbortMultipartUploadCommand }] = await Promise.all([
    s3(),
    import('@aws-sdk/client-s3'),
  ]);
  const target = { Bucket: storageConfig().UPLOADS_BUCKET, Key: key };
  const { UploadId } = await client.send(new CreateMultipartUploadCommand({ ...target, ContentType: contentType }));
  const parts: { ETag: string; PartNumber: number }[] = [];
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    const PartNumber = parts.length + 1;
    const { ETag } = await client.send(new UploadPartCommand({ ...target, UploadId, PartNumber, Body: Buffer.concat(pending) }));
    parts.push({ ETag: ETag!, PartNumber });
    [pending, pendingBytes] = [[], 0];
  };
  return {
    async write(chunk: Buffer) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= PART_BYTES) await flush();
    },
    async finish() {
      if (pendingBytes || !parts.length) await flush();
      await client.send(new CompleteMultipartUploadCommand({ ...target, UploadId, MultipartUpload: { Parts: parts } }));
    },
    abort: () => client.send(new AbortMultipartUploadCommand({ ...target, UploadId })).then(() => undefined),
  };
}
