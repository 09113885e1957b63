/**
 * The firm's retention of removed documents (shared/domain/documents/retention.ts): an admin
 * sets it, each file uploaded from then on carries it as a tag beside the scan's verdict, and
 * the bucket's lifecycle expires a removed file by that tag (the CDK test asserts the rules).
 */
import { GetObjectTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, type Signed } from '../../infra/local/test-client.ts';
import { objectKeyOf } from '../../shared/domain/documents/keys.ts';
import { send, start, statusOf } from './test-uploads.ts';

const run = randomUUID().slice(0, 6);
const s3 = new S3Client({ region: process.env.AWS_REGION, endpoint: process.env.S3_ENDPOINT, forcePathStyle: true });
let admin: Signed; // Northwind's admin
let member: Signed; // Northwind's team member
let designPiAdmin: Signed;
let customerId: string;

const settings = (who: Signed, body?: unknown) =>
  api('/api/firm/document-settings', { method: body ? 'PATCH' : 'GET', token: who.token, ...(body !== undefined && { body: JSON.stringify(body) }) });
const tagsOf = async (documentId: string) => {
  const key = objectKeyOf({ tenantId: 't-northwind', documentId, versionNo: 1 });
  const { TagSet = [] } = await s3.send(new GetObjectTaggingCommand({ Bucket: process.env.DOCUMENTS_BUCKET, Key: key }));
  return Object.fromEntries(TagSet.map((t) => [t.Key, t.Value]));
};

beforeAll(async () => {
  [admin, member, designPiAdmin] = await Promise.all([signIn('admin@northwind.example'), signIn('omar@northwind.example'), signIn('hello@designpi.com')]);
  customerId = (await api('/api/customers?limit=1', { token: admin.token })).body.items[0].customerId;
});
afterAll(() => settings(admin, { retentionYears: 7 }));

describe('the firm’s retention of removed documents', () => {
  it('is 7 years unless an admin sets another, and each new file carries it beside the scan’s verdict', { timeout: 40_000 }, async () => {
    expect((await settings(admin)).body.retentionYears).toBe(7);
    const set = await settings(admin, { retentionYears: 3 });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.retentionYears).toBe(3);
    // Another firm keeps its own.
    expect((await settings(designPiAdmin)).body.retentionYears).toBe(7);

    const content = Buffer.from(`Ledger ${run}\n`);
    const started = await start(admin, `ledger-${run}.txt`, content, { customerId });
    expect((await send(started.upload, content)).status).toBe(204);
    await expect.poll(() => statusOf(admin, started.document.documentId), { timeout: 10_000 }).toBe('available');
    expect(await tagsOf(started.document.documentId)).toEqual({ PortalRetentionYears: '3', GuardDutyMalwareScanStatus: 'NO_THREATS_FOUND' });

    // The audit keeps the change; the same period again changes nothing.
    const history = (await api('/api/audit?entityType=firm&limit=20', { token: admin.token })).body.items as { changes?: { field: string; to: unknown }[] }[];
    expect(history.flatMap((h) => h.changes ?? [])).toContainEqual(expect.objectContaining({ field: 'retentionYears', to: 3 }));
  });

  it('is whole years from 1 to 10, and an admin’s to set', async () => {
    for (const retentionYears of [0, 11, 2.5, '7']) {
      const res = await settings(admin, { retentionYears });
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].field).toBe('retentionYears');
    }
    const nothing = await settings(admin, {});
    expect(nothing.status).toBe(400);
    expect((await settings(member, { retentionYears: 5 })).status).toBe(403);
  });
});
