/**
 * A firm's export (issue 19, ADR 0038), through the real bundles: an admin of a firm made for this
 * file asks for it; it is built in the background into one ZIP holding every record of the firm
 * (and nothing of another's), a CSV per kind and its documents' clean files; the admin is told in
 * the bell and by email; another firm's admin never sees it.
 */
import { randomUUID } from 'node:crypto';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, type Signed } from '../../infra/local/test-client.ts';
import { emailsTo } from '../../infra/local/test-inbox.ts';
import { firmWithAdmin } from '../../infra/local/test-firms.ts';
import { zipContents } from '../../infra/local/test-zip.ts';
import { EICAR } from '../../infra/local/scanner.ts';
import { database } from '../../shared/db/all-entities.ts';
import { objectKeyOf } from '../../shared/domain/documents/keys.ts';

const RUN = Date.now().toString(36);
const FIRM_ID = `t-oak-${RUN}`;
const ADMIN_EMAIL = `owner-${RUN}@oak.example`;
const PASSWORD = 'Oak-Passw0rd!';

let admin: Signed;
let otherAdmin: Signed;
const s3 = new S3Client({ region: process.env.AWS_REGION, endpoint: process.env.S3_ENDPOINT, forcePathStyle: true });

const call = (who: Signed, method: string, path: string) => api(path, { method, token: who.token });

/** A document of the firm with a clean version and a quarantined one, its files in the bucket. */
async function documentWithVersions(customerId: string) {
  const documentId = randomUUID();
  const now = new Date().toISOString();
  const file = { name: 'ledger.csv', mimeType: 'text/csv', size: 12, checksum: 'c2hhMjU2', uploadedBy: admin.userId, uploadedByName: 'Olive Oak' };
  const { entities } = database();
  await entities.document
    .create({ tenantId: FIRM_ID, documentId, customerId, ...file, latestVersion: 2, currentVersion: 1, status: 'available', createdAt: now })
    .go();
  for (const [versionNo, status, body] of [
    [1, 'available', 'a,b\r\n1,2\r\n'],
    [2, 'quarantined', EICAR],
  ] as const) {
    const objectKey = objectKeyOf({ tenantId: FIRM_ID, documentId, versionNo });
    await entities.documentVersion.create({ tenantId: FIRM_ID, documentId, versionNo, objectKey, ...file, status, createdAt: now }).go();
    await s3.send(new PutObjectCommand({ Bucket: process.env.DOCUMENTS_BUCKET!, Key: objectKey, Body: body }));
  }
  return documentId;
}

beforeAll(async () => {
  const oak = {
    name: 'Oak Ledger',
    slug: `oak-${RUN}`,
    timeZone: 'Europe/London',
    currency: 'GBP',
    admin: { name: 'Olive Oak', email: ADMIN_EMAIL },
    password: PASSWORD,
  };
  [admin, otherAdmin] = await Promise.all([firmWithAdmin(oak), signIn('hello@designpi.com')]);
});

