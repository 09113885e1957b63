import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, invoke, roomFor, signIn, type Signed } from '../../infra/local/test-client.ts';
import { busEvent } from '../../infra/local/test-events.ts';

let john: Signed;
let sarah: Signed;
let admin: Signed;
const post = (who: Signed, path: string, body: unknown) => api(path, { method: 'POST', token: who.token, body: JSON.stringify(body) });
const detail = async (id: string) => (await api(`/api/requests/${id}`, { token: sarah.token })).body;

const undoRoom: (() => Promise<void>)[] = [];

beforeAll(async () => {
  // Sarah alone holds the statements' skills, Mike alone payroll: other files may have filled their capacity.
  undoRoom.push(await roomFor('t-designpi', 'sarah@designpi.com'), await roomFor('t-designpi', 'mike@designpi.com'));
  [john, sarah, admin] = await Promise.all([signIn('john.doe@example.com'), signIn('sarah@designpi.com'), signIn('hello@designpi.com')]);
});

afterAll(() => Promise.all(undoRoom.map((undo) => undo())));

describe('automatic assignment on submit', () => {
  it('assigns the best-fitting team member and keeps why; a firm that does not review first hands the work over', async () => {
    const { body: request } = await post(john, '/api/requests', {
      serviceId: 'svc-financial-statement-review',
      title: 'Review of our 2025 statements',
      requirements: { 'q-period': 'FY2025' },
    });
    await expect.poll(async () => (await detail(request.requestId)).assigneeName).toBe('Sarah Johnson');
    const assigned = await detail(request.requestId);
    expect(assigned.status).toBe('assigned');
    expect(JSON.parse(assigned.assignmentReason)).toMatchObject({ kind: 'auto', matched: ['financial-statements', 'audit'], required: 2 });
    expect(assigned.activity.at(-1)).toMatchObject({ kind: 'assigned', actorId: 'system', to: 'Sarah Johnson' });
    // Kept in her assignment history as the ranking's choice.
    const { body: history } = await api(`/api/team/${sarah.userId}/assignments?limit=100`, { token: sarah.token });
    expect(history.items.find((r: { requestId: string }) => r.requestId === request.requestId)).toMatchObject({ how: 'auto', reference: request.reference });
  });

  it('also assigns a draft when it is submitted', async () => {
    const { body: draft } = await post(john, '/api/requests', {
      serviceId: 'svc-payroll-setup',
      title: 'Payroll, once we hire',
      requirements: { 'q-employees': '2' },
      submit: false,
    });
    await new Promise((r) => setTimeout(r, 500));
    expect((await detail(draft.requestId)).assigneeId).toBeUndefined();
    await post(john, `/api/requests/${draft.requestId}/status`, { to: 'submitted', version: draft.version });
    await expect.poll(async () => (await detail(draft.requestId)).assigneeId).toEqual(expect.any(String));
  });

  it('leaves the request unassigned when nobody fits, and tells the admins', async () => {
    const { body: service } = await post(admin, '/api/services', {
      name: 'Orbital Mechanics Audit',
      category: 'Niche',
      basePrice: 100,
      estimatedHours: 1,
      requiredSkills: ['astrophysics'],
    });
    const { body: request } = await post(john, '/api/requests', { serviceId: service.serviceId, title: 'Check our satellite books' });
    await expect
      .poll(async () =>
        (await api('/api/notifications', { token: admin.token })).body.items.some(
          (n: { kind: string; values: { reference: string } }) => n.kind === 'request.unassigned' && n.values.reference === request.reference,
        ),
      )
      .toBe(true);
    expect((await detail(request.requestId)).assigneeId).toBeUndefined();
  });

  it('never undoes a hand assignment, and handles each event once', async () => {
    const { body: request } = await post(john, '/api/requests', {
      serviceId: 'svc-individual-tax-return',
      title: 'A second return',
      requirements: { 'q-tax-year': '2024', 'q-filing-status': 'Single' },
    });
    await expect.poll(async () => (await detail(request.requestId)).assigneeId).toEqual(expect.any(String));
    const before = await detail(request.requestId);
    const replay = busEvent('request.submitted', {
      tenantId: 't-designpi',
      eventId: `replay-${request.requestId}`,
      at: new Date().toISOString(),
      entityId: request.requestId,
      actorId: john.userId,
      requestId: request.requestId,
      reference: request.reference,
      title: request.title,
      clientId: john.userId,
      assigneeId: null,
      status: 'submitted',
    });
    await Promise.all([invoke('events/assignment', replay), invoke('events/assignment', replay)]);
    const after = await detail(request.requestId);
    expect({ assigneeId: after.assigneeId, version: after.version }).toEqual({ assigneeId: before.assigneeId, version: before.version });
  });
});
