import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, changeWithFreshVersion, roomFor, signIn, type Signed } from '../../infra/local/test-client.ts';
import { database } from '../../shared/db/all-entities.ts';

let priya: Signed; // Northwind's client
let omar: Signed; // Northwind's team member, the only one holding cloud and security
let nora: Signed; // Northwind's admin
let john: Signed; // DesignPi's client
let sarah: Signed; // DesignPi's lead
let diana: Signed; // DesignPi's admin

const send = (method: string) => (who: Signed, path: string, body?: unknown) =>
  api(path, { method, token: who.token, ...(body !== undefined && { body: JSON.stringify(body) }) });
const [post, patch] = [send('POST'), send('PATCH')];
const get = (who: Signed, path: string) => api(path, { token: who.token });
const detail = async (who: Signed, id: string) => (await get(who, `/api/requests/${id}`)).body;
const settings = (who: Signed) => get(who, '/api/firm/request-settings');
const changeSettings = (who: Signed, body: unknown) => patch(who, '/api/firm/request-settings', body);

async function askNorthwind(title: string) {
  const res = await post(priya, '/api/requests', { serviceId: 'svc-cloud-security-audit', title, requirements: { 'q-provider': 'AWS' } });
  expect(res.status).toBe(201);
  return res.body as { requestId: string; reference: string };
}
async function askDesignPi(title: string, budgetMax: number) {
  const res = await post(john, '/api/requests', { serviceId: 'svc-payroll-setup', title, requirements: { 'q-employees': '5' }, budgetMax });
  expect(res.status).toBe(201);
  return res.body as { requestId: string; reference: string };
}
const rankedTo = (who: Signed, id: string) => expect.poll(async () => (await detail(who, id)).assigneeId).toEqual(expect.any(String));
/** Assigned by hand (the ranking's pick, if it made one, gives way): DesignPi's payroll holder may be full. */
const assignSarah = (id: string) => changeWithFreshVersion(sarah, id, 'assignee', { assigneeId: sarah.userId });
let undoRoom: () => Promise<void>;

beforeAll(async () => {
  undoRoom = await roomFor('t-northwind', 'omar@northwind.example');
  [priya, omar, nora, john, sarah, diana] = await Promise.all([
    signIn('priya@client.example'),
    signIn('omar@northwind.example'),
    signIn('admin@northwind.example'),
    signIn('john.doe@example.com'),
    signIn('sarah@designpi.com'),
    signIn('hello@designpi.com'),
  ]);
});

// DesignPi goes back to its seeded rules (no review, no threshold) for the files after this one.
afterAll(async () => {
  await changeSettings(diana, { reviewRequests: false, reviewAbove: null });
  await undoRoom();
});

describe("the firm's review rules", () => {
  it("shows each admin their own firm's rules, in its currency", async () => {
    expect((await settings(nora)).body).toEqual({ reviewRequests: true, currency: 'GBP' });
    expect((await settings(diana)).body).toMatchObject({ reviewRequests: false, currency: 'USD' });
  });

  it('names what is wrong with a change, and is for admins only', async () => {
    expect((await changeSettings(diana, {})).body.error.details).toMatchObject([{ field: 'body', message: 'must change reviewRequests or reviewAbove' }]);
    expect((await changeSettings(diana, { reviewRequests: 'yes' })).body.error.details).toMatchObject([
      { field: 'reviewRequests', message: 'must be true or false' },
    ]);
    expect((await changeSettings(diana, { reviewAbove: -5 })).body.error.details).toMatchObject([{ field: 'reviewAbove', message: 'cannot be negative' }]);
    expect((await changeSettings(diana, { reviewAbove: 10.5 })).body.error.details).toMatchObject([{ field: 'reviewAbove', message: 'must be whole cents' }]);
    for (const who of [sarah, john]) expect((await changeSettings(who, { reviewRequests: true })).status).toBe(403);
    expect((await settings(sarah)).status).toBe(403);
  });

  it('keeps a change audited, and sets and takes away a threshold', async () => {
    const set = await changeSettings(diana, { reviewAbove: 100_000 });
    expect(set.body).toEqual({ reviewRequests: false, reviewAbove: 100_000, currency: 'USD' });
    const { data } = await database()
      .entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'firm', entityId: 't-designpi' })
      .go({ order: 'desc', limit: 1 });
    expect(data[0]).toMatchObject({
      action: 'firm.request_settings_changed',
      actorId: diana.userId,
      changes: [{ field: 'reviewAbove', from: null, to: 100_000 }],
    });
    const { data: events } = await database()
      .entities.outbox.scan.where((a, op) => op.eq(a.type, 'firm.request_settings_changed'))
      .go({ pages: 'all' });
    expect(events.map((e) => e.detail)).toContainEqual(expect.objectContaining({ entityId: 't-designpi', actorId: diana.userId, fields: ['reviewAbove'] }));
    expect((await changeSettings(diana, { reviewAbove: null })).body).toEqual({ reviewRequests: false, currency: 'USD' });
    // Northwind's rules are its own.
    expect((await settings(nora)).body.reviewRequests).toBe(true);
  });
});

