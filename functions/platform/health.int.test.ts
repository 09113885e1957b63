import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { PurgeQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, type Signed } from '../../infra/local/test-client.ts';
import type { HealthCheck } from '../../shared/api/schemas/system.ts';
import { EVENT_SOURCE } from '../../shared/events/rules.ts';

let admin: Signed;
let operator: Signed; // the platform operator (SUPER_ADMIN)
const health = async (who = operator) => (await api('/api/system/health', { token: who.token })).body;
const checkOf = (body: { checks: HealthCheck[] }, name: string) => body.checks.find((c) => c.name === name)!;
const queues = () => new SQSClient({ region: process.env.AWS_REGION, endpoint: process.env.SQS_ENDPOINT });

beforeAll(async () => {
  [admin, operator] = await Promise.all([signIn('hello@designpi.com'), signIn('operator@serviceportal.example')]);
});

afterAll(async () => {
  const urls = JSON.parse(process.env.DEAD_LETTER_QUEUES!) as Record<string, string>;
  await Promise.all(Object.values(urls).map((QueueUrl) => queues().send(new PurgeQueueCommand({ QueueUrl }))));
});

describe('system health', () => {
  it("shows a firm's admin whether each part works and the firm's own figures, never the platform's", async () => {
    const body = await health(admin);
    expect(body.checks.map((c: { name: string }) => c.name)).toEqual(['table', 'bus', 'realtime', 'mail']);
    expect(checkOf(body, 'table').facts).toEqual({ status: 'ACTIVE' });
    expect(checkOf(body, 'mail').facts).toEqual({ sending: true });
    expect(checkOf(body, 'realtime').facts.connections).toEqual(expect.any(Number));
  });

  it('asks each part through its API and reports each ok, with what it found, to the platform operator', async () => {
    const body = await health();
    expect(body.checks.map((c: { name: string }) => c.name)).toEqual(['table', 'bus', 'queues', 'realtime', 'mail']);
    expect(body.ok).toBe(true);
    expect(checkOf(body, 'table')).toMatchObject({ ok: true, facts: { status: 'ACTIVE' } });
    expect(checkOf(body, 'bus')).toMatchObject({ ok: true, facts: { name: 'service-portal-local' } });
    expect(checkOf(body, 'queues')).toMatchObject({ ok: true, facts: { 'stream-router': 0, 'email-notifications': 0, 'in-app-notifications': 0, jobs: 0 } });
    expect(checkOf(body, 'realtime').facts.connections).toEqual(expect.any(Number));
    expect(checkOf(body, 'mail')).toMatchObject({ ok: true, facts: { sending: true, sentLast24Hours: expect.any(Number) } });
    expect(checkOf(body, 'table').facts.items).toEqual(expect.any(Number));
  });

  it('turns red when an event fails every retry and lands in a dead-letter queue', async () => {
    const bus = new EventBridgeClient({ region: process.env.AWS_REGION, endpoint: process.env.EVENTBRIDGE_ENDPOINT });
    // An invitation event with nothing in it: refused however often it is tried, it is kept in the notifier's queue.
    await bus.send(
      new PutEventsCommand({ Entries: [{ Source: EVENT_SOURCE, DetailType: 'user.invited', Detail: '{}', EventBusName: process.env.EVENT_BUS_NAME }] }),
    );
    await expect.poll(async () => checkOf(await health(), 'queues').facts['consumer-notifier'], { timeout: 10_000 }).toBe(1);
    const body = await health();
    expect(body.ok).toBe(false);
    expect(checkOf(body, 'queues').ok).toBe(false);
  });
});
