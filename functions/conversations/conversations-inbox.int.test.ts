/**
 * What the staff inbox needs beyond the thread (ADR 0033): one member of staff's conversations,
 * the customer panel (only what the reader may see), staff to assign to, topics linked only to
 * the customer's own requests and bookings, and the firm's canned replies and SLA.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { at, bookingFixtures } from '../../infra/local/test-bookings.ts';
import { api, joinAs, signIn, type Signed } from '../../infra/local/test-client.ts';
import { database } from '../../shared/db/all-entities.ts';

let john: Signed;
let jane: Signed;
let sarah: Signed;
let mike: Signed;
let admin: Signed;
let otherAdmin: Signed;
let johns: string;
let janes: string;

const call = (who: Signed, method: string, path: string, body?: unknown) =>
  api(path, { method, token: who.token, ...(body !== undefined && { body: JSON.stringify(body) }) });
const { run, service, staff } = bookingFixtures();
let mara: Signed; // a new client of her own customer, with a request and a booking with Cora
let coraSigned: Signed;
let marasRequest: string;
let marasBooking: string;
const customerOf = async (who: Signed) => (await database().entities.user.get({ tenantId: 't-designpi', userId: who.userId }).go()).data!.customerId;

beforeAll(async () => {
  [john, jane, sarah, mike, admin, otherAdmin] = await Promise.all([
    signIn('john.doe@example.com'),
    signIn('jane.smith@example.com'),
    signIn('sarah@designpi.com'),
    signIn('mike@designpi.com'),
    signIn('hello@designpi.com'),
    signIn('admin@northwind.example'),
  ]);
  coraSigned = await staff('Cora');
  const serviceId = await service();
  mara = await joinAs({ email: `mara-${run}@example.com`, name: `Mara ${run}`, role: 'CLIENT', password: 'Inbox-Passw0rd!' });
  const request = await call(mara, 'POST', '/api/requests', {
    serviceId: 'svc-payroll-setup',
    title: `Payroll ${run}`,
    submit: true,
    requirements: { 'q-employees': '3' },
  });
  expect(request.status, JSON.stringify(request.body)).toBe(201);
  marasRequest = request.body.requestId;
  const booked = await call(mara, 'POST', '/api/bookings', { serviceId, start: at(9, 600), timeZone: 'Europe/London' });
  expect(booked.status, JSON.stringify(booked.body)).toBe(201);
  marasBooking = booked.body.bookingId;
  johns = (await call(john, 'POST', '/api/conversations', {})).body.conversationId;
  janes = (await call(jane, 'POST', '/api/conversations', {})).body.conversationId;
  // As seeded: John's with Sarah, Jane's with Mike (another test file may have moved them meanwhile).
  await call(admin, 'PATCH', `/api/conversations/${janes}`, { assigneeId: mike.userId });
});

describe('one member of staff’s conversations', () => {
  it('leads and admins filter by assignee; a team member only by themselves', async () => {
    const { status, body } = await call(admin, 'GET', `/api/conversations?assigneeId=${mike.userId}&limit=100`);
    expect(status).toBe(200);
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((c: { assigneeId?: string }) => c.assigneeId === mike.userId)).toBe(true);
    expect(body.items.map((c: { conversationId: string }) => c.conversationId)).toContain(janes);
    expect((await call(mike, 'GET', `/api/conversations?assigneeId=${sarah.userId}`)).status).toBe(403);
    expect((await call(mike, 'GET', `/api/conversations?assigneeId=${mike.userId}`)).status).toBe(200);
    expect((await call(john, 'GET', `/api/conversations?assigneeId=${sarah.userId}`)).status).toBe(403);
    // Another firm's admin asking for Mike's: nothing of this firm.
    const { body: other } = await call(otherAdmin, 'GET', `/api/conversations?assigneeId=${mike.userId}`);
    expect(other.items).toEqual([]);
  });
});

describe('the demo’s leads', () => {
  it('are stored for the CRM, and Alice’s conversation waits unassigned, with its ticket, for leads and admins only', async () => {
    const { data: leads } = await database().entities.lead.query.byEmail({ tenantId: 't-designpi', email: 'alice.brown@startup.com' }).go();
    expect(leads[0]).toMatchObject({ name: 'Alice Brown', status: 'new' });
    for (const [email, status] of [
      ['david.lee@enterprise.com', 'contacted'],
      ['emma.garcia@creative.io', 'qualified'],
    ] as const)
      expect((await database().entities.lead.query.byEmail({ tenantId: 't-designpi', email }).go()).data[0]?.status).toBe(status);
    const { body } = await call(admin, 'GET', '/api/conversations?view=unassigned&source=lead&limit=100');
    const alice = body.items.find((c: { leadId?: string }) => c.leadId === leads[0]!.leadId);
    expect(alice).toMatchObject({ source: 'lead', customerName: 'Alice Brown', status: 'OPEN' });
    expect(alice.assigneeId).toBeUndefined();
    expect((await call(admin, 'GET', `/api/conversations/${alice.conversationId}`)).body.ticket).toMatchObject({ subject: 'Support request from Alice Brown' });
    expect((await call(mike, 'GET', `/api/conversations/${alice.conversationId}`)).status).toBe(404);
    expect((await call(john, 'GET', `/api/conversations/${alice.conversationId}`)).status).toBe(404);
  });
});

describe('the customer panel', () => {
  it('shows a lead the contacts, open requests and bookings to come; a team member only the work assigned to them', async () => {
    const customerId = await customerOf(mara);
    const conversationId = (await call(mara, 'POST', '/api/conversations', {})).body.conversationId;
    const panelFor = async (who: Signed, assignee: Signed) => {
      expect((await call(admin, 'PATCH', `/api/conversations/${conversationId}`, { assigneeId: assignee.userId })).status).toBe(200);
      return call(who, 'GET', `/api/conversations/${conversationId}/customer`);
    };
    const lead = await panelFor(sarah, sarah);
    expect(lead.status).toBe(200);
    expect(lead.body).toMatchObject({ customerId, name: expect.stringContaining(run), openable: true });
    expect(lead.body.contacts).toEqual([expect.objectContaining({ userId: mara.userId, isPrimaryContact: true })]);
    expect(lead.body.openRequests).toEqual([
      { requestId: marasRequest, reference: expect.stringMatching(/^SR-/), title: `Payroll ${run}`, status: expect.any(String) },
    ]);
    expect(lead.body.upcomingBookings).toEqual([expect.objectContaining({ bookingId: marasBooking, serviceName: `Strategy call ${run}` })]);

    // A team member sees only what is assigned to them: Cora has Mara's booking; the request went to whoever the firm's rules chose.
    const assignees = await database()
      .entities.serviceRequest.get([marasRequest, marasBooking].map((requestId) => ({ tenantId: 't-designpi', requestId })))
      .go();
    const assigneeOf = new Map(assignees.data.map((r) => [r.requestId, r.assigneeId]));
    expect(assigneeOf.get(marasBooking)).toBe(coraSigned.userId);
    for (const member of [coraSigned, mike]) {
      const { body } = await panelFor(member, member);
      const hasRequest = assigneeOf.get(marasRequest) === member.userId;
      expect(body.openRequests.map((r: { requestId: string }) => r.requestId)).toEqual(hasRequest ? [marasRequest] : []);
      expect(body.upcomingBookings.map((b: { bookingId: string }) => b.bookingId)).toEqual(member === coraSigned ? [marasBooking] : []);
      expect(body.openable).toBe(member === coraSigned || hasRequest);
      expect(body.contacts).toHaveLength(1);
    }

    // Only staff who may open the conversation.
    expect((await call(coraSigned, 'GET', `/api/conversations/${conversationId}/customer`)).status).toBe(404);
    expect((await call(mara, 'GET', `/api/conversations/${conversationId}/customer`)).status).toBe(403);
    expect((await call(otherAdmin, 'GET', `/api/conversations/${conversationId}/customer`)).status).toBe(404);
    expect((await call(mike, 'GET', `/api/conversations/${johns}/customer`)).status).toBe(404);
  });
});

describe('a change while messages arrive', () => {
  it('is applied to the conversation as it is then, not refused', async () => {
    const id = (await call(sarah, 'POST', '/api/conversations', { customerId: 'cus-acme', subject: `Busy ${run}` })).body.conversationId;
    const sends = Array.from({ length: 4 }, (_, i) =>
      call(john, 'POST', `/api/conversations/${id}/messages`, { clientMessageId: `${run}-busy-${i}`, body: `Message ${i}` }),
    );
    const [assigned, ...sent] = await Promise.all([call(admin, 'PATCH', `/api/conversations/${id}`, { assigneeId: mike.userId }), ...sends]);
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect(sent.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const { body } = await call(mike, 'GET', `/api/conversations/${id}`);
    expect(body).toMatchObject({ assigneeId: mike.userId, last: { seq: 4 }, ticket: { assigneeName: expect.stringContaining('Mike') } });
  });
});

describe('staff to assign to', () => {
  it('lists the firm’s active staff, by name, for leads and admins', async () => {
    const { status, body } = await call(sarah, 'GET', '/api/conversations/assignees');
    expect(status).toBe(200);
    const ids = body.items.map((u: { userId: string }) => u.userId);
    expect(ids).toEqual(expect.arrayContaining([sarah.userId, mike.userId, admin.userId]));
    expect(ids).not.toContain(john.userId);
    expect(body.items.every((u: { role: string }) => ['TEAM_MEMBER', 'TEAM_LEAD', 'ADMIN'].includes(u.role))).toBe(true);
    const names = body.items.map((u: { name: string }) => u.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)));
    const { body: northwind } = await call(otherAdmin, 'GET', '/api/conversations/assignees');
    expect(northwind.items.map((u: { userId: string }) => u.userId)).not.toContain(mike.userId);
  });
});

describe('a conversation on a topic', () => {
  it('links only to the customer’s own request or booking, naming the field otherwise', async () => {
    const customerId = await customerOf(mara);
    const subject = `About your work ${run}`;
    const linked = await call(sarah, 'POST', '/api/conversations', { customerId, subject, requestId: marasRequest, bookingId: marasBooking });
    expect(linked.status).toBe(201);
    expect(linked.body).toMatchObject({ requestId: marasRequest, bookingId: marasBooking });
    const elsewhere = await call(sarah, 'POST', '/api/conversations', { customerId: 'cus-acme', subject, requestId: marasRequest });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.details).toEqual([{ field: 'requestId', message: 'is not a request of this customer' }]);
    const swapped = await call(sarah, 'POST', '/api/conversations', { customerId, subject, requestId: marasBooking, bookingId: marasRequest });
    expect(swapped.body.error.details).toEqual([
      { field: 'requestId', message: 'is not a request of this customer' },
      { field: 'bookingId', message: 'is not a booking of this customer' },
    ]);
    const { data: made } = await database().entities.conversation.query.byCustomer({ tenantId: 't-designpi', customerKey: customerId }).go();
    expect(made.filter((c) => c.subject === subject)).toHaveLength(1);
  });
});

describe('canned replies and the SLA', () => {
  it('staff of the firm read them; clients may not', async () => {
    const { status, body } = await call(mike, 'GET', '/api/firm/conversation-settings');
    expect(status).toBe(200);
    expect(body.cannedReplies.length).toBeGreaterThan(0);
    expect(body.ticketSla.urgent.firstResponseHours).toBeLessThanOrEqual(body.ticketSla.low.firstResponseHours);
    expect((await call(john, 'GET', '/api/firm/conversation-settings')).status).toBe(403);
  });

  // Another firm's settings are changed here, so that the demo firm's replies stay as seeded for the browser tests.
  it('an admin replaces them against the version read; a stale version, bad input or a non-admin changes nothing', async () => {
    const before = (await call(otherAdmin, 'GET', '/api/firm/conversation-settings')).body;
    const saved = await call(otherAdmin, 'PATCH', '/api/firm/conversation-settings', {
      version: before.version,
      cannedReplies: [{ title: `Thanks ${run}`, body: 'Thank you, we will be in touch **today**.' }, ...before.cannedReplies.slice(0, 3)],
      ticketSla: { ...before.ticketSla, urgent: { firstResponseHours: 0.5, resolutionHours: 4 } },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(before.version + 1);
    expect(saved.body.cannedReplies[0]).toMatchObject({ title: `Thanks ${run}`, replyId: expect.any(String) });
    expect(saved.body.ticketSla.urgent).toEqual({ firstResponseHours: 0.5, resolutionHours: 4 });
    const stale = await call(otherAdmin, 'PATCH', '/api/firm/conversation-settings', { version: before.version, cannedReplies: [] });
    expect(stale.status).toBe(409);
    const invalid = await call(otherAdmin, 'PATCH', '/api/firm/conversation-settings', {
      version: saved.body.version,
      cannedReplies: [{ title: ' ', body: 'x' }],
      ticketSla: { ...before.ticketSla, low: { firstResponseHours: -1, resolutionHours: 1 } },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['cannedReplies.0.title', 'ticketSla.low.firstResponseHours']),
    );
    const tooMany = Array.from({ length: 51 }, (_, i) => ({ title: `R${i}`, body: 'b' }));
    expect((await call(otherAdmin, 'PATCH', '/api/firm/conversation-settings', { version: saved.body.version, cannedReplies: tooMany })).status).toBe(400);
    const after = (await call(otherAdmin, 'GET', '/api/firm/conversation-settings')).body;
    expect(after).toEqual(saved.body);
    // The demo firm's are its own.
    expect((await call(mike, 'GET', '/api/firm/conversation-settings')).body.cannedReplies.map((r: { title: string }) => r.title)).not.toContain(
      `Thanks ${run}`,
    );
    const { data: audit } = await database()
      .entities.audit.query.byEntity({ tenantId: 't-northwind', entityType: 'firm', entityId: 't-northwind' })
      .go({ order: 'desc', limit: 5 });
    expect(audit.some((a) => a.action === 'firm.conversation_settings_changed')).toBe(true);
    // An edit keeps each reply's id.
    const edited = await call(otherAdmin, 'PATCH', '/api/firm/conversation-settings', {
      version: after.version,
      cannedReplies: after.cannedReplies.map((r: { replyId: string; title: string; body: string }, i: number) => (i === 0 ? { ...r, body: 'Changed' } : r)),
    });
    expect(edited.body.cannedReplies[0]).toMatchObject({ replyId: after.cannedReplies[0].replyId, body: 'Changed' });
  });
});
