import { beforeAll, describe, expect, it } from 'vitest';
import { api, changeWithFreshVersion, joinAs, signIn, type Signed } from '../../infra/local/test-client.ts';
import { database } from '../../shared/db/all-entities.ts';

let john: Signed; // client
let mike: Signed; // team member: tax-preparation, payroll, consulting
let sarah: Signed; // lead: tax-preparation, bookkeeping, financial-statements, audit
let diana: Signed; // admin, no skills
let otherAdmin: Signed; // Northwind
let outsider: Signed; // a team member with no part in the work below

const inAMonth = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10);
const send = (method: string) => (who: Signed, path: string, body?: unknown) =>
  api(path, { method, token: who.token, ...(body !== undefined && { body: JSON.stringify(body) }) });
const [post, patch, put, del] = [send('POST'), send('PATCH'), send('PUT'), send('DELETE')];
const get = (who: Signed, path: string) => api(path, { token: who.token });
const openTasksOf = async (userId: string) => (await database().entities.workload.get({ tenantId: 't-designpi', userId }).go()).data?.openTasks ?? 0;
const ids = (res: { body: { items: { taskId: string }[] } }) => res.body.items.map((t) => t.taskId);

/** A fresh request of John's for a service only the lead has the skills for, so Mike cannot see it. */
async function reviewRequest() {
  const res = await post(john, '/api/requests', {
    serviceId: 'svc-financial-statement-review',
    title: 'Review of our 2025 statements',
    requirements: { 'q-period': 'FY2025' },
  });
  expect(res.status).toBe(201);
  return res.body as { requestId: string; reference: string };
}

beforeAll(async () => {
  [john, mike, sarah, diana, otherAdmin] = await Promise.all([
    signIn('john.doe@example.com'),
    signIn('mike@designpi.com'),
    signIn('sarah@designpi.com'),
    signIn('hello@designpi.com'),
    signIn('admin@northwind.example'),
  ]);
  outsider = await joinAs({ email: `tasks-outsider-${Date.now()}@designpi.com`, name: 'Olive Outsider', role: 'TEAM_MEMBER', password: 'Outsider-Passw0rd!' });
});

describe('who is offered a task', () => {
  it('is staff holding a required skill, best match first, of the caller’s firm only', async () => {
    const review = await get(sarah, '/api/task-assignees?skills=financial-statements,audit');
    expect(review.status).toBe(200);
    expect(review.body.offered[0]).toMatchObject({ name: 'Sarah Johnson', matched: ['financial-statements', 'audit'] });
    // Other tests change Mike's skills: assert the rule, not who holds what today.
    expect(review.body.offered.every((o: { matched: string[] }) => o.matched.length > 0)).toBe(true);
    expect(review.body.offered.map((o: { name: string }) => o.name)).not.toContain('Diana Price');
    const tax = await get(sarah, '/api/task-assignees?skills=tax-preparation');
    expect(tax.body.offered.map((o: { name: string }) => o.name)).toEqual(expect.arrayContaining(['Mike Chen', 'Sarah Johnson']));
    expect(tax.body.offered.map((o: { name: string }) => o.name)).not.toContain('Diana Price');
    expect(tax.body.suggested).toBeDefined();
    // Without skills everyone on the staff is offered; another firm sees its own people.
    expect((await get(sarah, '/api/task-assignees')).body.offered.map((o: { name: string }) => o.name)).toContain('Diana Price');
    expect((await get(otherAdmin, '/api/task-assignees?skills=tax-preparation')).body.offered).toEqual([]);
  });
});

