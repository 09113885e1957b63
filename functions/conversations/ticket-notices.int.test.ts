/**
 * Who hears of a support ticket (functions/notifications/audience.ts `ticketNotices`), in the
 * bell and by email: each side of what the other did, a new assignee that it is theirs, never a
 * client of an internal note; a ticket staff raised reaches the customer's contacts who see all.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { api, joinAs, signIn, type Signed } from '../../infra/local/test-client.ts';
import { emailTo } from '../../infra/local/test-inbox.ts';

const run = randomUUID().slice(0, 6);
const email = `tina-${run}@example.com`;
let tina: Signed; // Acme, own access: sees only what she raised
let john: Signed; // Acme, full access
let sarah: Signed; // lead
let mike: Signed; // team member
let admin: Signed;

const call = (who: Signed, method: string, path: string, body?: unknown) =>
  api(path, { method, token: who.token, ...(body !== undefined && { body: JSON.stringify(body) }) });
interface Notice {
  kind: string;
  values: Record<string, string>;
  link: string;
}
/** The kinds of notice someone has about the ticket with this subject, in alphabetical order. */
const noticesOf = async (who: Signed, subject: string) =>
  ((await call(who, 'GET', '/api/notifications')).body.items as Notice[])
    .filter((n) => n.values.subject === subject)
    .map((n) => n.kind)
    .sort();
const version = async (ticketId: string) => (await call(sarah, 'GET', `/api/tickets/${ticketId}`)).body.version as number;

beforeAll(async () => {
  tina = await joinAs({ email, name: `Tina ${run}`, role: 'CLIENT', password: 'Demo-Passw0rd!', customerId: 'cus-acme', contactAccess: 'own', locale: 'en' });
  [john, sarah, mike, admin] = await Promise.all([
    signIn('john.doe@example.com'),
    signIn('sarah@designpi.com'),
    signIn('mike@designpi.com'),
    signIn('hello@designpi.com'),
  ]);
});

it(
  'tells the leads and admins of a client’s new unassigned ticket, the client of staff’s answer by email, and staff of the client’s',
  { timeout: 30_000 },
  async () => {
    const subject = `VAT return question ${run}`;
    const made = await call(tina, 'POST', '/api/tickets', { subject, description: 'Which quarter?', category: 'billing', priority: 'high' });
    expect(made.status).toBe(201);
    const ticketId = made.body.ticketId as string;
    await expect.poll(() => noticesOf(sarah, subject)).toEqual(['ticket.created']);
    await expect.poll(() => noticesOf(admin, subject)).toEqual(['ticket.created']);
    expect(await noticesOf(mike, subject)).toEqual([]);

    // A note for staff: the client hears nothing. Then a reply: she hears, and (away) gets an email with the ticket's link.
    expect((await call(sarah, 'POST', `/api/tickets/${ticketId}/comments`, { body: `Checking the ledger ${run}`, internal: true })).status).toBe(201);
    expect((await call(sarah, 'POST', `/api/tickets/${ticketId}/comments`, { body: 'The third quarter.' })).status).toBe(201);
    const mail = await emailTo(email, `[DesignPi] Sarah Johnson commented on the ticket “${subject}”`);
    expect(mail.text).toContain('/go/?token=');
    expect(mail.text).not.toContain(`Checking the ledger ${run}`);
    expect(await noticesOf(tina, subject)).toEqual(['ticket.commented']);
    const [notice] = ((await call(tina, 'GET', '/api/notifications')).body.items as Notice[]).filter((n) => n.values.subject === subject);
    expect(notice!.link).toBe(`/ticket/?id=${ticketId}`);

    // She answers: the staff side hears (still unassigned: leads and admins).
    expect((await call(tina, 'POST', `/api/tickets/${ticketId}/comments`, { body: 'Thanks!' })).status).toBe(201);
    await expect.poll(() => noticesOf(admin, subject)).toEqual(['ticket.commented', 'ticket.created']);
  },
);

it('tells a new assignee it is theirs, and the client that it waits for her', { timeout: 30_000 }, async () => {
  const subject = `Payroll login ${run}`;
  const { body: made } = await call(tina, 'POST', '/api/tickets', { subject, description: 'Locked out', category: 'technical', priority: 'low' });
  const ticketId = made.ticketId as string;
  expect((await call(sarah, 'PATCH', `/api/tickets/${ticketId}`, { version: await version(ticketId), assigneeId: mike.userId })).status).toBe(200);
  await expect.poll(() => noticesOf(mike, subject)).toEqual(['ticket.assigned']);
  expect((await call(mike, 'PATCH', `/api/tickets/${ticketId}`, { version: await version(ticketId), status: 'waiting_for_client' })).status).toBe(200);
  await expect.poll(() => noticesOf(tina, subject)).toEqual(['ticket.status_changed']);
  await emailTo(email, `[DesignPi] The ticket “${subject}” is now waiting for you`);
  // Her comment opens it again, and its assignee (not the leads) hears of both.
  expect((await call(tina, 'POST', `/api/tickets/${ticketId}/comments`, { body: 'Here is the screenshot.' })).status).toBe(201);
  await expect.poll(() => noticesOf(mike, subject)).toEqual(['ticket.assigned', 'ticket.commented', 'ticket.status_changed']);
  expect((await noticesOf(sarah, subject)).filter((k) => k !== 'ticket.created')).toEqual([]);
});

it('tells the contacts who see all of a customer’s tickets of one staff raised, not those who see their own', { timeout: 30_000 }, async () => {
  const subject = `Renewal paperwork ${run}`;
  expect(
    (await call(sarah, 'POST', '/api/tickets', { customerId: 'cus-acme', subject, description: 'Sign by Friday', category: 'general', priority: 'medium' }))
      .status,
  ).toBe(201);
  await expect.poll(() => noticesOf(john, subject)).toEqual(['ticket.created']);
  expect(await noticesOf(tina, subject)).toEqual([]);
  expect(await noticesOf(sarah, subject)).toEqual([]);
});
