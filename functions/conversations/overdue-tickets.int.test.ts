/**
 * Tickets that miss their SLA (ADR 0033): the assignee and the leads hear of it once, in the bell
 * and by email, however often (or at once) the job runs; a first answer in time stops the first
 * alert, and a resolved ticket is never alerted.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, runJob, signIn, type Signed } from '../../infra/local/test-client.ts';
import { emailsTo } from '../../infra/local/test-inbox.ts';

let john: Signed;
let mike: Signed;
let sarah: Signed;
let admin: Signed;
const run = randomUUID().slice(0, 8);
const HOUR = 3_600_000;
const call = (who: Signed, method: string, path: string, body?: unknown) =>
  api(path, { method, token: who.token, ...(body !== undefined && { body: JSON.stringify(body) }) });

/** One person's SLA alerts about a ticket, by its subject. */
async function alerts(who: Signed, subject: string) {
  const { body } = await api('/api/notifications?limit=100', { token: who.token });
  return (body.items as { kind: string; values: Record<string, string> }[])
    .filter((n) => (n.kind === 'ticket.unanswered' || n.kind === 'ticket.overdue') && n.values.subject === subject)
    .map((n) => n.kind)
    .sort();
}

beforeAll(async () => {
  [john, mike, sarah, admin] = await Promise.all([
    signIn('john.doe@example.com'),
    signIn('mike@designpi.com'),
    signIn('sarah@designpi.com'),
    signIn('hello@designpi.com'),
  ]);
});

describe('SLA alerts', () => {
  it('tell the assignee and the leads once that a ticket has no first answer, then once that it is not resolved', async () => {
    const subject = `Late answer ${run}`;
    const settled = `Settled in time ${run}`;
    const { body: late } = await call(john, 'POST', '/api/tickets', { subject, description: 'Please help', priority: 'low' });
    const { body: done } = await call(john, 'POST', '/api/tickets', { subject: settled, description: 'Please help', priority: 'low' });
    for (const t of [late, done]) {
      const { body: now } = await call(admin, 'GET', `/api/tickets/${t.ticketId}`);
      await call(admin, 'PATCH', `/api/tickets/${t.ticketId}`, { version: now.version, assigneeId: mike.userId });
    }
    const { body: settledNow } = await call(mike, 'GET', `/api/tickets/${done.ticketId}`);
    await call(mike, 'PATCH', `/api/tickets/${done.ticketId}`, { version: settledNow.version, status: 'resolved' });
    const { body: staffView } = await call(sarah, 'GET', `/api/tickets/${late.ticketId}`);
    const mikesEmails = (await emailsTo('mike@designpi.com')).length;

    // Before its time: nothing.
    await runJob('alert-overdue-tickets', new Date(Date.parse(staffView.firstResponseDueAt) - HOUR));
    expect(await alerts(mike, subject)).toEqual([]);

    // Past the first-answer time: two runs at once, then a third, alert once.
    const unanswered = new Date(Date.parse(staffView.firstResponseDueAt) + HOUR);
    await Promise.all([runJob('alert-overdue-tickets', unanswered), runJob('alert-overdue-tickets', unanswered)]);
    await runJob('alert-overdue-tickets', unanswered);
    for (const who of [mike, sarah]) expect(await alerts(who, subject)).toEqual(['ticket.unanswered']);
    expect(await alerts(john, subject)).toEqual([]);
    await expect
      .poll(
        async () =>
          (await emailsTo('mike@designpi.com')).slice(mikesEmails).filter((e) => e.subject.includes(subject) && e.subject.includes('no first answer')).length,
        { timeout: 10_000 },
      )
      .toBe(1);

    // Answered, but past the resolution time: alerted once more, for that.
    await call(sarah, 'POST', `/api/tickets/${late.ticketId}/comments`, { body: 'On it' });
    const unresolved = new Date(Date.parse(staffView.resolutionDueAt) + HOUR);
    await Promise.all([runJob('alert-overdue-tickets', unresolved), runJob('alert-overdue-tickets', unresolved)]);
    expect(await alerts(mike, subject)).toEqual(['ticket.overdue', 'ticket.unanswered']);
    expect(await alerts(sarah, subject)).toEqual(['ticket.overdue', 'ticket.unanswered']);
    expect(await alerts(mike, settled)).toEqual([]);
    expect((await call(sarah, 'GET', `/api/tickets/${late.ticketId}`)).body.overdue).toEqual([]); // not yet, in real time
  });
});
