/**
 * Deleting a firm (issue 19, ADR 0039), through the real bundles: the operator types its name
 * (a wrong one is refused by field), the firm is suspended and exported whole, its deletion can be
 * cancelled, and the purge-firms job removes it only once its month has passed: every item, every
 * file, every sign-in identity; its address stays claimed, and the platform's log tells it all.
 */
import { AdminGetUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { api, runJob, signIn, type Signed } from '../../infra/local/test-client.ts';
import { firmWithAdmin } from '../../infra/local/test-firms.ts';
import { zipContents } from '../../infra/local/test-zip.ts';
import { database } from '../../shared/db/all-entities.ts';
import { firmItems } from '../../shared/db/firm-items.ts';
import { objectKeyOf } from '../../shared/domain/documents/keys.ts';
import { DELETION_GRACE_DAYS } from '../../shared/domain/platform/deletion.ts';

const RUN = Date.now().toString(36);
const SLUG = `oak-${RUN}`;
const FIRM_ID = `t-${SLUG}`;
const ADMIN_EMAIL = `owner-${RUN}@oak.example`;
const PASSWORD = 'Oak-Passw0rd!';
const DAY = 86_400_000;

const s3 = new S3Client({ region: process.env.AWS_REGION, endpoint: process.env.S3_ENDPOINT, forcePathStyle: true });
const pool = new CognitoIdentityProviderClient({ region: process.env.AWS_REGION, endpoint: process.env.COGNITO_ENDPOINT });
let operator: Signed;
let admin: Signed;

const deletion = (body: Record<string, unknown>, cancel = false) =>
  api(`/api/platform/firms/${FIRM_ID}/deletion${cancel ? '/cancel' : ''}`, { method: 'POST', token: operator.token, body: JSON.stringify(body) });
const firm = () => api(`/api/platform/firms/${FIRM_ID}`, { token: operator.token });
const keysUnder = async (bucket: string, prefix: string) =>
  ((await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }))).Contents ?? []).map((o) => o.Key);
const itemsOfFirm = async () => {
  let count = 0;
  for await (const items of firmItems(FIRM_ID)) count += items.length;
  return count;
};

beforeAll(async () => {
  operator = await signIn('operator@serviceportal.example');
  admin = await firmWithAdmin({
    name: 'Oak & Ash',
    slug: SLUG,
    timeZone: 'Europe/London',
    currency: 'GBP',
    admin: { name: 'Olive Oak', email: ADMIN_EMAIL },
    password: PASSWORD,
  });
  const customer = await api('/api/customers', { method: 'POST', token: admin.token, body: JSON.stringify({ name: `Elm Ltd ${RUN}` }) });
  expect(customer.status).toBe(201);
  await s3.send(
    new PutObjectCommand({
      Bucket: process.env.DOCUMENTS_BUCKET!,
      Key: objectKeyOf({ tenantId: FIRM_ID, documentId: randomUUID(), versionNo: 1 }),
      Body: 'ledger',
    }),
  );
});

