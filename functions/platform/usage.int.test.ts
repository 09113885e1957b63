/**
 * A firm's usage (ADR 0035), counted where it happens, through the real bundles: each signed-in
 * API call, each email sent, each request sent (once, by its event); and what a firm holds,
 * measured whole by the nightly job. Other tests run beside this one, so counts are compared as
 * "at least what this test added" and the measurement against the sources themselves.
 */
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, runJob, signIn, type Signed } from '../../infra/local/test-client.ts';
import { linkIn, nextEmailTo } from '../../infra/local/test-inbox.ts';
import { database } from '../../shared/db/all-entities.ts';
import { usageMonthOf } from '../../shared/domain/platform/firms.ts';

const RUN = Date.now().toString(36);
let operator: Signed;
let admin: Signed;
let john: Signed;
let s3: S3Client;

const firm = async (firmId: string) => (await api(`/api/platform/firms/${firmId}`, { token: operator.token })).body;

afterAll(() => s3.destroy());
beforeAll(async () => {
  s3 = new S3Client({ region: process.env.AWS_REGION, endpoint: process.env.S3_ENDPOINT, forcePathStyle: true });
  [operator, admin, john] = await Promise.all([signIn('operator@serviceportal.example'), signIn('hello@designpi.com'), signIn('john.doe@example.com')]);
});

it('counts a firm’s signed-in API calls, emails and requests in this month, and never another firm’s', async () => {
  const [before, northwind] = await Promise.all([firm('t-designpi'), firm('t-northwind')]);
  expect(before.month).toBe(usageMonthOf(new Date()));

  for (let i = 0; i < 3; i++) expect((await api('/api/users', { token: admin.token })).status).toBe(200);
  const email = `usage-${RUN}@example.com`;
  expect(
    (await api('/api/invitations', { method: 'POST', token: admin.token, body: JSON.stringify({ email, name: 'Usage Person', role: 'CLIENT' }) })).status,
  ).toBe(201);
  await nextEmailTo(email);
  const sent = await api('/api/requests', {
    method: 'POST',
    token: john.token,
    body: JSON.stringify({ serviceId: 'svc-payroll-setup', title: `Usage ${RUN}`, requirements: { 'q-employees': '3' } }),
  });
  expect(sent.status).toBe(201);

  await expect
    .poll(async () => {
      const after = (await firm('t-designpi')).thisMonth;
      return after.apiCalls - before.thisMonth.apiCalls >= 5 && after.emails > before.thisMonth.emails && after.requests > before.thisMonth.requests;
    })
    .toBe(true);
  // The operator's own calls count for nobody's firm.
  expect((await firm('t-northwind')).thisMonth.apiCalls).toBe(northwind.thisMonth.apiCalls);
});

it('measures what each firm holds: its active people and the bytes of its documents', async () => {
  // A firm of this test's own, so nobody else's people change the count.
  const slug = `usage-${RUN}`;
  const adminEmail = `owner-${RUN}@usage.example`;
  const made = await api('/api/platform/firms', {
    method: 'POST',
    token: operator.token,
    body: JSON.stringify({ name: 'Usage Ltd', slug, timeZone: 'UTC', currency: 'USD', locale: 'en', admin: { name: 'Ula Usage', email: adminEmail } }),
  });
  expect(made.status).toBe(201);
  expect((await firm(`t-${slug}`)).now).toEqual({ users: 0, storageBytes: 0 }); // invited is not yet someone who signs in
  const token = new URL(linkIn(await nextEmailTo(adminEmail), '/invitation/?token=')).searchParams.get('token')!;
  expect((await api('/api/invitations/accept', { method: 'POST', body: JSON.stringify({ token, password: 'Usage-Passw0rd!' }) })).status).toBe(201);
  await expect.poll(async () => (await firm(`t-${slug}`)).now.users).toBe(1); // by the event, at once

  // Other tests may upload meanwhile: what the job measures lies between the bucket before and after it.
  const bytes = async () => {
    let sum = 0;
    let ContinuationToken: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: process.env.DOCUMENTS_BUCKET, Prefix: 't/t-designpi/', ContinuationToken }));
      sum += (page.Contents ?? []).reduce((total, o) => total + (o.Size ?? 0), 0);
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
    return sum;
  };
  const least = await bytes();
  const result = await runJob('measure-usage');
  const most = await bytes();
  expect(result.firms).toBeGreaterThanOrEqual(3);
  const designpi = (await firm('t-designpi')).now;
  expect(designpi.storageBytes).toBeGreaterThanOrEqual(least);
  expect(designpi.storageBytes).toBeLessThanOrEqual(most);
  expect(designpi.users).toBeGreaterThan(0);
  expect((await firm(`t-${slug}`)).now).toEqual({ users: 1, storageBytes: 0 });
  // The platform's own tenant is no firm: never measured.
  expect((await database().entities.firmUsage.get({ tenantId: 'platform', period: 'now' }).go()).data).toBeNull();
});
