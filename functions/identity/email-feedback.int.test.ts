/**
 * SES's bounces and complaints (ADR 0036), through the local SES's mailbox simulator: mail to
 * `bounce+…@simulator.amazonses.com` bounces for good and SES's event reaches the email-feedback
 * consumer, which stops all mail to the address and marks the person for their admins; an admin
 * lets it be emailed again; a complaint stops it the same way.
 */
import { beforeAll, expect, it } from 'vitest';
import { api, signIn, type Signed } from '../../infra/local/test-client.ts';
import { emailsTo } from '../../infra/local/test-inbox.ts';
import { database } from '../../shared/db/all-entities.ts';

const RUN = Date.now().toString(36);
let admin: Signed;
let lead: Signed;

const invite = (email: string) =>
  api('/api/invitations', { method: 'POST', token: admin.token, body: JSON.stringify({ email, name: 'Simulated Person', role: 'CLIENT' }) });
const person = async (userId: string) => (await api(`/api/users/${userId}`, { token: admin.token })).body;
const settle = () => new Promise((resolve) => setTimeout(resolve, 2500));

beforeAll(async () => {
  [admin, lead] = await Promise.all([signIn('hello@designpi.com'), signIn('sarah@designpi.com')]);
});

it('stops emailing an address that bounced for good, shows the admin why, and emails it again once the admin says so', { timeout: 60_000 }, async () => {
  const email = `bounce+${RUN}@simulator.amazonses.com`;
  const invited = await invite(email);
  expect(invited.status).toBe(201);
  const { userId, invitationId } = invited.body;
  await expect.poll(async () => (await person(userId)).emailProblem?.reason, { timeout: 10_000 }).toBe('bounced');
  expect(await emailsTo(email)).toHaveLength(1);
  const { data: log } = await database().entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'user', entityId: userId }).go();
  expect(log.map((a) => [a.action, a.actorId])).toContainEqual(['user.email_stopped', 'system']);

  // Sent again: nothing goes out while the address is suppressed.
  expect((await api(`/api/invitations/${invitationId}/resend`, { method: 'POST', token: admin.token })).status).toBe(200);
  await settle();
  expect(await emailsTo(email)).toHaveLength(1);

  // Only those who manage people may lift it; then mail goes out again (and bounces again).
  expect((await api(`/api/users/${userId}/email/resume`, { method: 'POST', token: lead.token })).status).toBe(403);
  const resumed = await api(`/api/users/${userId}/email/resume`, { method: 'POST', token: admin.token });
  expect(resumed.status).toBe(200);
  expect(resumed.body.emailProblem).toBeUndefined();
  expect((await api(`/api/users/${userId}/email/resume`, { method: 'POST', token: admin.token })).status).toBe(409);
  expect((await api(`/api/invitations/${invitationId}/resend`, { method: 'POST', token: admin.token })).status).toBe(200);
  await expect.poll(async () => (await emailsTo(email)).length, { timeout: 10_000 }).toBe(2);
  await expect.poll(async () => (await person(userId)).emailProblem?.reason, { timeout: 10_000 }).toBe('bounced');
});

it('stops emailing someone who marked the portal’s email as spam', { timeout: 30_000 }, async () => {
  const email = `complaint+${RUN}@simulator.amazonses.com`;
  const { userId } = (await invite(email)).body;
  await expect.poll(async () => (await person(userId)).emailProblem?.reason, { timeout: 10_000 }).toBe('complained');
  expect((await database().entities.emailSuppression.get({ address: email }).go()).data).toMatchObject({ reason: 'complained', detail: 'abuse' });
});
