import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, changeWithFreshVersion, joinAs, signIn, type Signed } from '../../infra/local/test-client.ts';
import { database } from '../../shared/db/all-entities.ts';

let john: Signed; // client
let jane: Signed; // another client
let mike: Signed; // team member
let sarah: Signed; // lead
let diana: Signed; // admin
let otherAdmin: Signed;
let outsider: Signed; // a team member with no skills: never given any of these requests

const send = (method: string) => (who: Signed, path: string, body?: unknown) =>
  api(path, { method, token: who.token, ...(body !== undefined && { body: JSON.stringify(body) }) });
const [post, patch, del] = [send('POST'), send('PATCH'), send('DELETE')];
const get = (who: Signed, path: string) => api(path, { token: who.token });
const payroll = (title: string) => ({ serviceId: 'svc-payroll-setup', title, requirements: { 'q-employees': '4' }, budgetMin: 30_000, budgetMax: 45_000 });
async function ask(title: string, submit = true) {
  const res = await post(john, '/api/requests', { ...payroll(title), submit });
  expect(res.status).toBe(201);
  return res.body as { requestId: string; reference: string; version: number };
}
/** The version as it is now. */
const versionOf = async (id: string) => (await get(sarah, `/api/requests/${id}`)).body.version as number;
/** DesignPi does not review first: assigning hands the work over (the ranking's pick, if it made one, gives way). */
async function handedOver(id: string) {
  await changeWithFreshVersion(sarah, id, 'assignee', { assigneeId: sarah.userId });
  expect((await get(sarah, `/api/requests/${id}`)).body.status).toBe('assigned');
}

beforeAll(async () => {
  [john, jane, mike, sarah, diana, otherAdmin] = await Promise.all([
    signIn('john.doe@example.com'),
    signIn('jane.smith@example.com'),
    signIn('mike@designpi.com'),
    signIn('sarah@designpi.com'),
    signIn('hello@designpi.com'),
    signIn('admin@northwind.example'),
  ]);
  outsider = await joinAs({
    email: `workflow-outsider-${randomUUID().slice(0, 8)}@designpi.com`,
    name: 'Otto Outsider',
    role: 'TEAM_MEMBER',
    password: 'Outsider-Passw0rd!',
  });
});

describe('changing what was asked', () => {
  it('lets the client change a draft, names bad fields, and keeps the change in the timeline and audit', async () => {
    // A draft: nothing else changes it meanwhile.
    const { requestId } = await ask('Payroll for the new team', false);
    const version = await versionOf(requestId);
    const bad = await patch(john, `/api/requests/${requestId}`, { version, title: 'Pay', budgetMin: 50_000, budgetMax: 10_000, deadline: '2020-01-01' });
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['budgetMax', 'deadline', 'title']);
    expect((await patch(john, `/api/requests/${requestId}`, { version, requirements: { 'q-employees': ' ' } })).body.error.details).toMatchObject([
      { field: 'requirements.q-employees', message: 'is required: How many employees?' },
    ]);
    // The maximum alone may not fall under the minimum that stays.
    expect((await patch(john, `/api/requests/${requestId}`, { version, budgetMax: 10_000 })).body.error.details).toMatchObject([
      { field: 'budgetMax', message: 'must not be below the minimum' },
    ]);
    const changed = await patch(john, `/api/requests/${requestId}`, {
      version,
      title: 'Payroll for our Lisbon team',
      priority: 'urgent',
      budgetMin: null,
      requirements: { 'q-employees': '9' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      title: 'Payroll for our Lisbon team',
      priority: 'urgent',
      budgetMax: 45_000,
      requirements: [{ key: 'q-employees', label: 'How many employees?', answer: '9' }],
      version: version + 1,
    });
    expect(changed.body).not.toHaveProperty('budgetMin');
    expect((await patch(john, `/api/requests/${requestId}`, { version, title: 'Too late now' })).status).toBe(409);
    const { body } = await get(john, `/api/requests/${requestId}`);
    expect(body.activity.at(-1)).toMatchObject({ kind: 'updated', actorName: 'John Doe', text: 'budgetMin, priority, requirements, title' });
    const { data } = await database().entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'request', entityId: requestId }).go();
    expect(data.find((a) => a.action === 'request.updated')?.changes).toEqual(
      expect.arrayContaining([
        { field: 'title', from: 'Payroll for the new team', to: 'Payroll for our Lisbon team' },
        { field: 'budgetMin', from: 30_000, to: null },
      ]),
    );
    // The list's text search finds the new title.
    expect((await get(john, '/api/requests?q=lisbon')).body.items.map((r: { requestId: string }) => r.requestId)).toContain(requestId);
  });

  it('stops the client once the work is someone’s, but not staff; nobody else changes it', async () => {
    const { requestId, reference } = await ask('Payroll, second office');
    await handedOver(requestId);
    const version = await versionOf(requestId);
    const refused = await patch(john, `/api/requests/${requestId}`, { version, title: 'Payroll, third office' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(`${reference} can no longer be changed: the firm is working on it.`);
    for (const who of [jane, otherAdmin]) expect((await patch(who, `/api/requests/${requestId}`, { version, priority: 'low' })).status).toBe(404);
    expect((await patch(sarah, `/api/requests/${requestId}`, { version, priority: 'low', deadline: null })).body.priority).toBe('low');
  });
});

