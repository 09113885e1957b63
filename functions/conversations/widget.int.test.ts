/**
 * The website widget's API (ADR 0033): a visitor becomes a lead and starts a conversation of
 * their own, reached only with its token; answers are readable from any origin; internal notes
 * never reach them; resends are stored once; starts and messages are counted per address.
 */
import { randomUUID } from 'node:crypto';
import type WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, newVisitorAddress, runJob, signIn, type Signed } from '../../infra/local/test-client.ts';
import { emailsTo, emailTo, linkIn } from '../../infra/local/test-inbox.ts';
import { connect, ticketFor, waitFor } from '../../infra/local/test-socket.ts';
import { database } from '../../shared/db/all-entities.ts';

const WIDGET = '/api/widget/designpi/conversations';
const run = randomUUID().slice(0, 8);
let sarah: Signed;
let mike: Signed;
const sockets: WebSocket[] = [];
afterAll(() => sockets.forEach((s) => s.terminate()));

/** As the widget sends it: JSON as text/plain, from a visitor's own address. */
const post = (path: string, body: unknown, from = newVisitorAddress()) =>
  api(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'text/plain;charset=UTF-8' }, from });
const start = (email: string, message: string, from?: string) =>
  post(WIDGET, { name: `Visitor ${run}`, email, message, clientMessageId: randomUUID(), page: 'https://firm.example/pricing' }, from);

beforeAll(async () => {
  [sarah, mike] = await Promise.all([signIn('sarah@designpi.com'), signIn('mike@designpi.com')]);
});

describe('a visitor of the firm’s site', () => {
  it('becomes a lead with a conversation of their own, unassigned, with its ticket, answered from any origin', async () => {
    const email = `visitor-${run}@prospect.example`;
    const sarahLive = await connect(await ticketFor(sarah), sockets);
    const made = await start(email, `Do you do payroll? ${run}`);
    // Nobody's yet: the leads hear of it live, so their Unassigned list moves.
    await waitFor(
      () => sarahLive.messages.find((m) => m.type === 'conversation.activity' && m.conversationId === made.body.conversationId),
      'activity for Sarah',
    );
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.headers.get('access-control-allow-origin')).toBe('*');
    expect(made.body).toMatchObject({ conversationId: expect.any(String), token: expect.any(String), firm: 'DesignPi' });
    const { data: leads } = await database().entities.lead.query.byEmail({ tenantId: 't-designpi', email }).go();
    expect(leads).toEqual([expect.objectContaining({ name: `Visitor ${run}`, status: 'new', source: 'widget', sourceUrl: 'https://firm.example/pricing' })]);

    const { body: staffView } = await api(`/api/conversations/${made.body.conversationId}`, { token: sarah.token });
    expect(staffView).toMatchObject({
      source: 'lead',
      leadId: leads[0]!.leadId,
      customerName: `Visitor ${run}`,
      ticket: { subject: `Support request from Visitor ${run}` },
    });
    expect(staffView.assigneeId).toBeUndefined();
    expect(staffView.lead).toEqual({ name: `Visitor ${run}`, email, status: 'new', sourceUrl: 'https://firm.example/pricing' });
    expect((await api(`/api/conversations/${made.body.conversationId}`, { token: mike.token })).status).toBe(404);

    // The same address again: the same lead, a new conversation; the first one's messages are not shown to it.
    const again = await start(email, 'Me again');
    expect(again.body.conversationId).not.toBe(made.body.conversationId);
    expect((await database().entities.lead.query.byEmail({ tenantId: 't-designpi', email }).go()).data).toHaveLength(1);
  });

  it('reads answers with its token only, never internal notes, and a resend is stored once', async () => {
    const { body: made } = await start(`reader-${run}@prospect.example`, 'First question');
    const path = `${WIDGET}/${made.conversationId}/messages`;
    await api(`/api/conversations/${made.conversationId}/messages`, {
      method: 'POST',
      token: sarah.token,
      body: JSON.stringify({ clientMessageId: randomUUID(), body: `Check their size first ${run}`, internal: true }),
    });
    await api(`/api/conversations/${made.conversationId}/messages`, {
      method: 'POST',
      token: sarah.token,
      body: JSON.stringify({ clientMessageId: randomUUID(), body: 'Yes, we do. How many employees?' }),
    });
    const read = await api(`${path}?token=${made.token}&after=0`);
    expect(read.headers.get('access-control-allow-origin')).toBe('*');
    expect(read.body.items.map((m: { from: string; own: boolean; body: string }) => [m.own, m.body])).toEqual([
      [true, 'First question'],
      [false, 'Yes, we do. How many employees?'],
    ]);
    expect(JSON.stringify(read.body)).not.toContain(run);
    expect(read.body.items[1].from).toBe('Sarah Johnson');

    const clientMessageId = randomUUID();
    const sent = await post(path, { token: made.token, clientMessageId, body: 'Twelve' });
    expect(sent.status).toBe(201);
    expect((await post(path, { token: made.token, clientMessageId, body: 'Twelve' })).status).toBe(200);
    const after = await api(`${path}?token=${made.token}&after=${read.body.items[1].seq}`);
    expect(after.body.items.map((m: { body: string }) => m.body)).toEqual(['Twelve']);

    // Another key, another firm's address or none: not found alike, still readable cross-origin.
    const wrong = await api(`${path}?token=${'x'.repeat(32)}`);
    expect(wrong.status).toBe(404);
    expect(wrong.headers.get('access-control-allow-origin')).toBe('*');
    expect((await api(`/api/widget/northwind/conversations/${made.conversationId}/messages?token=${made.token}`)).status).toBe(404);
    expect((await post(path, { token: 'y'.repeat(32), clientMessageId: randomUUID(), body: 'Hi' })).status).toBe(404);
  });

  it('names what is wrong, refuses an unknown firm, and counts starts per address', async () => {
    const bad = await post(WIDGET, { name: '', email: 'not-an-address', message: ' ', clientMessageId: randomUUID() });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'message', 'name']);
    expect(
      (await post('/api/widget/no-such-firm/conversations', { name: 'A', email: 'a@b.example', message: 'Hi', clientMessageId: randomUUID() })).status,
    ).toBe(404);

    const from = newVisitorAddress();
    for (let i = 0; i < 5; i++) expect((await start(`limit-${run}-${i}@prospect.example`, 'Hello', from)).status).toBe(201);
    const refused = await start(`limit-${run}-x@prospect.example`, 'Hello', from);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    expect(refused.headers.get('retry-after')).toBeTruthy();
    expect(
      (
        await database()
          .entities.lead.query.byEmail({ tenantId: 't-designpi', email: `limit-${run}-x@prospect.example` })
          .go()
      ).data,
    ).toEqual([]);
    // Another address is not held back.
    expect((await start(`limit-${run}-y@prospect.example`, 'Hello')).status).toBe(201);
  });
});

