/** The uploads bucket: writing objects and handing out short-lived download links. */
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { config, storageConfig } from '../../shared/config.ts';

let client: S3Client | undefined;
const s3 = () => {
  const { S3_ENDPOINT } = storageConfig();
  client ??= new S3Client({ region: config().AWS_REGION, ...(S3_ENDPOINT && { endpoint: S3_ENDPOINT, forcePathStyle: true }) });
  return client;
};

export async function putObject(key: string, body: string, contentType: string): Promise<void> {
  await s3().send(new PutObjectCommand({ Bucket: storageConfig().UPLOADS_BUCKET, Key: key, Body: body, ContentType: contentType }));
}

/** A GET link valid for `seconds`, that downloads as `fileName`. */
export function downloadLink(key: string, fileName: string, seconds: number): Promise<string> {
  const command = new GetObjectCommand({ Bucket: storageConfig().UPLOADS_BUCKET, Key: key, ResponseContentDisposition: `attachment; filename="${fileName}"` });
  return getSignedUrl(s3(), command, { expiresIn: seconds });
}