describe('a firm that reviews requests first', () => {
  let id: string;

  it('ranks an assignee at once, who waits for the review', async () => {
    ({ requestId: id } = await askNorthwind('Audit of our AWS accounts'));
    await rankedTo(nora, id);
    expect(await detail(nora, id)).toMatchObject({
      status: 'submitted',
      assigneeName: 'Omar Haddad',
      review: true,
      nextStep: { action: 'review', by: 'firm', you: true },
      allowedMoves: ['in_review', 'approved', 'cancelled'],
    });
    expect(await detail(omar, id)).toMatchObject({ allowedMoves: [], nextStep: { action: 'review', by: 'firm', you: false } });
    expect(await detail(priya, id)).toMatchObject({ nextStep: { action: 'review', by: 'firm', you: false } });
    expect((await post(omar, `/api/requests/${id}/status`, { to: 'in_progress', version: (await detail(nora, id)).version })).status).toBe(409);
  });

  it('needs exactly one approval, which keeps the ranked assignee: no second pick', async () => {
    await changeWithFreshVersion(nora, id, 'status', { to: 'approved' });
    expect(await detail(nora, id)).toMatchObject({
      status: 'assigned',
      assigneeName: 'Omar Haddad',
      nextStep: { action: 'start', by: 'assignee', you: false },
    });
    expect(await detail(omar, id)).toMatchObject({ allowedMoves: ['in_progress'], nextStep: { action: 'start', by: 'assignee', you: true } });
    const load = async () => (await database().entities.workload.get({ tenantId: 't-northwind', userId: omar.userId }).go()).data?.activeRequests ?? 0;
    const holding = await load();
    await changeWithFreshVersion(nora, id, 'status', { to: 'cancelled' });
    expect(await load()).toBe(holding - 1);
  });

  it('lets the assignee start a request still waiting once the firm stops reviewing', async () => {
    const { requestId } = await askNorthwind('Audit of our Azure tenant');
    await rankedTo(nora, requestId);
    expect((await changeSettings(nora, { reviewRequests: false })).status).toBe(200);
    try {
      expect(await detail(omar, requestId)).toMatchObject({
        status: 'submitted',
        review: false,
        allowedMoves: ['in_progress'],
        nextStep: { action: 'start', you: true },
      });
      expect((await post(omar, `/api/requests/${requestId}/status`, { to: 'in_progress', version: (await detail(omar, requestId)).version })).body.status).toBe(
        'in_progress',
      );
      await changeWithFreshVersion(nora, requestId, 'status', { to: 'cancelled' });
    } finally {
      await changeSettings(nora, { reviewRequests: true });
    }
  });
});

describe('an approval threshold', () => {
  it('sends only requests worth more than it to review; the rest go straight to work', async () => {
    await changeSettings(diana, { reviewAbove: 100_000 });
    const [small, large] = [await askDesignPi('Payroll for a small team', 100_000), await askDesignPi('Payroll for the whole group', 100_001)];
    for (const { requestId } of [small, large]) await assignSarah(requestId);
    expect(await detail(sarah, small.requestId)).toMatchObject({ status: 'assigned', review: false, nextStep: { action: 'start', you: true } });
    expect(await detail(sarah, large.requestId)).toMatchObject({ status: 'submitted', review: true, nextStep: { action: 'review', you: true } });
    expect(await detail(john, large.requestId)).toMatchObject({ nextStep: { action: 'review', by: 'firm', you: false } });
    await changeSettings(diana, { reviewAbove: null });
  });
});

describe('completing a request with open tasks', () => {
  it('lists them, with their checklists, and completes only once confirmed', async () => {
    const { requestId, reference } = await askDesignPi('Payroll with loose ends', 40_000);
    await assignSarah(requestId);
    const task = await post(sarah, '/api/tasks', {
      requestId,
      title: 'Collect the forms',
      checklist: ['W-4s', 'I-9s', 'Bank details', 'Pay dates', 'Benefits'],
    });
    expect(task.status).toBe(201);
    const itemId = task.body.checklist[0].itemId;
    expect(
      (await api(`/api/tasks/${task.body.taskId}/checklist/${itemId}`, { method: 'PUT', token: sarah.token, body: JSON.stringify({ done: true }) })).status,
    ).toBe(200);
    await changeWithFreshVersion(sarah, requestId, 'status', { to: 'in_progress' });

    const refused = await post(sarah, `/api/requests/${requestId}/status`, { to: 'completed', version: (await detail(sarah, requestId)).version });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toBe(`${reference} has 1 open task. Finish them, or confirm that the request is complete without them.`);
    expect(refused.body.error.openTasks).toEqual([
      expect.objectContaining({ taskId: task.body.taskId, title: 'Collect the forms', status: 'todo', checklistDone: 1, checklistTotal: 5 }),
    ]);
    expect((await detail(sarah, requestId)).status).toBe('in_progress');
    // In bulk, the same refusal for that request alone.
    const bulk = await post(sarah, '/api/requests/bulk', { action: 'move', to: 'completed', requestIds: [requestId] });
    expect(bulk.body.results[0]).toMatchObject({ ok: false, code: 'unprocessable' });

    const done = await post(sarah, `/api/requests/${requestId}/status`, {
      to: 'completed',
      confirmOpenTasks: true,
      version: (await detail(sarah, requestId)).version,
    });
    expect(done.body.status).toBe('completed');
    const { data } = await database()
      .entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'request', entityId: requestId })
      .go({ order: 'desc', limit: 1 });
    expect(data[0]!.changes).toContainEqual({ field: 'openTasks', from: null, to: 'Collect the forms' });
  });
});