it('starts as one write: two starts at once from a new address make one lead, and each conversation made has its message', { timeout: 30_000 }, async () => {
  const email = `twice-${run}@prospect.example`;
  const both = await Promise.all([start(email, `First ${run}`), start(email, `Second ${run}`)]);
  for (const made of both) expect([201, 409]).toContain(made.status);
  expect(both.some((made) => made.status === 201)).toBe(true);
  const { data: leads } = await database().entities.lead.query.byEmail({ tenantId: 't-designpi', email }).go();
  expect(leads).toHaveLength(1);
  const { data: conversations } = await database()
    .entities.conversation.query.byCustomer({ tenantId: 't-designpi', customerKey: `lead#${leads[0]!.leadId}` })
    .go();
  expect(conversations.map((c) => c.conversationId).sort()).toEqual(
    both
      .filter((m) => m.status === 201)
      .map((m) => m.body.conversationId)
      .sort(),
  );
  for (const c of conversations) expect(c).toMatchObject({ lastSeq: 1, ticketId: expect.any(String) });
});

describe('a visitor who left the firm’s site', () => {
  const MINUTE = 60_000;
  const answer = (conversationId: string, body: string, internal = false) =>
    api(`/api/conversations/${conversationId}/messages`, {
      method: 'POST',
      token: sarah.token,
      body: JSON.stringify({ clientMessageId: randomUUID(), body, ...(internal && { internal }) }),
    });
  const owedTo = async (conversationId: string) => {
    const { body } = await api(`/api/conversations/${conversationId}`, { token: sarah.token });
    return (await database().entities.conversationEmail.get({ tenantId: 't-designpi', conversationId, userId: body.leadId }).go()).data?.state;
  };

  it('is emailed an answer (never a note) once, with a link whose new key opens the conversation', { timeout: 30_000 }, async () => {
    const email = `away-${run}@prospect.example`;
    const made = await start(email, `Can you call me? ${run}`);
    const id = made.body.conversationId as string;
    expect((await answer(id, `Looks like a big account ${run}`, true)).status).toBe(201);
    expect((await answer(id, `Sure, tomorrow at 10? ${run}`)).status).toBe(201);
    await expect.poll(() => owedTo(id)).toBe('pending');
    await runJob('send-conversation-emails', new Date(Date.now() + 2 * MINUTE));
    const mail = await emailTo(email, '[DesignPi] New message from DesignPi');
    expect(mail.text).toContain(`Sure, tomorrow at 10? ${run}`);
    expect(mail.text).not.toContain('big account');
    expect(mail.text).toContain('because you wrote to DesignPi from its website');
    const link = new URL(linkIn(mail, '/chat/?firm=designpi#'));
    const [linked, key] = link.hash.slice(1).split('.');
    expect(linked).toBe(id);
    const read = (token: string) => api(`${WIDGET}/${id}/messages?token=${encodeURIComponent(token)}`);
    const { status, body } = await read(key!);
    expect(status).toBe(200);
    expect(body.items.map((m: { body: string }) => m.body)).toEqual([`Can you call me? ${run}`, `Sure, tomorrow at 10? ${run}`]);
    expect((await read(made.body.token)).status).toBe(200); // the widget's own key still opens it
    expect((await read(`${key}x`)).status).toBe(404);
  });

  it('is not emailed what their open panel showed: showing it moved their read position', { timeout: 30_000 }, async () => {
    const email = `here-${run}@prospect.example`;
    const made = await start(email, `Quick question ${run}`);
    const id = made.body.conversationId as string;
    const { body: sent } = await answer(id, `Ask away ${run}`);
    await expect.poll(() => owedTo(id)).toBe('pending');
    // The panel's next poll shows it.
    const { body: page } = await api(`${WIDGET}/${id}/messages?token=${encodeURIComponent(made.body.token)}&after=1`);
    expect(page.items.map((m: { body: string }) => m.body)).toEqual([`Ask away ${run}`]);
    const result = await runJob('send-conversation-emails', new Date(Date.now() + 2 * MINUTE));
    expect(result.skipped).toBeGreaterThanOrEqual(1);
    await new Promise((r) => setTimeout(r, 500));
    expect(await emailsTo(email)).toHaveLength(0);
    const { body: messages } = await api(`/api/conversations/${id}/messages`, { token: sarah.token });
    expect(messages.items.at(-1).seq).toBe(sent.seq);
    const { data: seen } = await database()
      .entities.conversationRead.get({ tenantId: 't-designpi', conversationId: id, userId: messages.items[0].senderId })
      .go();
    expect(seen?.seq).toBe(sent.seq);
  });
});