it('deletes a firm a month after the operator asks, unless cancelled, and keeps its address claimed', { timeout: 120_000 }, async () => {
  // A wrong name is refused by field, with nothing changed.
  const wrong = await deletion({ name: 'Oak and Ash', reason: 'The firm closed' });
  expect([wrong.status, wrong.body.error.details]).toEqual([400, [{ field: 'name', message: 'must be the firm’s name as shown: Oak & Ash' }]]);
  expect((await firm()).body).toMatchObject({ status: 'active' });

  // Asked for: suspended at once, its purge a month ahead, all of it exported for the operator.
  const asked = await deletion({ name: ' Oak & Ash ', reason: 'The firm closed' });
  expect(asked.status, JSON.stringify(asked.body)).toBe(200);
  expect(asked.body.status).toBe('suspended');
  expect(Math.abs(Date.parse(asked.body.deleteAfter) - (Date.now() + DELETION_GRACE_DAYS * DAY))).toBeLessThan(60_000);
  expect((await deletion({ name: 'Oak & Ash', reason: 'Twice' })).status).toBe(409);
  expect((await api('/api/auth/login', { method: 'POST', body: JSON.stringify({ email: ADMIN_EMAIL, password: PASSWORD }) })).status).toBe(403);
  const reactivate = await api(`/api/platform/firms/${FIRM_ID}/reactivate`, {
    method: 'POST',
    token: operator.token,
    body: JSON.stringify({ reason: 'Oops' }),
  });
  expect([reactivate.status, reactivate.body.error.message]).toEqual([409, 'Oak & Ash is to be deleted: cancel that first.']);
  await expect.poll(async () => (await firm()).body.closingExport?.status, { timeout: 30_000 }).toBe('ready');
  const exported = await zipContents((await firm()).body.closingExport.url);
  expect(Object.keys(exported)).toEqual(expect.arrayContaining(['README.txt', 'records.jsonl', 'csv/customer.csv']));
  expect(exported['records.jsonl']).toContain(`Elm Ltd ${RUN}`);

  // Nothing is purged before its day; cancelling keeps the firm, suspended, whole.
  await runJob('purge-firms', new Date(Date.now() + (DELETION_GRACE_DAYS - 1) * DAY));
  const cancelled = await deletion({ reason: 'They changed their mind' }, true);
  expect([cancelled.status, cancelled.body.status, cancelled.body.deleteAfter]).toEqual([200, 'suspended', undefined]);
  expect((await deletion({ reason: 'Again' }, true)).status).toBe(409);
  await runJob('purge-firms', new Date(Date.now() + (DELETION_GRACE_DAYS + 1) * DAY));
  expect((await firm()).status).toBe(200);
  expect(await itemsOfFirm()).toBeGreaterThan(5);

  // Asked again and left: the month's end purges everything of it.
  expect((await deletion({ name: 'Oak & Ash', reason: 'The firm closed, for good' })).status).toBe(200);
  await expect.poll(async () => (await firm()).body.closingExport?.status, { timeout: 30_000 }).toBe('ready');
  const purged = await runJob('purge-firms', new Date(Date.now() + (DELETION_GRACE_DAYS + 1) * DAY));
  expect(purged).toMatchObject({ purged: 1, identities: 1 });
  expect((await firm()).status).toBe(404);
  // Nothing of it is left but, at most, the marker of an event a consumer finished meanwhile, which expires by itself.
  const left: Record<string, unknown>[] = [];
  for await (const items of firmItems(FIRM_ID)) left.push(...items);
  expect(left.filter((i) => i.__edb_e__ !== 'processedEvent' || typeof i.expiresAt !== 'number')).toEqual([]);
  expect(await keysUnder(process.env.DOCUMENTS_BUCKET!, `t/${FIRM_ID}/`)).toEqual([]);
  expect(await keysUnder(process.env.UPLOADS_BUCKET!, `closing/${FIRM_ID}/`)).toEqual([]);
  const identity = await pool.send(new AdminGetUserCommand({ UserPoolId: process.env.USER_POOL_ID, Username: ADMIN_EMAIL })).catch((e: Error) => e.name);
  expect(identity).toBe('UserNotFoundException');

  // Its address is never another firm's; the platform's log keeps what happened.
  expect((await database().entities.slugClaim.get({ slug: SLUG }).go()).data).toMatchObject({ tenantId: FIRM_ID, purgedAt: expect.any(String) });
  const again = await api('/api/platform/firms', {
    method: 'POST',
    token: operator.token,
    body: JSON.stringify({ name: 'New Oak', slug: SLUG, timeZone: 'UTC', currency: 'GBP', locale: 'en', admin: { name: 'N', email: `n-${RUN}@oak.example` } }),
  });
  expect([again.status, again.body.error.details?.[0]?.field]).toEqual([409, 'slug']);
  const log = (await api(`/api/audit?entityType=firm&entityId=${FIRM_ID}&limit=50`, { token: operator.token })).body.items as { action: string }[];
  expect(log.map((a) => a.action)).toEqual(expect.arrayContaining(['firm.deletion_scheduled', 'firm.deletion_cancelled', 'firm.purged']));
  // The job found no other firm due (the seeded firms are whole).
  expect((await signIn('hello@designpi.com')).token).toBeTruthy();
});
