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
