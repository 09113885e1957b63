/**
 * Emails for conversation messages missed (ADR 0033): a person with no connection open gets one
 * email for a batch of messages, in their language, and never a second within 10 minutes.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { api, joinAs, runJob, signIn, type Signed } from '../../infra/local/test-client.ts';
import { emailsTo } from '../../infra/local/test-inbox.ts';
import { database } from '../../shared/db/all-entities.ts';

const run = randomUUID().slice(0, 6);
const email = `away-${run}@example.com`;
let away: Signed; // a client of Global Ventures with her own conversation, never connected
let sarah: Signed;
let conversationId: string;

const call = (who: Signed, method: string, path: string, body?: unknown) =>
  api(path, { method, token: who.token, ...(body !== undefined && { body: JSON.stringify(body) }) });
const say = (body: string) => call(sarah, 'POST', `/api/conversations/${conversationId}/messages`, { clientMessageId: randomUUID(), body });
const MINUTE = 60_000;
/** The email owed to her, once the live consumer (on the bus, a moment after the message) has noted it. */
const owedState = async () =>
  (await database().entities.conversationEmail.get({ tenantId: 't-designpi', conversationId, userId: away.userId }).go()).data?.state;

beforeAll(async () => {
  away = await joinAs({
    email,
    name: `Asha ${run}`,
    role: 'CLIENT',
    password: 'Demo-Passw0rd!',
    customerId: 'cus-global-ventures',
    contactAccess: 'own',
    locale: 'hi',
  });
  sarah = await signIn('sarah@designpi.com');
  conversationId = (await call(away, 'POST', '/api/conversations', {})).body.conversationId;
});

it('sends one email, in her language, for three messages she missed; none again within 10 minutes; the next after', { timeout: 60_000 }, async () => {
  const before = (await emailsTo(email)).length;
  for (const text of ['Your 2026 return is ready to sign.', 'Please check page 2.', 'Then press Approve.']) expect((await say(text)).status).toBe(201);
  const start = Date.now();
  await expect.poll(owedState, { timeout: 10_000 }).toBe('pending');
  // The batch waits a minute for more.
  await runJob('send-conversation-emails', new Date(start));
  expect((await emailsTo(email)).length).toBe(before);
  await Promise.all([runJob('send-conversation-emails', new Date(start + 2 * MINUTE)), runJob('send-conversation-emails', new Date(start + 2 * MINUTE))]);
  await expect.poll(async () => (await emailsTo(email)).length, { timeout: 10_000 }).toBe(before + 1);
  const [sent] = (await emailsTo(email)).slice(before);
  expect(sent!.subject).toBe('[DesignPi] DesignPi से 3 नए संदेश');
  expect(sent!.text).toContain('Please check page 2.');
  expect(sent!.text).toContain(`/portal/chat/?id=${conversationId}`);

  // Another message soon after: owed, but not before 10 minutes from the last email.
  await say('One more thing.');
  await expect.poll(owedState, { timeout: 10_000 }).toBe('pending');
  await runJob('send-conversation-emails', new Date(start + 5 * MINUTE));
  expect((await emailsTo(email)).length).toBe(before + 1);
  // Read meanwhile? Not here: she is away, so it goes once the gap has passed.
  await runJob('send-conversation-emails', new Date(start + 13 * MINUTE));
  await expect.poll(async () => (await emailsTo(email)).length, { timeout: 10_000 }).toBe(before + 2);
  expect((await emailsTo(email)).at(-1)!.subject).toBe('[DesignPi] DesignPi से नया संदेश');
});

it('skips the email when the messages were read before it fell due', { timeout: 30_000 }, async () => {
  const before = (await emailsTo(email)).length;
  const sentMessage = await say('A quick note.');
  await expect.poll(owedState, { timeout: 10_000 }).toBe('pending');
  await call(away, 'POST', `/api/conversations/${conversationId}/read`, { seq: sentMessage.body.seq });
  const result = await runJob('send-conversation-emails', new Date(Date.now() + 30 * MINUTE));
  expect(result.skipped).toBeGreaterThanOrEqual(1);
  // Nothing else waits for her: the one owed was skipped.
  await new Promise((r) => setTimeout(r, 1000));
  expect((await emailsTo(email)).length).toBe(before);
});
