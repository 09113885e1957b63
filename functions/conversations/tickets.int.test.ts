/**
 * Support tickets through the API (ADR 0033): raised in the portal or made by a conversation,
 * one entity; who sees which (by id and in lists), comments with internal notes, the status
 * moves a client may make, SLA times, and a conversation's ticket taking its conversation along.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, type Signed } from '../../infra/local/test-client.ts';
import { database } from '../../shared/db/all-entities.ts';

let john: Signed; // Acme, full access
let lisa: Signed; // Acme, own access
let jane: Signed; // Tech Solutions
let sarah: Signed; // lead
let mike: Signed; // team member
let admin: Signed;
let otherAdmin: Signed;
const run = randomUUID().slice(0, 6);

const call = (who: Signed, method: string, path: string, body?: unknown) =>
  api(path, { method, token: who.token, ...(body !== undefined && { body: JSON.stringify(body) }) });
const raise = (who: Signed, body: Record<string, unknown>) => call(who, 'POST', '/api/tickets', { description: 'Details', ...body });
const idsIn = async (who: Signed, query = '') =>
  ((await call(who, 'GET', `/api/tickets?limit=100${query}`)).body.items as { ticketId: string }[]).map((t) => t.ticketId);
const ticket = async (who: Signed, ticketId: string) => (await call(who, 'GET', `/api/tickets/${ticketId}`)).body;
const change = async (who: Signed, ticketId: string, body: Record<string, unknown>) =>
  call(who, 'PATCH', `/api/tickets/${ticketId}`, { version: (await ticket(sarah, ticketId)).version, ...body });

beforeAll(async () => {
  [john, lisa, jane, sarah, mike, admin, otherAdmin] = await Promise.all([
    signIn('john.doe@example.com'),
    signIn('lisa@acme.example'),
    signIn('jane.smith@example.com'),
    signIn('sarah@designpi.com'),
    signIn('mike@designpi.com'),
    signIn('hello@designpi.com'),
    signIn('admin@northwind.example'),
  ]);
});

describe('raising a ticket in the portal', () => {
  it('takes medium as the middle priority, times it by the firm’s SLA, and names bad input', async () => {
    const made = await raise(john, { subject: `Invoice wrong ${run}`, category: 'billing', priority: 'medium' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({
      source: 'portal',
      priority: 'normal',
      category: 'billing',
      status: 'open',
      raisedBy: john.userId,
      customerName: 'Acme Corporation',
    });
    expect(made.body.firstResponseDueAt).toBeUndefined(); // SLA times are for staff
    const { body: sla } = await call(sarah, 'GET', '/api/firm/conversation-settings');
    const staffView = await ticket(sarah, made.body.ticketId);
    const hours = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 3_600_000;
    expect(hours(staffView.createdAt, staffView.firstResponseDueAt)).toBe(sla.ticketSla.normal.firstResponseHours);
    expect(hours(staffView.createdAt, staffView.resolutionDueAt)).toBe(sla.ticketSla.normal.resolutionHours);
    expect(staffView.overdue).toEqual([]);

    const bad = await raise(john, { subject: ' ', priority: 'whenever', category: 'gossip' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'subject', message: 'must not be empty' }),
        expect.objectContaining({ field: 'priority', message: 'must be one of: low, medium, high, urgent' }),
        expect.objectContaining({ field: 'category' }),
      ]),
    );
    const staffMissing = await raise(sarah, { subject: 'For whom?' });
    expect(staffMissing.body.error.details).toEqual([{ field: 'customerId', message: 'is required: the customer the ticket is for' }]);
    expect((await raise(otherAdmin, { subject: 'Not yours', customerId: 'cus-acme' })).status).toBe(404);
    expect((await raise(jane, { subject: 'Not mine', customerId: 'cus-acme' })).status).toBe(404);
  });

  it('is seen by the customer’s contacts by their access, by leads, and by staff it is assigned to; nobody else', async () => {
    const johns = (await raise(john, { subject: `John's ${run}` })).body.ticketId;
    const lisas = (await raise(lisa, { subject: `Lisa's ${run}` })).body.ticketId;
    expect(await idsIn(john)).toEqual(expect.arrayContaining([johns, lisas]));
    const lisaSees = await idsIn(lisa);
    expect(lisaSees).toContain(lisas);
    expect(lisaSees).not.toContain(johns);
    expect((await call(lisa, 'GET', `/api/tickets/${johns}`)).status).toBe(404);
    for (const outsider of [jane, otherAdmin]) {
      expect((await call(outsider, 'GET', `/api/tickets/${johns}`)).status).toBe(404);
      expect(await idsIn(outsider)).not.toContain(johns);
    }
    expect(await idsIn(sarah)).toContain(johns);
    expect(await idsIn(sarah, '&status=open')).toContain(johns);
    expect(await idsIn(sarah, '&status=closed')).not.toContain(johns);

    // Mike: not his until an admin gives it to him; he may not give it to anyone.
    const assignedTo = (await ticket(sarah, johns)).assigneeId;
    if (assignedTo !== mike.userId) {
      expect((await call(mike, 'GET', `/api/tickets/${johns}`)).status).toBe(404);
      expect(await idsIn(mike)).not.toContain(johns);
    }
    expect((await call(mike, 'GET', '/api/tickets?view=all')).status).toBe(403);
    expect((await change(admin, johns, { assigneeId: mike.userId })).status).toBe(200);
    expect(await idsIn(mike)).toContain(johns);
    expect(await idsIn(admin, `&assigneeId=${mike.userId}`)).toContain(johns);
    expect((await change(mike, johns, { assigneeId: sarah.userId })).status).toBe(403);
    expect((await change(admin, johns, { assigneeId: john.userId })).body.error.details).toEqual([
      { field: 'assigneeId', message: 'must be an active member of staff of this firm' },
    ]);
  });
});

describe('working a ticket', () => {
  it('keeps internal notes from the client, times the first response, and moves status as each side may', async () => {
    const id = (await raise(john, { subject: `Payroll ${run}`, priority: 'high' })).body.ticketId;
    await call(sarah, 'POST', `/api/tickets/${id}/comments`, { body: `Check the 941 ${run}`, internal: true });
    expect((await ticket(sarah, id)).firstResponseAt).toBeUndefined();
    const answered = await call(sarah, 'POST', `/api/tickets/${id}/comments`, { body: 'Looking into it' });
    expect(answered.status).toBe(201);
    const johnSees = await ticket(john, id);
    expect(JSON.stringify(johnSees)).not.toContain('Check the 941');
    expect(johnSees.comments.map((c: { body: string }) => c.body)).toEqual(['Looking into it']);
    expect((await ticket(sarah, id)).comments).toHaveLength(2);
    expect((await ticket(sarah, id)).firstResponseAt).toBeDefined();
    expect((await call(john, 'POST', `/api/tickets/${id}/comments`, { body: 'x', internal: true })).body.error.details).toEqual([
      { field: 'internal', message: 'is for staff: internal notes are never shown to clients' },
    ]);

    // The client edits it while open; an edit on an old version is refused.
    const { version } = await ticket(john, id);
    expect((await call(john, 'PATCH', `/api/tickets/${id}`, { version, subject: `Payroll, March ${run}` })).status).toBe(200);
    expect((await call(john, 'PATCH', `/api/tickets/${id}`, { version, subject: 'Stale' })).status).toBe(409);
    expect((await change(john, id, { status: 'in_progress' })).body.error.details).toEqual([
      { field: 'status', message: 'can only be set to closed, or to open again once resolved, closed or waiting for you' },
    ]);
    expect((await change(john, id, { resolution: 'Fixed' })).status).toBe(403);

    // Waiting for the client, who answers: open again.
    expect((await change(sarah, id, { status: 'waiting_for_client' })).body.status).toBe('waiting_for_client');
    await call(john, 'POST', `/api/tickets/${id}/comments`, { body: 'Here it is' });
    expect((await ticket(sarah, id)).status).toBe('open');

    // Resolved with a resolution; the client cannot edit it then, but can open it again, and close it.
    const resolved = await change(sarah, id, { status: 'resolved', resolution: 'Corrected the March run.' });
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution: 'Corrected the March run.', resolvedAt: expect.any(String) });
    expect((await change(john, id, { subject: 'Again' })).status).toBe(409);
    const reopened = await change(john, id, { status: 'open' });
    expect(reopened.body.status).toBe('open');
    expect(reopened.body.resolvedAt).toBeUndefined();
    expect((await change(john, id, { status: 'closed' })).body.status).toBe('closed');
    const { data: audit } = await database().entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'support_ticket', entityId: id }).go();
    expect(new Set(audit.map((a) => a.action))).toEqual(new Set(['ticket.created', 'ticket.noted', 'ticket.commented', 'ticket.updated']));
  });

  it('moves the SLA with the priority', async () => {
    const id = (await raise(john, { subject: `Urgent ${run}`, priority: 'low' })).body.ticketId;
    const before = await ticket(sarah, id);
    const after = (await change(sarah, id, { priority: 'urgent' })).body;
    expect(after.firstResponseDueAt < before.firstResponseDueAt).toBe(true);
  });
});

describe('the support summary', () => {
  it('counts tickets by status and overdue, open conversations and the median first answer, for leads and admins', async () => {
    const id = (await raise(john, { subject: `Counted ${run}` })).body.ticketId;
    await call(sarah, 'POST', `/api/tickets/${id}/comments`, { body: 'Answered' });
    const { status, body } = await call(admin, 'GET', '/api/tickets/summary');
    expect(status).toBe(200);
    expect(body.ticketsByStatus.open).toBeGreaterThanOrEqual(1);
    expect(body.openConversations).toBeGreaterThanOrEqual(3);
    expect(body.answeredTickets).toBeGreaterThanOrEqual(1);
    expect(body.medianFirstResponseMinutes).toEqual(expect.any(Number));
    expect(body.overdueTickets).toBeGreaterThanOrEqual(0);
    const { body: northwind } = await call(otherAdmin, 'GET', '/api/tickets/summary');
    expect(northwind.openConversations).toBe(0); // the demo's other firm has none: nothing of this firm's is counted there
    expect((await call(mike, 'GET', '/api/tickets/summary')).status).toBe(403);
    expect((await call(john, 'GET', '/api/tickets/summary')).status).toBe(403);
  });
});

describe('a conversation’s ticket', () => {
  it('is listed with the others, and its status and assignee take the conversation along', async () => {
    const id = (await call(sarah, 'POST', '/api/conversations', { customerId: 'cus-acme', subject: `Ticketed ${run}` })).body.conversationId;
    await call(john, 'POST', `/api/conversations/${id}/messages`, { clientMessageId: randomUUID(), body: `A question ${run}` });
    const ticketId = (await call(sarah, 'GET', `/api/conversations/${id}`)).body.ticket.ticketId;
    expect(await idsIn(john, '&source=conversation')).toContain(ticketId);
    expect((await ticket(john, ticketId)).description).toBe(`A question ${run}`);

    await change(sarah, ticketId, { status: 'waiting_for_client' });
    expect((await call(sarah, 'GET', `/api/conversations/${id}`)).body.status).toBe('PENDING');
    await change(admin, ticketId, { assigneeId: mike.userId });
    expect((await call(mike, 'GET', `/api/conversations/${id}`)).body.assigneeId).toBe(mike.userId);
    await change(mike, ticketId, { status: 'resolved' });
    expect((await call(mike, 'GET', `/api/conversations/${id}`)).body.status).toBe('RESOLVED');
  });

  it('takes a change and a comment made while staff write in its conversation, which the same transaction moves on', async () => {
    const id = (await call(sarah, 'POST', '/api/conversations', { customerId: 'cus-acme', subject: `Busy ${run}` })).body.conversationId;
    await call(john, 'POST', `/api/conversations/${id}/messages`, { clientMessageId: randomUUID(), body: `Help ${run}` });
    const ticketId = (await call(sarah, 'GET', `/api/conversations/${id}`)).body.ticket.ticketId;
    const notes = () =>
      Array.from({ length: 4 }, (_, i) =>
        call(sarah, 'POST', `/api/conversations/${id}/messages`, { clientMessageId: randomUUID(), body: `Note ${i} ${run}`, internal: true }),
      );
    // Notes move the conversation on, not the ticket: the change and the comment land, whichever is written first.
    const version = (await ticket(sarah, ticketId)).version;
    const [changed, ...noted] = await Promise.all([call(sarah, 'PATCH', `/api/tickets/${ticketId}`, { version, status: 'in_progress' }), ...notes()]);
    expect([changed.status, ...noted.map((n) => n.status)]).toEqual([200, 201, 201, 201, 201]);
    const [commented] = await Promise.all([call(sarah, 'POST', `/api/tickets/${ticketId}/comments`, { body: `Checking ${run}`, internal: true }), ...notes()]);
    expect(commented.status).toBe(201);
    expect((await call(sarah, 'GET', `/api/conversations/${id}`)).body.status).toBe('OPEN');
    expect((await ticket(sarah, ticketId)).status).toBe('in_progress');
  });

  it('of a contact’s own conversation is hers alone among the contacts with own access', async () => {
    const own = (await call(lisa, 'POST', '/api/conversations', {})).body.conversationId;
    await call(lisa, 'POST', `/api/conversations/${own}/messages`, { clientMessageId: randomUUID(), body: `Mine ${run}` });
    const { data: made } = await database()
      .entities.supportTicket.query.byCustomer({ tenantId: 't-designpi', customerKey: 'cus-acme' })
      .where((a, op) => op.eq(a.conversationId, own))
      .go();
    expect(made[0]).toMatchObject({ raisedBy: lisa.userId, source: 'conversation' });
    expect(await idsIn(lisa)).toContain(made[0]!.ticketId);
  });
});
