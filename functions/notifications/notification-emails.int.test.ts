import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { api, joinAs, portalUrl, runJob, signIn, type Signed } from '../../infra/local/test-client.ts';
import { emailsTo, linkIn, nextEmailTo } from '../../infra/local/test-inbox.ts';
import { database } from '../../shared/db/all-entities.ts';

let sarah: Signed; // DesignPi's lead
let mike: Signed; // team member
let otherAdmin: Signed;
let client: Signed; // this file's own client, reading Arabic
let clientEmail: string;
const run = randomUUID().slice(0, 8);
const sockets: WebSocket[] = [];

const send = (method: string) => (who: Signed, path: string, body?: unknown) =>
  api(path, { method, token: who.token, ...(body !== undefined && { body: JSON.stringify(body) }) });
const [post, put] = [send('POST'), send('PUT')];
const preferences = (who: Signed) => api('/api/me/email-preferences', { token: who.token });
const open = (who: Signed, token: string) => post(who, '/api/notifications/links/open', { token });
const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

async function ask(title: string) {
  const res = await post(client, '/api/requests', { serviceId: 'svc-payroll-setup', title, requirements: { 'q-employees': '2' } });
  expect(res.status).toBe(201);
  return res.body as { requestId: string; reference: string };
}
const comment = (requestId: string, text: string) => post(sarah, `/api/requests/${requestId}/comments`, { text });

/** Opens a live-updates socket as this person (they are online in the portal), with the notices it receives. */
async function goOnline(who: Signed): Promise<{ socket: WebSocket; notices: string[] }> {
  const { ticket } = (await post(who, '/api/realtime/tickets')).body as { ticket: string };
  const socket = new WebSocket(`${portalUrl().replace(/^http/, 'ws')}/ws?ticket=${encodeURIComponent(ticket)}`);
  const notices: string[] = [];
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { type: string; notification?: { kind: string } };
    if (message.type === 'notification') notices.push(message.notification!.kind);
  });
  await new Promise((resolve, reject) => socket.on('open', resolve).on('error', reject));
  sockets.push(socket);
  return { socket, notices };
}
const commentsInBell = async () =>
  (await api('/api/notifications?limit=50', { token: client.token })).body.items.filter((n: { kind: string }) => n.kind === 'request.commented').length;

beforeAll(async () => {
  [sarah, mike, otherAdmin] = await Promise.all([signIn('sarah@designpi.com'), signIn('mike@designpi.com'), signIn('admin@northwind.example')]);
  clientEmail = `layla-${run}@example.com`;
  client = await joinAs({ email: clientEmail, name: `Layla ${run}`, role: 'CLIENT', password: 'Layla-Passw0rd!', locale: 'ar' });
});
afterAll(() => sockets.forEach((s) => s.terminate()));

describe('email settings', () => {
  it('start at once for every kind the role can get, and are each person’s own', async () => {
    expect((await preferences(client)).body).toEqual({
      digest: 'immediately',
      off: [],
      kinds: [
        'request.status_changed',
        'request.completed',
        'request.commented',
        'ticket.created',
        'ticket.status_changed',
        'ticket.commented',
        'document.quarantined',
        'document.unscannable',
        'document.rejected',
        'document_request.created',
        'document_request.reminded',
        'document.zip_ready',
      ],
      // The language the client was invited in, theirs to change with the rest.
      locale: 'ar',
    });
    expect((await preferences(mike)).body.kinds).toEqual([
      'request.submitted',
      'request.assigned',
      'request.status_changed',
      'request.commented',
      'task.assigned',
      'request.due_soon',
      'request.overdue',
      'task.due_soon',
      'task.overdue',
      'ticket.created',
      'ticket.assigned',
      'ticket.status_changed',
      'ticket.commented',
      'ticket.unanswered',
      'ticket.overdue',
      'document.quarantined',
      'document.unscannable',
      'document.rejected',
      'document_request.fulfilled',
      'document.zip_ready',
    ]);
  });

  it('name what is wrong, and keep only the kinds the role can get', async () => {
    expect((await put(client, '/api/me/email-preferences', { digest: 'weekly', off: [] })).body.error.details).toMatchObject([
      { field: 'digest', message: 'must be immediately, hourly or daily' },
    ]);
    expect((await put(client, '/api/me/email-preferences', { digest: 'daily', off: ['request.nonsense'] })).body.error.details[0].field).toBe('off.0');
    const saved = await put(client, '/api/me/email-preferences', { digest: 'daily', off: ['task.assigned', 'request.status_changed'] });
    expect(saved.body).toMatchObject({ digest: 'daily', off: ['request.status_changed'], locale: 'ar' });
    expect((await put(client, '/api/me/email-preferences', { digest: 'daily', off: [], locale: 'fr' })).body.error.details).toMatchObject([
      { field: 'locale', message: 'must be one of en, ar, hi' },
    ]);
    expect((await put(client, '/api/me/email-preferences', { digest: 'immediately', off: [] })).body).toMatchObject({ digest: 'immediately', off: [] });
  });
});