describe('a firm’s export', () => {
  it('holds every record of the firm and its clean files, and tells whoever asked', { timeout: 60_000 }, async () => {
    const customer = await api('/api/customers', { method: 'POST', token: admin.token, body: JSON.stringify({ name: `Birch Bakery ${RUN}` }) });
    expect(customer.status, JSON.stringify(customer.body)).toBe(201);
    const documentId = await documentWithVersions(customer.body.customerId);

    const asked = await call(admin, 'POST', '/api/firm/exports');
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ status: 'building', requestedBy: { userId: admin.userId, name: 'Olive Oak' } });
    const { exportId } = asked.body as { exportId: string };
    let ready: { status: string; url?: string; records?: number; files?: number } = asked.body;
    await expect.poll(async () => (ready = (await call(admin, 'GET', `/api/firm/exports/${exportId}`)).body).status, { timeout: 30_000 }).toBe('ready');
    expect(ready.files).toBe(1);

    const zip = await zipContents(ready.url!);
    const records = zip['records.jsonl']!.trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { kind: string; item: Record<string, unknown> });
    expect(records).toHaveLength(ready.records!);
    // Every record is the firm's, and none is the machinery's or holds the table's keys.
    expect(records.every((r) => r.item.tenantId === FIRM_ID)).toBe(true);
    const kinds = new Set(records.map((r) => r.kind));
    for (const kind of ['tenant', 'user', 'customer', 'audit', 'document', 'documentVersion']) expect(kinds).toContain(kind);
    for (const kind of ['outbox', 'processedEvent', 'firmExport']) expect(kinds).not.toContain(kind);
    expect(records.some((r) => 'pk' in r.item || 'sk' in r.item || '__edb_e__' in r.item)).toBe(false);
    expect(records.find((r) => r.kind === 'customer')!.item).toMatchObject({ customerId: customer.body.customerId, name: `Birch Bakery ${RUN}` });
    // One CSV per kind.
    expect(Object.keys(zip).filter((n) => n.startsWith('csv/'))).toEqual([...kinds].sort().map((k) => `csv/${k}.csv`));
    expect(zip['csv/customer.csv']).toContain(`Birch Bakery ${RUN}`);
    // The clean version's file, under its stored path; never the quarantined one.
    expect(zip[`files/documents/${documentId}/v1`]).toBe('a,b\r\n1,2\r\n');
    expect(zip[`files/documents/${documentId}/v2`]).toBeUndefined();
    expect(zip['README.txt']).toContain('records.jsonl');

    // Whoever asked hears, in the bell and by email, with the page that offers it.
    await expect
      .poll(async () => ((await call(admin, 'GET', '/api/notifications?limit=20')).body.items as { kind: string; link: string }[]).map((n) => [n.kind, n.link]))
      .toContainEqual(['firm.export_ready', `/admin/settings/?export=${exportId}#data`]);
    // Among the admin's mail (the quarantined version's alert may come first).
    await expect
      .poll(async () => (await emailsTo(ADMIN_EMAIL)).some((m) => m.text.includes('export of all of your firm’s data is ready')), { timeout: 20_000 })
      .toBe(true);
    const listed = (await call(admin, 'GET', '/api/firm/exports')).body.items as { exportId: string; status: string }[];
    expect(listed[0]).toMatchObject({ exportId, status: 'ready' });
    // Audited in the firm's log: who asked, and that it was built.
    const { data: log } = await database().entities.audit.query.byTenantTime({ tenantId: FIRM_ID }).go();
    expect(log.map((a) => a.action)).toEqual(expect.arrayContaining(['firm.export_requested', 'firm.export_ready']));
  });

  it('is never another firm’s to see, and is built one at a time', async () => {
    const { body } = await call(admin, 'POST', '/api/firm/exports');
    expect((await call(otherAdmin, 'GET', `/api/firm/exports/${body.exportId}`)).status).toBe(404);
    expect(((await call(otherAdmin, 'GET', '/api/firm/exports')).body.items as { exportId: string }[]).map((e) => e.exportId)).not.toContain(body.exportId);
    // While one is building (held here as building), another is refused, saying why.
    const now = Date.now();
    await database()
      .entities.firmExport.create({
        tenantId: FIRM_ID,
        exportId: `held-${RUN}`,
        requestedBy: admin.userId,
        status: 'building',
        createdAt: new Date(now).toISOString(),
        expiresAt: Math.floor(now / 1000) + 3600,
      })
      .go();
    const refused = await call(admin, 'POST', '/api/firm/exports');
    expect([refused.status, refused.body.error.message]).toEqual([409, 'An export of the firm is being built already: it will be ready in a few minutes.']);
    // One building for over an hour has failed: shown so, it holds back no other.
    await database()
      .entities.firmExport.delete({ tenantId: FIRM_ID, exportId: `held-${RUN}` })
      .go();
    await database()
      .entities.firmExport.create({
        tenantId: FIRM_ID,
        exportId: `stalled-${RUN}`,
        requestedBy: admin.userId,
        status: 'building',
        createdAt: new Date(now - 61 * 60_000).toISOString(),
        expiresAt: Math.floor(now / 1000) + 3600,
      })
      .go();
    expect((await call(admin, 'GET', `/api/firm/exports/stalled-${RUN}`)).body).toMatchObject({
      status: 'failed',
      problem: 'It took too long to be built. Ask for it again.',
    });
    await expect.poll(async () => (await call(admin, 'POST', '/api/firm/exports')).status, { timeout: 30_000 }).toBe(202);
  });
});
