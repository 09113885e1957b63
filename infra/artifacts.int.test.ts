/**
 * The artifact test: every function the synthesized app deploys runs in the test stack from
 * its bundle in the cloud assembly, with its template's environment, and answers one real
 * event of its kind (infra/local/sample-events.ts) without an error or a 5xx. A failure names
 * the function.
 */
import { describe, expect, inject, it } from 'vitest';
import { API_LAMBDA_NAMES, type ApiLambda } from '../shared/api/operations.ts';
import { LAMBDA_ENTRIES } from './bundling/lambda.ts';
import { SAMPLE_CALLER, sampleEvent, sampleHttpEvent, sampleRoute } from './local/sample-events.ts';
import { api, invoke, signIn } from './local/test-client.ts';

const deployed = inject('deployedFunctions');

it('runs exactly the functions the bundler builds', () => {
  expect([...deployed].sort()).toEqual(LAMBDA_ENTRIES.map(([name]) => name).sort());
});

describe.each(API_LAMBDA_NAMES)('api/%s', (lambda: ApiLambda) => {
  it('refuses a request that did not come through CloudFront (no origin secret, or a wrong one)', async () => {
    const route = sampleRoute(lambda);
    const event = sampleHttpEvent(route, undefined) as { headers: Record<string, string> };
    for (const secret of [undefined, 'guessed-'.repeat(6)]) {
      const { 'x-origin-verify': _, ...headers } = event.headers;
      const result = (await invoke(`api/${lambda}`, { ...event, headers: secret ? { ...headers, 'x-origin-verify': secret } : headers })) as {
        statusCode: number;
        body: string;
      };
      expect(result.statusCode, `api/${lambda}: ${result.body}`).toBe(403);
    }
  });

  it('answers a route of its own through the gateway without a 5xx', async () => {
    const { op, url, body } = sampleRoute(lambda);
    const token = op.access === 'public' ? undefined : (await signIn(SAMPLE_CALLER)).token;
    const response = await api(url, { method: op.method, token, body });
    expect(response.status, `api/${lambda} ${op.method} ${op.path} answered ${response.status}: ${JSON.stringify(response.body)}`).toBeLessThan(500);
  });
});

describe.each(deployed.filter((name) => !name.startsWith('api/')))('%s', (name) => {
  // A migration job walks every firm's clients and their records, which the files before this one made many of.
  it('answers its sample event without an error', { timeout: 60_000 }, async () => {
    const result = await invoke(name, sampleEvent(name));
    if (name === 'events/stream-router') expect(result).toEqual({ batchItemFailures: [] });
    if (name === 'ws/authorizer')
      expect((result as { policyDocument: { Statement: { Effect: string }[] } }).policyDocument.Statement.map((s) => s.Effect)).toEqual(['Deny']);
    if (name === 'ws/routes') expect(result).toEqual({ statusCode: 200 });
    if (name.startsWith('jobs/')) expect(result).toEqual(expect.any(Object));
  });
});
