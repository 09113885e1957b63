import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, changeWithFreshVersion, runJob, signIn, type Signed } from '../../infra/local/test-client.ts';
import { emailsTo } from '../../infra/local/test-inbox.ts';

let john: Signed;
let mike: Signed;
let sarah: Signed;
const run = randomUUID().slice(0, 8);
const DAY = 86_400_000;
/** The firm's day `days` from now: deadlines are days in the firm's zone, and near midnight UTC that is another day. */
let zone = 'UTC';
const dateIn = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(Date.now() + days * DAY));
const post = (who: Signed, path: string, body: unknown) => api(path, { method: 'POST', token: who.token, body: JSON.stringify(body) });

/** The bell's warnings about a request (by its reference) or a task (by its title), for one person. */
async function warnings(who: Signed, about: string) {
  const { body } = await api('/api/notifications?limit=100', { token: who.token });
  return (body.items as { kind: string; values: Record<string, string> }[])
    .filter((n) => /due_soon|overdue/.test(n.kind) && (n.kind.startsWith('request.') ? n.values.reference : n.values.title) === about)
    .map((n) => n.kind)
    .sort();
}

beforeAll(async () => {
  [john, mike, sarah] = await Promise.all([signIn('john.doe@example.com'), signIn('mike@designpi.com'), signIn('sarah@designpi.com')]);
  zone = (await api('/api/me', { token: sarah.token })).body.tenant.timeZone;
});

describe('deadline warnings', () => {
  it('warn the assignee and the leads once of what is due within a day, and once more when it has passed, however the job runs', async () => {
    const { body: request } = await post(john, '/api/requests', {
      serviceId: 'svc-payroll-setup',
      title: `Payroll before year end ${run}`,
      requirements: { 'q-employees': '4' },
      deadline: dateIn(2),
    });
    await changeWithFreshVersion(sarah, request.requestId, 'assignee', { assigneeId: mike.userId });
    const taskTitle = `Collect the year-end forms ${run}`;
    expect((await post(sarah, '/api/tasks', { requestId: request.requestId, title: taskTitle, assigneeId: mike.userId, dueDate: dateIn(2) })).status).toBe(201);
    // A request due later than that is not warned of yet.
    const { body: later } = await post(john, '/api/requests', {
      serviceId: 'svc-payroll-setup',
      title: `Payroll next spring ${run}`,
      requirements: { 'q-employees': '4' },
      deadline: dateIn(30),
    });
    const mikesEmails = (await emailsTo('mike@designpi.com')).length;

    // A day on, both are due tomorrow: two runs at once, then a third, warn once.
    const tomorrow = new Date(Date.now() + DAY);
    await Promise.all([runJob('send-deadline-alerts', tomorrow), runJob('send-deadline-alerts', tomorrow)]);
    await runJob('send-deadline-alerts', tomorrow);
    for (const who of [mike, sarah]) {
      expect(await warnings(who, request.reference)).toEqual(['request.due_soon']);
      expect(await warnings(who, taskTitle)).toEqual(['task.due_soon']);
    }
    expect(await warnings(sarah, later.reference)).toEqual([]);
    // Mike is not in the portal: the warnings reach him by email as well.
    await expect
      .poll(async () => (await emailsTo('mike@designpi.com')).slice(mikesEmails).filter((e) => e.subject.includes(`${request.reference} is due`)).length)
      .toBe(1);

    // Four days on, both have passed: warned once more.
    const overdue = new Date(Date.now() + 4 * DAY);
    await Promise.all([runJob('send-deadline-alerts', overdue), runJob('send-deadline-alerts', overdue)]);
    expect(await warnings(mike, request.reference)).toEqual(['request.due_soon', 'request.overdue']);
    expect(await warnings(sarah, taskTitle)).toEqual(['task.due_soon', 'task.overdue']);
  });
});
