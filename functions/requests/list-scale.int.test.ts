/**
 * A list page costs the same whatever the data size: counted, not timed. Each page is asked
 * through the gateway of the deployed requests function; the local stack's DynamoDB meter
 * counts the calls it makes and the read capacity they consume.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { api, dynamoUse, signIn, type Signed } from '../../infra/local/test-client.ts';
import { database } from '../../shared/db/all-entities.ts';

/** One list request as a browser makes it; returns what it cost. */
async function listPage(who: Signed, query: Record<string, string>) {
  await dynamoUse('api/requests');
  const { status, body } = await api(`/api/requests?${new URLSearchParams(query)}`, { token: who.token });
  expect(status).toBe(200);
  const { calls, capacity } = await dynamoUse('api/requests');
  return { calls, capacity, items: (body as { items: unknown[] }).items.length };
}

/** Requests of another time (2020 on), so they sort after everything the other tests create. */
async function seedRequests(tenantId: string, clientId: string, count: number, from = 0) {
  const items = Array.from({ length: count }, (_, n) => {
    const i = from + n;
    const createdAt = new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString();
    return {
      tenantId, requestId: randomUUID(), reference: `SR-S${i}`, clientId, clientName: 'Scale Client', serviceId: 'svc-scale', serviceName: 'Scale',
      title: `Seeded request number ${i}`, status: (['submitted', 'in_review', 'completed'] as const)[i % 3]!, priority: (['low', 'medium', 'high'] as const)[i % 3]!,
      currency: 'USD', createdAt, updatedAt: createdAt, version: 1,
    };
  });
  await database().entities.serviceRequest.put(items).go({ concurrent: 4 });
}

describe('a request list page', () => {
  const queries: Record<string, string>[] = [{ limit: '25' }, { limit: '25', status: 'submitted' }, { limit: '25', priority: 'high' }, { limit: '25', q: 'number 1' }];

  it('costs the same DynamoDB calls and read capacity with thousands of requests in two firms as with ten', { timeout: 180_000 }, async () => {
    const [admin, john] = await Promise.all([signIn('hello@designpi.com'), signIn('john@example.com')]);
    const measure = async () => {
      const costs = [];
      for (const q of queries) costs.push(await listPage(admin, q));
      return costs;
    };
    await seedRequests('t-designpi', john.userId, 10);
    const ten = await measure();
    await seedRequests('t-designpi', john.userId, 3000, 10);
    await seedRequests('t-northwind', 'someone-else', 1000);
    const thousands = await measure();
    await seedRequests('t-designpi', john.userId, 3000, 3010);
    const twiceAsMany = await measure();
    for (const [i, q] of queries.entries()) {
      // Sign-in checks (user, revoked token, firm) and exactly one Query, at any size.
      for (const cost of [ten[i]!, thousands[i]!, twiceAsMany[i]!]) expect(cost.calls).toEqual(['GetItem', 'GetItem', 'GetItem', 'Query']);
      // A full page costs what a full page costs, whether the firm has 3,000 requests or 6,000.
      expect(twiceAsMany[i]!.capacity).toBe(thousands[i]!.capacity);
      expect(thousands[i]!.capacity).toBeLessThan(10);
      // The figures, for the record (the assertions above are what must hold).
      console.warn(`GET /api/requests?${new URLSearchParams(q)}: 4 calls; ${ten[i]!.capacity} / ${thousands[i]!.capacity} / ${twiceAsMany[i]!.capacity} RCU with 10 / ~3,000 / ~6,000 requests`);
    }
  });
});