describe('a notice by email', () => {
  it('reaches someone not in the portal at once, in their language, with a link only they can open, which marks it read', async () => {
    const { requestId, reference } = await ask(`Payroll for Dubai ${run}`);
    const before = (await emailsTo(clientEmail)).length;
    expect((await comment(requestId, 'We need your bank details.')).status).toBe(201);
    const email = await nextEmailTo(clientEmail, before);
    expect(email.subject).toBe(`[DesignPi] علّق Sarah Johnson على ${reference} (Payroll for Dubai ${run})`);
    expect(email.html).toContain('dir="rtl"');
    const link = linkIn(email, '/go/?token=');

    // Only its recipient opens it; a made-up or cut token is not found.
    expect((await open(sarah, tokenOf(link))).status).toBe(403);
    expect((await open(otherAdmin, tokenOf(link))).status).toBe(403);
    expect((await open(client, `${tokenOf(link).slice(0, -3)}abc`)).status).toBe(404);
    const opened = await open(client, tokenOf(link));
    expect(opened.body).toEqual({ path: `/request/?id=${requestId}` });
    const { body: bell } = await api('/api/notifications?limit=20', { token: client.token });
    const notice = bell.items.find((n: { kind: string; values: { reference: string } }) => n.kind === 'request.commented' && n.values.reference === reference);
    expect(notice.readAt).toEqual(expect.any(String));
  });

  it('is not sent to someone online, nor for a kind they switched off', async () => {
    const { requestId } = await ask(`Payroll for Sharjah ${run}`);
    const before = (await emailsTo(clientEmail)).length;
    const inBell = await commentsInBell();
    const live = await goOnline(client);
    await comment(requestId, 'Seen live, so no email.');
    await expect.poll(() => live.notices).toEqual(['request.commented']);
    live.socket.terminate();
    await put(client, '/api/me/email-preferences', { digest: 'immediately', off: ['request.commented'] });
    await comment(requestId, 'Switched off, so no email.');
    // Both notices reached the bell; neither became an email.
    await expect.poll(commentsInBell).toBe(inBell + 2);
    await put(client, '/api/me/email-preferences', { digest: 'immediately', off: [] });
    await new Promise((r) => setTimeout(r, 1000));
    expect((await emailsTo(clientEmail)).length).toBe(before);
  });
});

describe('the digest', () => {
  it('groups what happened into one email per slot, sent once however often and however many times at once the job runs', async () => {
    await put(client, '/api/me/email-preferences', { digest: 'hourly', off: [] });
    const { requestId, reference } = await ask(`Payroll for Muscat ${run}`);
    const before = (await emailsTo(clientEmail)).length;
    for (const text of ['First question', 'Second question', 'Third question']) await comment(requestId, text);
    await expect
      .poll(async () => {
        const { data } = await database().entities.emailDigest.query.byUser({ tenantId: 't-designpi', userId: client.userId }).go();
        return data.filter((d) => d.state === 'pending').length;
      })
      .toBe(1);
    // Give the consumer time to book all three notices into the slot.
    await expect
      .poll(async () => {
        const { data } = await database().entities.notification.query.byUser({ tenantId: 't-designpi', userId: client.userId }).go();
        return data.filter((n) => n.digestDueAt && n.values.reference === reference).length;
      })
      .toBe(3);
    expect((await emailsTo(clientEmail)).length).toBe(before);

    const later = new Date(Date.now() + 3_600_000);
    const results = await Promise.all([runJob('send-digests', later), runJob('send-digests', later)]);
    expect(results.map((r) => r.sent ?? 0).reduce((a, b) => a + b)).toBe(1);
    expect((await runJob('send-digests', later)).sent).toBe(0);
    const email = await nextEmailTo(clientEmail, before);
    expect(email.text).toContain(`3 تعليقات جديدة على ${reference}`);
    await new Promise((r) => setTimeout(r, 500));
    expect((await emailsTo(clientEmail)).length).toBe(before + 1);
    await put(client, '/api/me/email-preferences', { digest: 'immediately', off: [] });
  });
});