describe('a task from a template, on a request', () => {
  let requestId: string;
  let taskId: string;

  it('refuses what does not fit, naming the field', async () => {
    ({ requestId } = await reviewRequest());
    const base = { requestId, templateId: 'tpl-tax-return-preparation' };
    expect((await post(sarah, '/api/tasks', { ...base, templateId: 'nope' })).body.error.details).toMatchObject([
      { field: 'templateId', message: 'is not a task template of this firm' },
    ]);
    expect((await post(otherAdmin, '/api/tasks', { requestId, title: 'Peeking in' })).body.error.details).toMatchObject([
      { field: 'requestId', message: 'is not a request you can see' },
    ]);
    expect((await post(sarah, '/api/tasks', { ...base, assigneeId: john.userId })).body.error.details).toMatchObject([
      { field: 'assigneeId', message: 'is not an active team member of this firm' },
    ]);
    // Only someone holding one of the template's skills can take it.
    expect((await post(sarah, '/api/tasks', { ...base, assigneeId: diana.userId })).body.error.details).toMatchObject([
      { field: 'assigneeId', message: 'does not hold any of the skills this task needs (tax-preparation)' },
    ]);
    expect((await post(sarah, '/api/tasks', { requestId, dueDate: '2020-01-01' })).body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'dueDate',
      'title',
    ]);
  });

  it('copies the template, is counted as the assignee’s open work, and is audited', async () => {
    const before = await openTasksOf(mike.userId);
    const res = await post(sarah, '/api/tasks', {
      requestId,
      templateId: 'tpl-tax-return-preparation',
      assigneeId: mike.userId,
      dueDate: inAMonth,
      priority: 'high',
    });
    expect(res.status).toBe(201);
    taskId = res.body.taskId;
    expect(res.body).toMatchObject({
      title: 'Tax Return Preparation',
      status: 'todo',
      priority: 'high',
      dueDate: inAMonth,
      assigneeName: 'Mike Chen',
      estimatedHours: 4,
      requiredSkills: ['tax-preparation'],
      createdByName: 'Sarah Johnson',
      requestId,
    });
    expect(res.body.checklist[0]).toEqual({ itemId: 'c1', text: 'Collect income documents (W-2, 1099, K-1)', done: false });
    expect(await openTasksOf(mike.userId)).toBe(before + 1);
    const { data } = await database().entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'task', entityId: taskId }).go();
    expect(data.map((a) => a.action)).toEqual(['task.created']);
    // The bell tells Mike, with a link that opens the task in his own area.
    await expect
      .poll(async () => (await get(mike, '/api/notifications?limit=50')).body.items.find((n: { link: string }) => n.link === `/task/?id=${taskId}`))
      .toMatchObject({ kind: 'task.assigned', values: { title: 'Tax Return Preparation', actor: 'Sarah Johnson' } });
  });

  it('is seen by its assignee and leads, not by other staff, clients or firms', async () => {
    expect(ids(await get(mike, '/api/tasks'))).toContain(taskId);
    expect(ids(await get(sarah, `/api/tasks?requestId=${requestId}`))).toEqual([taskId]);
    expect(ids(await get(sarah, `/api/tasks?assigneeId=${mike.userId}`))).toContain(taskId);
    expect((await get(mike, `/api/tasks/${taskId}`)).body).toMatchObject({ mayChange: true, mayAssign: false, comments: [] });
    // Mike holds the task, not the request: the request's task list is not his to read.
    expect((await get(mike, `/api/tasks?requestId=${requestId}`)).status).toBe(404);
    expect(ids(await get(outsider, '/api/tasks'))).not.toContain(taskId);
    expect((await get(outsider, `/api/tasks/${taskId}`)).status).toBe(404);
    expect((await patch(outsider, `/api/tasks/${taskId}`, { version: 1, status: 'done' })).status).toBe(404);
    expect((await get(otherAdmin, `/api/tasks/${taskId}`)).status).toBe(404);
    expect((await get(john, `/api/tasks/${taskId}`)).status).toBe(403);
  });

  it('is worked by its assignee: checklist, status, comments; a stale version is 409', async () => {
    const ticked = await put(mike, `/api/tasks/${taskId}/checklist/c1`, { done: true });
    expect(ticked.body.checklist[0]).toMatchObject({ done: true, doneBy: 'Mike Chen' });
    expect((await put(mike, `/api/tasks/${taskId}/checklist/c99`, { done: true })).status).toBe(404);
    expect((await patch(mike, `/api/tasks/${taskId}`, { version: ticked.body.version, status: 'finished' })).body.error.details[0].field).toBe('status');
    expect((await patch(mike, `/api/tasks/${taskId}`, { version: 1, status: 'in_progress' })).status).toBe(409);
    const started = await patch(mike, `/api/tasks/${taskId}`, { version: ticked.body.version, status: 'in_progress' });
    expect(started.body.status).toBe('in_progress');
    expect((await post(mike, `/api/tasks/${taskId}/comments`, { text: 'W-2s are in.' })).status).toBe(201);
    expect((await get(sarah, `/api/tasks/${taskId}`)).body.comments).toEqual([expect.objectContaining({ authorName: 'Mike Chen', text: 'W-2s are in.' })]);
    const before = await openTasksOf(mike.userId);
    const done = await patch(mike, `/api/tasks/${taskId}`, { version: started.body.version, status: 'done' });
    expect(done.body).toMatchObject({ status: 'done', completedAt: expect.any(String) });
    expect(await openTasksOf(mike.userId)).toBe(before - 1);
    expect(ids(await get(mike, '/api/tasks?status=done'))).toContain(taskId);
    expect(ids(await get(mike, '/api/tasks'))).not.toContain(taskId);
    const { data } = await database().entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'task', entityId: taskId }).go();
    expect(data.map((a) => a.action).sort()).toEqual(['task.checked', 'task.commented', 'task.created', 'task.status_changed', 'task.status_changed']);
  });

  it('lands two ticks of different items made at the same moment', async () => {
    await Promise.all(['c2', 'c3'].map((item) => put(mike, `/api/tasks/${taskId}/checklist/${item}`, { done: true })));
    const { body } = await get(mike, `/api/tasks/${taskId}`);
    expect(body.checklist.filter((c: { done: boolean }) => c.done).map((c: { itemId: string }) => c.itemId)).toEqual(['c1', 'c2', 'c3']);
  });

  it('is handed over by a lead only, to someone with the skill', async () => {
    const { body } = await get(sarah, `/api/tasks/${taskId}`);
    expect((await post(sarah, `/api/tasks/${taskId}/assignee`, { assigneeId: diana.userId, version: body.version })).status).toBe(400);
    const moved = await post(sarah, `/api/tasks/${taskId}/assignee`, { assigneeId: sarah.userId, version: body.version });
    expect(moved.body).toMatchObject({ assigneeName: 'Sarah Johnson' });
    // No longer his, and the request is not his either: gone from his view.
    expect((await get(mike, `/api/tasks/${taskId}`)).status).toBe(404);
  });

  it('is deleted by an admin only, and its open work leaves the count', async () => {
    const made = await post(sarah, '/api/tasks', { requestId, title: 'Call the client about missing forms', assigneeId: mike.userId });
    expect(made.status).toBe(201);
    const before = await openTasksOf(mike.userId);
    expect((await del(sarah, `/api/tasks/${made.body.taskId}`)).status).toBe(403);
    expect((await del(otherAdmin, `/api/tasks/${made.body.taskId}`)).status).toBe(404);
    expect((await del(diana, `/api/tasks/${made.body.taskId}`)).status).toBe(204);
    expect((await get(diana, `/api/tasks/${made.body.taskId}`)).status).toBe(404);
    expect(await openTasksOf(mike.userId)).toBe(before - 1);
  });

  it('cannot be added to a request that is finished', async () => {
    const { requestId: id } = await reviewRequest();
    await changeWithFreshVersion(sarah, id, 'status', { to: 'cancelled' });
    expect((await post(sarah, '/api/tasks', { requestId: id, title: 'Too late' })).status).toBe(409);
  });
});

describe('tasks by hand, lists and filters', () => {
  it('needs a title without a template, and filters by priority, status and text', async () => {
    const made = await post(sarah, '/api/tasks', { title: 'Renew the firm’s e-file certificate', priority: 'urgent', assigneeId: sarah.userId });
    expect(made.status).toBe(201);
    expect(made.body).not.toHaveProperty('requestId');
    const id = made.body.taskId;
    expect(ids(await get(sarah, '/api/tasks?priority=urgent&q=E-FILE'))).toContain(id);
    expect(ids(await get(sarah, '/api/tasks?priority=low'))).not.toContain(id);
    expect(ids(await get(sarah, '/api/tasks?status=todo&q=certificate'))).toContain(id);
    expect(ids(await get(sarah, '/api/tasks?assigneeId=me'))).toContain(id);
    expect(ids(await get(diana, '/api/tasks?limit=100&q=certificate'))).toContain(id);
    expect((await get(sarah, '/api/tasks?status=nope')).body.error.details[0].field).toBe('query.status');
  });
});
