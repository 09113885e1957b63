/**
 * The firm export's round trip (issue 19, ADR 0038): a firm of this file's own is exported
 * through the API, the file imported with `npm run firm-import` into a fresh address, and the new
 * firm holds the same records (its id, files' keys and address rewritten) and the same files;
 * its people sign in again as themselves through invitations; an address in use, or ever used,
 * is refused with nothing written.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AdminDeleteUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { ScanCommand, DynamoDBClient, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { api, signIn, type Signed } from '../local/test-client.ts';
import { firmWithAdmin } from '../local/test-firms.ts';
import { emailTo, emailsTo, linkIn, nextEmailTo } from '../local/test-inbox.ts';
import { localTool } from '../local/test-tool.ts';
import { database } from '../../shared/db/all-entities.ts';
import { objectKeyOf } from '../../shared/domain/documents/keys.ts';
import { recordFor, recordOf, type FirmRecord } from '../../shared/domain/platform/firm-data.ts';
import { readZip } from './zip-reader.ts';

const RUN = Date.now().toString(36);
const FROM = { slug: `elm-${RUN}`, tenantId: `t-elm-${RUN}` };
const TO = { slug: `elm-copy-${RUN}`, tenantId: `t-elm-copy-${RUN}` };
const ADMIN_EMAIL = `owner-${RUN}@elm.example`;
const CLIENT_EMAIL = `client-${RUN}@birch.example`;
const MEMBER_EMAIL = `member-${RUN}@elm.example`;
const PASSWORD = 'Elm-Passw0rd!';
const NEW_PASSWORD = 'Moved-Passw0rd!';

const tool = localTool('infra/tools/firm-import.ts');
const s3 = new S3Client({ region: process.env.AWS_REGION, endpoint: process.env.S3_ENDPOINT, forcePathStyle: true });
let admin: Signed;
let client: Signed;

/** Someone the admin invites who joins from the emailed link. */
async function joined(email: string, name: string, role: string): Promise<Signed> {
  const invited = await api('/api/invitations', { method: 'POST', token: admin.token, body: JSON.stringify({ email, name, role }) });
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  return accepted(await nextEmailTo(email), PASSWORD, email);
}

