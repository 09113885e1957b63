/**
 * The firm export's round trip (issue 19, ADR 0038): a firm of this file's own is exported
 * through the API, the file imported with `npm run firm-import` into a fresh address, and the new
 * firm holds the same records (its id, files' keys and address rewritten) and the same files;
 * an address in use, or ever used, is refused with nothing written.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ScanCommand, DynamoDBClient, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { api, type Signed } from '../local/test-client.ts';
import { firmWithAdmin } from '../local/test-firms.ts';
import { localTool } from '../local/test-tool.ts';
import { database } from '../../shared/db/all-entities.ts';
import { objectKeyOf } from '../../shared/domain/documents/keys.ts';
import { recordFor, recordOf, type FirmRecord } from '../../shared/domain/platform/firm-data.ts';
import { readZip } from './zip-reader.ts';

const RUN = Date.now().toString(36);
const FROM = { slug: `elm-${RUN}`, tenantId: `t-elm-${RUN}` };
const TO = { slug: `elm-copy-${RUN}`, tenantId: `t-elm-copy-${RUN}` };
const ADMIN_EMAIL = `owner-${RUN}@elm.example`;
const PASSWORD = 'Elm-Passw0rd!';

const tool = localTool('infra/tools/firm-import.ts');
const s3 = new S3Client({ region: process.env.AWS_REGION, endpoint: process.env.S3_ENDPOINT, forcePathStyle: true });
let admin: Signed;

/** What the table holds for a firm, as its export holds it. */
async function recordsOf(tenantId: string): Promise<FirmRecord[]> {
  const client = new DynamoDBClient({ region: process.env.AWS_REGION, endpoint: process.env.DYNAMODB_ENDPOINT });
  const found: FirmRecord[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: process.env.TABLE_NAME,
        FilterExpression: 'begins_with(pk, :under) OR pk = :firm',
        ExpressionAttributeValues: { ':firm': { S: `t#${tenantId}` }, ':under': { S: `t#${tenantId}#` } },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      const record = recordOf(unmarshall(item));
      if (record) found.push(record);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return found;
}

/** What the stage's own scan of an imported file writes again (its time and verdict). */
const SCAN_FIELDS = ['lastScanAt', 'updatedAt', 'verdict', 'scanFailures', 'typeMatches'];
const withoutScan = (r: FirmRecord) =>
  r.kind === 'document' || r.kind === 'documentVersion'
    ? { ...r, item: Object.fromEntries(Object.entries(r.item).filter(([k]) => !SCAN_FIELDS.includes(k))) }
    : r;

/** Records as comparable lines: keys in order, sets as sorted lists. */
const canonical = (records: FirmRecord[]) =>
  records
    .map(withoutScan)
    .map((r) =>
      JSON.stringify(r, (_, v: unknown) =>
        v instanceof Set ? [...v].sort() : v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v,
      ),
    )
    .sort();

beforeAll(async () => {
  admin = await firmWithAdmin({
    name: 'Elm Street Tax',
    slug: FROM.slug,
    timeZone: 'America/Chicago',
    currency: 'USD',
    admin: { name: 'Emil Elm', email: ADMIN_EMAIL },
    password: PASSWORD,
  });
});

it('imports a firm’s export into a fresh firm that holds the same records and files', { timeout: 90_000 }, async () => {
  // The firm holds a client and a document with a clean file.
  const customer = await api('/api/customers', { method: 'POST', token: admin.token, body: JSON.stringify({ name: `Ash Agency ${RUN}` }) });
  expect(customer.status, JSON.stringify(customer.body)).toBe(201);
  const documentId = randomUUID();
  const file = { name: 'w2.txt', mimeType: 'text/plain', size: 9, checksum: 'c2hhMjU2', uploadedBy: admin.userId, uploadedByName: 'Emil Elm' };
  const objectKey = objectKeyOf({ tenantId: FROM.tenantId, documentId, versionNo: 1 });
  const now = new Date().toISOString();
  const { entities } = database();
  await entities.document
    .create({
      tenantId: FROM.tenantId,
      documentId,
      customerId: customer.body.customerId,
      ...file,
      latestVersion: 1,
      currentVersion: 1,
      status: 'available',
      createdAt: now,
    })
    .go();
  await entities.documentVersion.create({ tenantId: FROM.tenantId, documentId, versionNo: 1, objectKey, ...file, status: 'available', createdAt: now }).go();
  await s3.send(new PutObjectCommand({ Bucket: process.env.DOCUMENTS_BUCKET!, Key: objectKey, Body: 'W-2 2026\n' }));

  // Exported through the API, as an admin downloads it.
  const { exportId } = (await api('/api/firm/exports', { method: 'POST', token: admin.token })).body as { exportId: string };
  let ready: { status: string; url?: string } = { status: 'building' };
  await expect.poll(async () => (ready = (await api(`/api/firm/exports/${exportId}`, { token: admin.token })).body).status, { timeout: 30_000 }).toBe('ready');
  const zip = Buffer.from(await (await fetch(ready.url!)).arrayBuffer());
  const zipFile = join(tool.dir, 'export.zip');
  writeFileSync(zipFile, zip);

  const importedAt = new Date().toISOString();
  const imported = await tool.run('--from', zipFile, '--slug', TO.slug);
  expect(imported.err).toBe('');
  expect(imported.out).toMatch(new RegExp(`^Imported \\d+ records and 1 files into ${TO.tenantId}\\.`));

  // The new firm holds exactly what was exported, for itself.
  const exported = readZip(zip)
    .get('records.jsonl')!
    .toString()
    .trim()
    .split('\n')
    .map((line) => recordFor(JSON.parse(line) as FirmRecord, FROM.tenantId, TO));
  // The file is there, readable once the stage has scanned it (as every upload); the scan
  // audits itself in the new firm, the one record the import did not write.
  const copied = () =>
    s3
      .send(new GetObjectCommand({ Bucket: process.env.DOCUMENTS_BUCKET!, Key: objectKeyOf({ tenantId: TO.tenantId, documentId, versionNo: 1 }) }))
      .then((o) => o.Body!.transformToString())
      .catch((e: Error) => e.name);
  await expect.poll(copied, { timeout: 20_000 }).toBe('W-2 2026\n');
  const isRescan = (r: FirmRecord) => r.kind === 'audit' && r.item.action === 'document.scanned' && String(r.item.at) >= importedAt;
  await expect.poll(async () => (await recordsOf(TO.tenantId)).filter(isRescan).length, { timeout: 20_000 }).toBe(1);
  expect(canonical((await recordsOf(TO.tenantId)).filter((r) => !isRescan(r)))).toEqual(canonical(exported));
  expect((await entities.tenant.get({ tenantId: TO.tenantId }).go()).data).toMatchObject({ slug: TO.slug, name: 'Elm Street Tax' });
  // The old firm is as it was.
  expect((await recordsOf(FROM.tenantId)).length).toBeGreaterThanOrEqual(exported.length);

  // Never over a firm, nor into an address once used; a bad address is named.
  const again = await tool.run('--from', zipFile, '--slug', TO.slug);
  expect([again.code, again.err.trim()]).toEqual([1, `${TO.slug} is already a firm’s address: choose another.`]);
  const bad = await tool.run('--from', zipFile, '--slug', 'No Spaces');
  expect(bad.code).toBe(2);
  expect(bad.err).toMatch(/^--slug: /);
});
