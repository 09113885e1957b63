/**
 * Conversations through the API (ADR 0033): John's conversation with Sarah (seeded), messages
 * numbered once and in one order, resends never stored twice, unread counts from read
 * positions, internal notes kept from clients, tickets made and reopened by customers'
 * messages, and who may open, list, assign or write.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, type Signed } from '../../infra/local/test-client.ts';
import { database } from '../../shared/db/all-entities.ts';

let john: Signed; // Acme's primary contact (full access)
let lisa: Signed; // Acme, own access
let jane: Signed; // Tech Solutions
let sarah: Signed; // lead
let mike: Signed; // team member
let admin: Signed;
let otherAdmin: Signed;
let johns: string;

const call = (who: Signed, method: string, path: string, body?: unknown) =>
  api(path, { method, token: who.token, ...(body !== undefined && { body: JSON.stringify(body) }) });
const send = (who: Signed, conversationId: string, body: string, extra: Record<string, unknown> = {}) =>
  call(who, 'POST', `/api/conversations/${conversationId}/messages`, { clientMessageId: randomUUID(), body, ...extra });
const unreadOf = async (who: Signed, conversationId: string) => (await call(who, 'GET', `/api/conversations/${conversationId}`)).body.unread as number;
const readAll = async (who: Signed, conversationId: string) => {
  const { body } = await call(who, 'GET', `/api/conversations/${conversationId}`);
  await call(who, 'POST', `/api/conversations/${conversationId}/read`, { seq: body.last.seq });
};

beforeAll(async () => {
  const who = (email: string) => signIn(email);
  [john, lisa, jane, sarah, mike, admin, otherAdmin] = await Promise.all([
    who('john.doe@example.com'),
    who('lisa@acme.example'),
    who('jane.smith@example.com'),
    who('sarah@designpi.com'),
    who('mike@designpi.com'),
    who('hello@designpi.com'),
    who('admin@northwind.example'),
  ]);
  const { status, body } = await call(john, 'POST', '/api/conversations', {});
  expect(status).toBe(200);
  johns = body.conversationId;
});

describe('a client’s conversation', () => {
  it('is the customer’s, seeded with Sarah, with the specification’s ticket from John’s first message', async () => {
    const { body } = await call(john, 'GET', `/api/conversations/${johns}`);
    expect(body).toMatchObject({ customerName: 'Acme Corporation', assigneeName: expect.stringMatching(/Sarah/), source: 'customer' });
    const { body: staffView } = await call(sarah, 'GET', `/api/conversations/${johns}`);
    expect(staffView.ticket).toMatchObject({ subject: 'Support request from Acme Corporation', priority: 'normal' });
    const { body: messages } = await call(john, 'GET', `/api/conversations/${johns}/messages?after=0&limit=3`);
    expect(messages.items.map((m: { seq: number }) => m.seq)).toEqual([1, 2, 3]);
    expect(messages.items[0].body).toBe('Hi Sarah, can I upload my 2026 W-2 here, or should I email it?');
  });

  it('stores a message once however often it is sent, and counts it unread for the staff assigned', async () => {
    await readAll(sarah, johns);
    const clientMessageId = randomUUID();
    const first = await call(john, 'POST', `/api/conversations/${johns}/messages`, { clientMessageId, body: 'Is my return filed yet?' });
    expect(first.status).toBe(201);
    const again = await call(john, 'POST', `/api/conversations/${johns}/messages`, { clientMessageId, body: 'Is my return filed yet?' });
    expect(again.status).toBe(200);
    expect(again.body.seq).toBe(first.body.seq);
    expect(await unreadOf(sarah, johns)).toBe(1);
    expect(await unreadOf(john, johns)).toBe(0);
    const mine = (await call(sarah, 'GET', '/api/conversations?view=mine')).body.items as { conversationId: string; unread: number; preview: string }[];
    expect(mine.find((c) => c.conversationId === johns)).toMatchObject({ unread: 1, preview: 'Is my return filed yet?' });
    const { body: totals } = await call(sarah, 'GET', '/api/conversations/unread');
    expect(totals.conversations).toContainEqual({ conversationId: johns, unread: 1 });
  });

  it('numbers messages sent at the same moment once each, in one order for everyone', async () => {
    const { body: before } = await call(john, 'GET', `/api/conversations/${johns}`);
    const sent = await Promise.all(Array.from({ length: 8 }, (_, i) => send(i % 2 ? sarah : john, johns, `At once ${i}`)));
    expect(sent.map((r) => r.status)).toEqual(Array(8).fill(201));
    const seqs = sent.map((r) => r.body.seq as number).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 8 }, (_, i) => before.last.seq + 1 + i));
    const order = async (who: Signed) =>
      ((await call(who, 'GET', `/api/conversations/${johns}/messages?after=${before.last.seq}`)).body.items as { body: string }[]).map((m) => m.body);
    expect(await order(john)).toEqual(await order(sarah));
  });

  it('keeps internal notes from the client: not listed, not counted, not previewed', async () => {
    await readAll(john, johns);
    const note = await send(sarah, johns, `Internal: check his 1099 first ${randomUUID()}`, { internal: true });
    expect(note.status).toBe(201);
    const { body: seen } = await call(john, 'GET', `/api/conversations/${johns}/messages?after=${note.body.seq - 1}`);
    expect(seen.items).toEqual([]);
    expect(await unreadOf(john, johns)).toBe(0);
    const { body: clientView } = await call(john, 'GET', `/api/conversations/${johns}`);
    expect(clientView.preview).not.toContain('Internal');
    expect((await call(sarah, 'GET', `/api/conversations/${johns}`)).body.preview).toContain('Internal');
    const refused = await send(john, johns, 'Sneaky', { internal: true });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([{ field: 'internal', message: 'is for staff: private notes are never shown to clients' }]);
  });

  it('moves a read position forward only', async () => {
    const { body } = await call(john, 'GET', `/api/conversations/${johns}`);
    const forward = await call(john, 'POST', `/api/conversations/${johns}/read`, { seq: body.last.seq });
    expect(forward.body.unread).toBe(0);
    const back = await call(john, 'POST', `/api/conversations/${johns}/read`, { seq: 1 });
    expect(back.body.read.seq).toBe(body.last.seq);
  });

  it('names what is wrong with a message', async () => {
    const fields = async (body: unknown) =>
      ((await call(john, 'POST', `/api/conversations/${johns}/messages`, body)).body.error.details as { field: string }[]).map((d) => d.field);
    expect(await fields({ clientMessageId: randomUUID(), body: '   ' })).toEqual(['body']);
    expect(await fields({ clientMessageId: randomUUID(), body: 'x'.repeat(5001) })).toEqual(['body']);
    expect(await fields({ clientMessageId: 'short', body: 'Hi' })).toEqual(['clientMessageId']);
  });
});

describe('who reaches a conversation', () => {
  it('a team member only those assigned to them; another firm never; another customer never', async () => {
    for (const who of [mike, otherAdmin, jane]) {
      expect((await call(who, 'GET', `/api/conversations/${johns}`)).status).toBe(404);
      expect((await call(who, 'GET', `/api/conversations/${johns}/messages`)).status).toBe(404);
      expect((await send(who, johns, 'Hello?')).status).toBe(404);
      expect((await call(who, 'POST', `/api/conversations/${johns}/read`, { seq: 1 })).status).toBe(404);
    }
    const listed = async (who: Signed, query = '') =>
      ((await call(who, 'GET', `/api/conversations${query}`)).body.items ?? []).map((c: { conversationId: string }) => c.conversationId);
    expect(await listed(mike)).not.toContain(johns);
    expect(await listed(otherAdmin)).not.toContain(johns);
    expect(await listed(jane)).not.toContain(johns);
    expect(await listed(admin)).toContain(johns);
    expect((await call(mike, 'GET', '/api/conversations?view=all')).status).toBe(403);
    expect((await call(mike, 'GET', '/api/conversations?view=unassigned')).status).toBe(403);
  });

  it('a contact with `own` access has a conversation of her own, and not the customer’s', async () => {
    const first = await call(lisa, 'POST', '/api/conversations', {});
    expect([200, 201]).toContain(first.status);
    expect(first.body.conversationId).not.toBe(johns);
    expect((await call(lisa, 'POST', '/api/conversations', {})).body.conversationId).toBe(first.body.conversationId);
    expect((await call(lisa, 'GET', `/api/conversations/${johns}`)).status).toBe(404);
    const hers = ((await call(lisa, 'GET', '/api/conversations')).body.items as { conversationId: string }[]).map((c) => c.conversationId);
    expect(hers).toEqual([first.body.conversationId]);
  });
});

describe('assigning and resolving', () => {
  it('an admin gives the conversation to Mike, and its ticket follows; a team member may not assign', async () => {
    const mikeId = mike.userId;
    expect((await call(mike, 'PATCH', `/api/conversations/${johns}`, { assigneeId: mike.userId })).status).toBe(404);
    const moved = await call(admin, 'PATCH', `/api/conversations/${johns}`, { assigneeId: mikeId });
    expect(moved.status).toBe(200);
    expect(moved.body.assigneeId).toBe(mikeId);
    const { body } = await call(mike, 'GET', `/api/conversations/${johns}`);
    expect(body.ticket).toBeDefined();
    const mine = async (who: Signed) =>
      ((await call(who, 'GET', '/api/conversations?view=mine')).body.items as { conversationId: string }[]).map((c) => c.conversationId);
    expect(await mine(mike)).toContain(johns);
    expect(await mine(sarah)).not.toContain(johns);
    const { data: ticket } = await database().entities.supportTicket.get({ tenantId: 't-designpi', ticketId: body.ticket.ticketId }).go();
    expect(ticket).toMatchObject({ assigneeId: mikeId, assigneeKey: mikeId });
    expect((await call(mike, 'PATCH', `/api/conversations/${johns}`, { assigneeId: sarah.userId })).status).toBe(403);
    // Resolved by Mike; John writing again opens it and its ticket.
    const resolved = await call(mike, 'PATCH', `/api/conversations/${johns}`, { status: 'RESOLVED' });
    expect(resolved.body.status).toBe('RESOLVED');
    expect((await call(mike, 'GET', `/api/conversations/${johns}`)).body.ticket.status).toBe('resolved');
    await send(john, johns, 'One more question');
    const reopened = (await call(mike, 'GET', `/api/conversations/${johns}`)).body;
    expect(reopened.status).toBe('OPEN');
    expect(reopened.ticket.status).toBe('open');
    const refused = await call(admin, 'PATCH', `/api/conversations/${johns}`, { assigneeId: john.userId });
    expect(refused.body.error.details).toEqual([{ field: 'assigneeId', message: 'must be an active member of staff of this firm' }]);
    expect((await call(admin, 'PATCH', `/api/conversations/${johns}`, { assigneeId: sarah.userId })).status).toBe(200);
    expect(await mine(mike)).not.toContain(johns);
    expect(await mine(sarah)).toContain(johns);
    expect((await call(mike, 'GET', `/api/conversations/${johns}`)).status).toBe(404);
    expect((await call(john, 'PATCH', `/api/conversations/${johns}`, { status: 'CLOSED' })).status).toBe(403);
  });

  it('staff start one with a customer on a topic: a subject and a customer they may open are needed', async () => {
    const { body: customers } = await call(john, 'GET', `/api/conversations/${johns}`);
    const topic = await call(sarah, 'POST', '/api/conversations', { customerId: customers.customerId, subject: `Year-end ${randomUUID().slice(0, 4)}` });
    expect(topic.status).toBe(201);
    expect(topic.body.assigneeId).toBe(sarah.userId);
    const missing = await call(sarah, 'POST', '/api/conversations', { customerId: customers.customerId });
    expect(missing.body.error.details).toEqual([{ field: 'subject', message: 'is required: what the conversation is about' }]);
    expect((await call(otherAdmin, 'POST', '/api/conversations', { customerId: customers.customerId, subject: 'Hi' })).status).toBe(404);
  });
});