async function accepted(invitation: Awaited<ReturnType<typeof nextEmailTo>>, password: string, email: string): Promise<Signed> {
  const token = new URL(linkIn(invitation, '/invitation/?token=')).searchParams.get('token')!;
  const accept = await api('/api/invitations/accept', { method: 'POST', body: JSON.stringify({ token, password }) });
  expect(accept.status, JSON.stringify(accept.body)).toBe(201);
  return signIn(email, password);
}

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
  client = await joined(CLIENT_EMAIL, 'Cora Birch', 'CLIENT');
  await joined(MEMBER_EMAIL, 'Milo Elm', 'TEAM_MEMBER');
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

  // The stage it moves to has never known the admin's and the client's addresses (another user
  // pool); the member's still signs in with the old firm here.
  const pool = new CognitoIdentityProviderClient({ region: process.env.AWS_REGION, endpoint: process.env.COGNITO_ENDPOINT });
  for (const Username of [ADMIN_EMAIL, CLIENT_EMAIL]) await pool.send(new AdminDeleteUserCommand({ UserPoolId: process.env.USER_POOL_ID, Username }));
  const adminMail = (await emailsTo(ADMIN_EMAIL)).length;

  const importedAt = new Date().toISOString();
  const imported = await tool.run('--from', zipFile, '--slug', TO.slug);
  expect(imported.err).toBe('');
  expect(imported.out.trim().split('\n')).toEqual([
    expect.stringMatching(new RegExp(`^Imported \\d+ records and 1 files into ${TO.tenantId}\\.$`)),
    `Invitations emailed to its admins: ${ADMIN_EMAIL}.`,
    '1 more invitations wait for its admins to send them from People (Invitations).',
    `These addresses sign in with another firm on this stage and cannot join it: ${MEMBER_EMAIL}.`,
  ]);

  // The new firm holds exactly what was exported, for itself.
  const exported = readZip(zip)
    .get('records.jsonl')!
    .toString()
    .trim()
    .split('\n')
    .map((line) => recordFor(JSON.parse(line) as FirmRecord, FROM.tenantId, TO));
  // The file is there, readable once the stage has scanned it (as every upload), which audits
  // itself in the new firm.
  const copied = () =>
    s3
      .send(new GetObjectCommand({ Bucket: process.env.DOCUMENTS_BUCKET!, Key: objectKeyOf({ tenantId: TO.tenantId, documentId, versionNo: 1 }) }))
      .then((o) => o.Body!.transformToString())
      .catch((e: Error) => e.name);
  await expect.poll(copied, { timeout: 20_000 }).toBe('W-2 2026\n');
  const isRescan = (r: FirmRecord) => r.kind === 'audit' && r.item.action === 'document.scanned' && String(r.item.at) >= importedAt;
  await expect.poll(async () => (await recordsOf(TO.tenantId)).filter(isRescan).length, { timeout: 20_000 }).toBe(1);
  // Besides, the import made its people's invitations (audited), and each person is invited again.
  const copy = await recordsOf(TO.tenantId);
  const madeSince = (r: FirmRecord) => String(r.item.createdAt ?? r.item.at) >= importedAt && ['invitation', 'audit'].includes(r.kind);
  const invitedAgain = (r: FirmRecord) => (r.kind === 'user' ? { ...r, item: { ...r.item, status: 'invited', updatedAt: undefined } } : r);
  // Its usage goes on counting on the new stage (the admin's invitation is an email sent): never below what was exported.
  const isUsage = (r: FirmRecord) => r.kind === 'firmUsage';
  expect(canonical(copy.filter((r) => !madeSince(r) && !isUsage(r)).map(invitedAgain))).toEqual(
    canonical(exported.filter((r) => !isUsage(r)).map(invitedAgain)),
  );
  for (const usage of exported.filter(isUsage)) {
    const now = copy.find((r) => isUsage(r) && r.item.period === usage.item.period)!.item;
    for (const [figure, value] of Object.entries(usage.item)) if (typeof value === 'number') expect(now[figure]).toBeGreaterThanOrEqual(value);
  }
  expect(
    copy
      .filter((r) => madeSince(r) && r.kind === 'invitation')
      .map((r) => [r.item.email, r.item.status, r.item.elsewhere ?? false])
      .sort(),
  ).toEqual(
    [
      [ADMIN_EMAIL, 'pending', false],
      [CLIENT_EMAIL, 'unsent', false],
      [MEMBER_EMAIL, 'unsent', true],
    ].sort(),
  );
  expect((await entities.tenant.get({ tenantId: TO.tenantId }).go()).data).toMatchObject({ slug: TO.slug, name: 'Elm Street Tax' });
  // The old firm is as it was.
  expect((await recordsOf(FROM.tenantId)).length).toBeGreaterThanOrEqual(exported.length);

  // Its admin joins again from the emailed link, as the same person, and finds the firm as it was.
  const invitation = await emailTo(ADMIN_EMAIL, 'You are invited to Elm Street Tax on Service Portal', adminMail);
  const movedAdmin = await accepted(invitation, NEW_PASSWORD, ADMIN_EMAIL);
  expect(movedAdmin.userId).toBe(admin.userId);
  const customers = await api('/api/customers', { token: movedAdmin.token });
  expect((customers.body.items as { name: string }[]).map((c) => c.name)).toContain(`Ash Agency ${RUN}`);
  // The others' invitations wait for the admin, who sends the client's: the client joins as themselves.
  const waiting = (await api('/api/invitations?limit=50', { token: movedAdmin.token })).body.items as { invitationId: string; email: string; status: string }[];
  const clientsInvitation = waiting.find((i) => i.email === CLIENT_EMAIL)!;
  expect(clientsInvitation.status).toBe('unsent');
  const clientMail = (await emailsTo(CLIENT_EMAIL)).length;
  const sent = await api(`/api/invitations/${clientsInvitation.invitationId}/resend`, { method: 'POST', token: movedAdmin.token });
  expect([sent.status, sent.body.status]).toEqual([200, 'pending']);
  const movedClient = await accepted(await nextEmailTo(CLIENT_EMAIL, clientMail), NEW_PASSWORD, CLIENT_EMAIL);
  expect(movedClient.userId).toBe(client.userId);

  // Never over a firm, nor into an address once used; a bad address is named.
  const again = await tool.run('--from', zipFile, '--slug', TO.slug);
  expect([again.code, again.err.trim()]).toEqual([1, `${TO.slug} is already a firm’s address: choose another.`]);
  const bad = await tool.run('--from', zipFile, '--slug', 'No Spaces');
  expect(bad.code).toBe(2);
  expect(bad.err).toMatch(/^--slug: /);
});
