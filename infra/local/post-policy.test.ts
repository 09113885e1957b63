import { createHash } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { describe, expect, it } from 'vitest';
import { postRefusal } from './post-policy.ts';

const credentials = { accessKeyId: 'LOCALKEY', secretAccessKey: 'local-secret' };
const s3 = new S3Client({ region: 'eu-central-1', endpoint: 'http://127.0.0.1:9', forcePathStyle: true, credentials });
const secretOf = (id: string) => (id === credentials.accessKeyId ? credentials.secretAccessKey : undefined);
const content = Buffer.from('%PDF-1.7 a small file');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('base64');

/** A policy signed by the AWS SDK, as the upload route makes it. */
async function signed(overrides: { size?: number; checksum?: string; expires?: number } = {}) {
  const { fields } = await createPresignedPost(s3, {
    Bucket: 'docs',
    Key: 't/t-a/documents/d1/v1',
    Conditions: [['content-length-range', overrides.size ?? content.length, overrides.size ?? content.length]],
    Fields: { 'Content-Type': 'application/pdf', 'x-amz-checksum-sha256': overrides.checksum ?? sha256(content) },
    Expires: overrides.expires ?? 300,
  });
  return fields;
}

describe('the local check of a POST upload', () => {
  it('takes what S3 takes: the SDK’s signature, the policy’s fields and size, the right checksum', async () => {
    expect(postRefusal(await signed(), content, 'docs', secretOf)).toBeUndefined();
  });

  it('refuses what S3 refuses, with its codes', async () => {
    const fields = await signed();
    expect(postRefusal({ ...fields, 'X-Amz-Signature': '00'.repeat(32) }, content, 'docs', secretOf)?.code).toBe('SignatureDoesNotMatch');
    expect(postRefusal({ ...fields, key: 't/t-b/documents/d1/v1' }, content, 'docs', secretOf)?.message).toMatch(/Policy Condition failed: \["eq", "\$key"/);
    expect(postRefusal({ ...fields, 'Content-Type': 'application/x-msdownload' }, content, 'docs', secretOf)?.code).toBe('AccessDenied');
    expect(postRefusal({ ...fields, acl: 'public-read' }, content, 'docs', secretOf)?.message).toMatch(/Extra input fields: acl/);
    expect(postRefusal(fields, content, 'other-bucket', secretOf)?.message).toMatch(/"\$bucket"/);
    expect(postRefusal(fields, Buffer.concat([content, Buffer.from('!')]), 'docs', secretOf)?.code).toBe('EntityTooLarge');
    expect(postRefusal(fields, content.subarray(1), 'docs', secretOf)?.code).toBe('EntityTooSmall');
    const wrongSum = await signed({ checksum: sha256(Buffer.from('something else')) });
    expect(postRefusal(wrongSum, content, 'docs', secretOf)?.code).toBe('BadDigest');
    const later = new Date(Date.now() + 301_000);
    expect(postRefusal(fields, content, 'docs', secretOf, later)?.message).toBe('Invalid according to Policy: Policy expired.');
    expect(postRefusal({ ...fields, 'X-Amz-Credential': fields['X-Amz-Credential']!.replace('LOCALKEY', 'OTHER') }, content, 'docs', secretOf)?.code).toBe(
      'AccessDenied',
    );
  });
});