describe('deleting a request', () => {
  it('is for admins only, hides it from everyone, releases its assignee’s load and is audited', async () => {
    const { requestId } = await ask('Payroll we will not need');
    await changeWithFreshVersion(sarah, requestId, 'assignee', { assigneeId: mike.userId });
    expect((await get(sarah, `/api/requests/${requestId}`)).body.status).toBe('assigned');
    const load = async () => (await database().entities.workload.get({ tenantId: 't-designpi', userId: mike.userId }).go()).data?.activeRequests ?? 0;
    const before = await load();
    expect((await del(sarah, `/api/requests/${requestId}`)).status).toBe(403);
    expect((await del(otherAdmin, `/api/requests/${requestId}`)).status).toBe(404);
    expect((await del(diana, `/api/requests/${requestId}`)).status).toBe(204);
    for (const who of [john, mike, sarah, diana]) expect((await get(who, `/api/requests/${requestId}`)).status).toBe(404);
    expect((await get(diana, '/api/requests?limit=100&q=not need')).body.items.map((r: { requestId: string }) => r.requestId)).not.toContain(requestId);
    expect(await load()).toBe(before - 1);
    const { data } = await database().entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'request', entityId: requestId }).go();
    expect(data.map((a) => a.action)).toContain('request.deleted');
    expect((await del(diana, `/api/requests/${requestId}`)).status).toBe(404);
  });
});

describe('bulk actions', () => {
  it('authorize and validate each request on its own and answer per request', async () => {
    const [a, b] = [await ask('Payroll for bulk one'), await ask('Payroll for bulk two')];
    await handedOver(a.requestId);
    await handedOver(b.requestId);
    const strangers = `nope-${randomUUID()}`;
    const res = await post(sarah, '/api/requests/bulk', { action: 'move', to: 'in_progress', requestIds: [a.requestId, b.requestId, strangers] });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      { requestId: a.requestId, reference: a.reference, ok: true },
      { requestId: b.requestId, reference: b.reference, ok: true },
      { requestId: strangers, ok: false, code: 'not_found', message: 'Request not found.' },
    ]);
    // A team member it is not assigned to does not even see it: each item says so.
    const member = await post(outsider, '/api/requests/bulk', { action: 'priority', priority: 'low', requestIds: [a.requestId] });
    expect(member.body.results[0]).toMatchObject({ ok: false, code: 'not_found' });
    const priorities = await post(sarah, '/api/requests/bulk', { action: 'priority', priority: 'high', requestIds: [a.requestId, b.requestId] });
    expect(priorities.body.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, true]);
    expect((await get(john, `/api/requests/${b.requestId}`)).body.priority).toBe('high');
    const assigned = await post(sarah, '/api/requests/bulk', { action: 'assign', assigneeId: john.userId, requestIds: [a.requestId] });
    expect(assigned.body.results[0]).toMatchObject({ ok: false, code: 'validation_failed', message: 'assigneeId is not an active team member of this firm' });
    // A move that does not fit one request's status fails for that one only.
    await changeWithFreshVersion(sarah, b.requestId, 'status', { to: 'cancelled' });
    const complete = await post(sarah, '/api/requests/bulk', { action: 'move', to: 'completed', requestIds: [a.requestId, b.requestId] });
    expect(complete.body.results).toEqual([
      { requestId: a.requestId, reference: a.reference, ok: true },
      { requestId: b.requestId, ok: false, code: 'conflict', message: 'A request that is cancelled cannot become completed.' },
    ]);
    // Deleting is for admins: a lead's bulk delete is refused request by request.
    expect((await post(sarah, '/api/requests/bulk', { action: 'delete', requestIds: [a.requestId] })).body.results[0]).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect((await post(otherAdmin, '/api/requests/bulk', { action: 'delete', requestIds: [a.requestId] })).body.results[0]).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });

  it('needs what the action needs, and at most 50 requests', async () => {
    expect((await post(sarah, '/api/requests/bulk', { action: 'move', requestIds: ['x'] })).body.error.details).toMatchObject([
      { field: 'to', message: 'is required to move' },
    ]);
    expect((await post(sarah, '/api/requests/bulk', { action: 'assign', requestIds: ['x'] })).body.error.details[0].field).toBe('assigneeId');
    expect(
      (await post(sarah, '/api/requests/bulk', { action: 'priority', priority: 'low', requestIds: Array.from({ length: 51 }, (_, i) => `r${i}`) })).body.error
        .details[0].field,
    ).toBe('requestIds');
    expect((await post(sarah, '/api/requests/bulk', { action: 'archive', requestIds: ['x'] })).body.error.details[0].field).toBe('action');
  });
});
