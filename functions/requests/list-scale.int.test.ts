/**
 * A list page costs the same whatever the data size: counted, not timed. The handler runs in
 * this process against the stack's table; a middleware on the one DynamoDB client counts the
 * calls and the read capacity they consume.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { throughCloudFront } from '../../infra/local/gateway.ts';
import { signIn, type Signed } from '../../infra/local/test-client.ts';
import { database } from '../../shared/db/all-entities.ts';
import { dynamoClient } from '../../shared/db/client.ts';
import { verifiedClaims } from '../lib/jwt-verifier.ts';
import { handler } from './http/requests.ts';

const calls: string[] = [];
let capacity = 0;

beforeAll(() => {
  dynamoClient().middlewareStack.add(
    (next, context) => async (args) => {
      calls.push(context.commandName ?? '?');
      const input = args.input as { ReturnConsumedCapacity?: string };
      input.ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] }).ConsumedCapacity;
      for (const c of [consumed ?? []].flat()) capacity += c.CapacityUnits ?? 0;
      return result;
    },
    { step: 'initialize', name: 'countCalls' },
  );
});

/** One list request as API Gateway would deliver it; returns what it cost. */
async function listPage(who: Signed, query: Record<string, string>) {
  calls.length = 0;
  capacity = 0;
  const event = {
    version: '2.0',
    routeKey: 'GET /api/requests',
    rawPath: '/api/requests',
    rawQueryString: new URLSearchParams(query).toString(),
    headers: throughCloudFront({}, '127.0.0.1', process.env.ORIGIN_SECRET!),
    queryStringParameters: query,
    requestContext: {
      requestId: randomUUID(),
      authorizer: { jwt: { claims: await verifiedClaims(who.token), scopes: [] } },
      http: { method: 'GET', path: '/api/requests', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'scale-test' },
    },
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
  const result = (await handler(event, {
    awsRequestId: randomUUID(),
    getRemainingTimeInMillis: () => 10_000,
  } as unknown as Context)) as APIGatewayProxyStructuredResultV2;
  expect(result.statusCode).toBe(200);
  return { calls: [...calls], capacity, items: (JSON.parse(String(result.body)) as { items: unknown[] }).items.length };
}

/** Requests of another time (2020 on), so they sort after everything the other tests create. */
async function seedRequests(tenantId: string, clientId: string, count: number, from = 0) {
  const items = Array.from({ length: count }, (_, n) => {
    const i = from + n;
    const createdAt = new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString();
    return {
      tenantId,
      requestId: randomUUID(),
      reference: `SR-S${i}`,
      clientId,
      clientName: 'Scale Client',
      serviceId: 'svc-scale',
      serviceName: 'Scale',
      title: `Seeded request number ${i}`,
      status: (['submitted', 'in_review', 'completed'] as const)[i % 3]!,
      priority: (['low', 'medium', 'high'] as const)[i % 3]!,
      currency: 'USD',
      createdAt,
      updatedAt: createdAt,
      version: 1,
    };
  });
  await database().entities.serviceRequest.put(items).go({ concurrent: 4 });
}

describe('a request list page', () => {
  const queries: Record<string, string>[] = [
    { limit: '25' },
    { limit: '25', status: 'submitted' },
    { limit: '25', priority: 'high' },
    { limit: '25', q: 'number 1' },
    { limit: '25', sort: 'deadline', order: 'desc' },
    { limit: '25', sort: 'priority', priority: 'high' },
  ];

  it('costs the same DynamoDB calls and read capacity with thousands of requests in two firms as with ten', { timeout: 180_000 }, async () => {
    const [admin, john] = await Promise.all([signIn('hello@designpi.com'), signIn('john.doe@example.com')]);
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
      // Sign-in checks (user, revoked token, firm) beside the call's count in the firm's usage (ADR 0035), and exactly one Query, at any size.
      for (const cost of [ten[i]!, thousands[i]!, twiceAsMany[i]!])
        expect(cost.calls).toEqual(['GetItemCommand', 'GetItemCommand', 'GetItemCommand', 'UpdateItemCommand', 'QueryCommand']);
      // A full page costs what a full page costs, whether the firm has 3,000 requests or 6,000.
      expect(twiceAsMany[i]!.capacity).toBe(thousands[i]!.capacity);
      expect(thousands[i]!.capacity).toBeLessThan(10);
      // The figures, for the record (the assertions above are what must hold).
      console.warn(
        `GET /api/requests?${new URLSearchParams(q)}: 5 calls (1 Query); ${ten[i]!.capacity} / ${thousands[i]!.capacity} / ${twiceAsMany[i]!.capacity} RCU with 10 / ~3,000 / ~6,000 requests`,
      );
    }
  });
});
