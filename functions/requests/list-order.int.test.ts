/** Request lists by deadline and by priority (ADR 0028): the order, who sees what in it, and the backfill of older requests. */
import { randomUUID } from 'node:crypto';
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, changeWithFreshVersion, runJob, signIn, type Signed } from '../../infra/local/test-client.ts';
import { database } from '../../shared/db/all-entities.ts';
import { dynamoClient } from '../../shared/db/client.ts';

const run = randomUUID().slice(0, 8);
let john: Signed; // client
let mike: Signed; // team member
let sarah: Signed; // lead
let otherAdmin: Signed;
const made: Record<string, { requestId: string; reference: string }> = {};
const daysAhead = (n: number) => new Date(Date.now() + n * 24 * 3600 * 1000).toISOString().slice(0, 10);

const ask = async (name: string, fields: { priority: string; deadline?: string }) => {
  const body = { serviceId: 'svc-payroll-setup', title: `Order ${run} ${name}`, requirements: { 'q-employees': '2' }, ...fields };
  const res = await api('/api/requests', { method: 'POST', token: john.token, body: JSON.stringify(body) });
  expect(res.status).toBe(201);
  made[name] = res.body;
};
/**
 * The names of this file's requests, in the order the whole list gives them: every page, since
 * a filtered page of a firm with thousands of requests (other files') may hold none of them.
 */
const listed = async (who: Signed, query: string) => {
  const names = Object.fromEntries(Object.entries(made).map(([name, r]) => [r.requestId, name]));
  const found: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await api(`/api/requests?q=${run}&limit=100&${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: who.token });
    expect(res.status).toBe(200);
    found.push(...(res.body.items as { requestId: string }[]).map((r) => names[r.requestId]!));
    cursor = res.body.nextCursor;
  } while (cursor);
  return found;
};
/** Edits a request as the lead, with its version as it is now (the automatic assignment may bump it meanwhile). */
const edit = (name: string, fields: Record<string, unknown>) =>
  expect
    .poll(
      async () => {
        const id = made[name]!.requestId;
        const { body: now } = await api(`/api/requests/${id}`, { token: sarah.token });
        const res = await api(`/api/requests/${id}`, { method: 'PATCH', token: sarah.token, body: JSON.stringify({ ...fields, version: now.version }) });
        return res.status;
      },
      { timeout: 10_000 },
    )
    .toBe(200);

beforeAll(async () => {
  [john, mike, sarah, otherAdmin] = await Promise.all([
    signIn('john.doe@example.com'),
    signIn('mike@designpi.com'),
    signIn('sarah@designpi.com'),
    signIn('admin@northwind.example'),
  ]);
  // Asked in this order: the order by creation differs from both others.
  await ask('later', { priority: 'low', deadline: daysAhead(60) });
  await ask('none', { priority: 'urgent' });
  await ask('soon', { priority: 'medium', deadline: daysAhead(5) });
  await ask('middle', { priority: 'high', deadline: daysAhead(20) });
});

describe('request lists by deadline and priority', { timeout: 60_000 }, () => {
  it('sort by deadline, soonest first and no deadline last, or reversed', async () => {
    expect(await listed(sarah, 'sort=deadline')).toEqual(['soon', 'middle', 'later', 'none']);
    expect(await listed(sarah, 'sort=deadline&order=desc')).toEqual(['none', 'later', 'middle', 'soon']);
    expect(await listed(sarah, '')).toEqual(['middle', 'soon', 'none', 'later']);
  });

  it('sort by priority, most urgent first, or reversed', async () => {
    expect(await listed(sarah, 'sort=priority')).toEqual(['none', 'middle', 'soon', 'later']);
    expect(await listed(sarah, 'sort=priority&order=asc')).toEqual(['later', 'soon', 'middle', 'none']);
  });

  it('follow edits: a new deadline or priority moves the request, a cleared deadline sends it last', async () => {
    await edit('later', { deadline: daysAhead(1), priority: 'urgent' });
    expect(await listed(sarah, 'sort=deadline')).toEqual(['later', 'soon', 'middle', 'none']);
    expect((await listed(sarah, 'sort=priority')).slice(0, 2).sort()).toEqual(['later', 'none']);
    await edit('later', { deadline: null });
    expect((await listed(sarah, 'sort=deadline')).slice(0, 2)).toEqual(['soon', 'middle']);
    expect((await listed(sarah, 'sort=deadline')).slice(2).sort()).toEqual(['later', 'none']);
  });

  it('combine with the filters, and stay within what the caller may see', async () => {
    expect(await listed(sarah, 'sort=deadline&priority=high')).toEqual(['middle']);
    await changeWithFreshVersion(sarah, made.soon!.requestId, 'assignee', { assigneeId: mike.userId });
    await changeWithFreshVersion(sarah, made.middle!.requestId, 'assignee', { assigneeId: sarah.userId });
    // A team member's list by deadline holds only what is assigned to them, whatever they filter by.
    const mikes = await listed(sarah, `sort=deadline&assigneeId=${mike.userId}`);
    expect(mikes).toContain('soon');
    expect(mikes).not.toContain('middle');
    expect(await listed(mike, 'sort=deadline')).toEqual(mikes);
    expect(await listed(mike, `sort=deadline&assigneeId=${sarah.userId}`)).toEqual(mikes);
    expect(await listed(otherAdmin, 'sort=deadline')).toEqual([]);
    expect(await listed(otherAdmin, 'sort=priority')).toEqual([]);
  });

  it('are for staff; a bad order is named', async () => {
    const refused = await api(`/api/requests?sort=deadline`, { token: john.token });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toMatchObject([{ field: 'query.sort' }]);
    expect(await listed(john, 'order=oldest')).toEqual(['later', 'none', 'soon', 'middle']);
    expect(await listed(john, 'sort=created&order=asc')).toEqual(['later', 'none', 'soon', 'middle']);
    const bad = await api(`/api/requests?sort=title&order=up`, { token: sarah.token });
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['query.order', 'query.sort']);
  });
});

describe('the index-request-orders job', () => {
  it('gives requests from before the orders their place in them, and changes nothing when run again', { timeout: 60_000 }, async () => {
    // As written before the orders existed: none of their sort keys or index keys.
    const { Key, TableName } = database().entities.serviceRequest.get({ tenantId: 't-designpi', requestId: made.middle!.requestId }).params();
    await dynamoClient().send(
      new UpdateItemCommand({ TableName, Key: marshall(Key), UpdateExpression: 'REMOVE deadlineOrder, priorityOrder, gsi6pk, gsi6sk, gsi7pk, gsi7sk' }),
    );
    expect(await listed(sarah, 'sort=deadline')).not.toContain('middle');
    expect(await listed(sarah, 'sort=priority')).not.toContain('middle');

    const first = await runJob('index-request-orders');

    expect(first.requests).toBeGreaterThanOrEqual(1);
    expect((await listed(sarah, 'sort=deadline')).slice(0, 2)).toEqual(['soon', 'middle']);
    expect(await listed(sarah, 'sort=priority&priority=high')).toEqual(['middle']);
    expect((await runJob('index-request-orders')).requests).toBe(0);
  });
});
