/**
 * One real event for each function the app deploys, of the kind AWS delivers to it: used by
 * the artifact test (infra/artifacts.int.test.ts) and the cold-start benchmark. Each must be
 * answered without an error or a 5xx against the local stack's seeded data.
 */
import { randomUUID } from 'node:crypto';
import { OPERATIONS, type ApiLambda, type OperationDef } from '../../shared/api/operations.ts';
import * as z from 'zod/mini';
import { EVENTS, type EventType } from '../../shared/events/catalogue.ts';
import type { JsonSchema } from '../../shared/events/catalogue-doc.ts';
import { EVENT_SOURCE, RULES, typesOf } from '../../shared/events/rules.ts';
import { httpApiEvent, throughCloudFront } from './gateway.ts';
import { jobInvocation } from './scheduler.ts';
import { scanResultDetail } from './scanner.ts';
import { DOCUMENTS_BUCKET } from './storage.ts';
import { objectKeyOf } from '../../shared/domain/documents/keys.ts';
import { SCAN_RESULT_DETAIL_TYPE, SCAN_RESULT_SOURCE } from '../../shared/domain/documents/scans.ts';

/** The seeded admin every signed-in sample calls as. */
export const SAMPLE_CALLER = 'hello@designpi.com';

export interface SampleRoute {
  op: OperationDef;
  /** Path with its parameters filled, and the demo firm named for public lists. */
  url: string;
  body?: string;
}

/** A list or health route of the Lambda where it has one; otherwise its first route, with an empty body. */
export function sampleRoute(lambda: ApiLambda): SampleRoute {
  const ops = OPERATIONS.filter((o) => o.lambda === lambda);
  const op = ops.find((o) => o.method === 'GET' && !o.path.includes('{')) ?? ops[0]!;
  const path = op.path.replace(/\{\w+\}/g, 'artifact-check');
  return op.method === 'GET' ? { op, url: `${path}?firm=designpi` } : { op, url: path, body: '{}' };
}

/** The HTTP API event the gateway would send for a sample route, with the JWT authorizer's claims. */
export function sampleHttpEvent({ op, url, body }: SampleRoute, claims?: Record<string, string>) {
  const params = Object.fromEntries([...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name!, 'artifact-check']));
  const headers = throughCloudFront({ 'content-type': 'application/json', 'user-agent': 'sample-event' }, '198.18.0.1', process.env.ORIGIN_SECRET ?? '');
  return httpApiEvent({ route: op, url: new URL(url, 'http://localhost'), headers, params, body, sourceIp: '198.18.0.1', claims });
}

/** A value of a field's schema that names nothing that exists: its set's first value, or an id of nothing. */
function placeholder(schema: JsonSchema): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf) return placeholder(schema.anyOf[0]!);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'object') return Object.fromEntries((schema.required ?? []).map((k) => [k, placeholder(schema.properties![k]!)]));
  return { number: 0, integer: 0, boolean: false, array: [], null: null }[type ?? ''] ?? 'artifact-check';
}

/** An EventBridge event of the function's rule: a detail that fits the catalogue, with the values its pattern asks, and ids of nothing (a consumer copes with what is gone). */
function ruleEvent(consumer: string) {
  const rule = RULES.find((r) => r.consumer === consumer)!;
  if (rule.bus === 'default') return scanResultEvent();
  const type = typesOf(rule)[0] as EventType;
  const required = Object.fromEntries(Object.entries((rule.pattern.detail ?? {}) as Record<string, unknown[]>).map(([k, v]) => [k, v[0]]));
  const fields = placeholder(z.toJSONSchema(EVENTS[type].detail, { io: 'input' }) as JsonSchema) as Record<string, unknown>;
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': type,
    source: EVENT_SOURCE,
    account: '000000000000',
    time: new Date().toISOString(),
    region: 'us-east-1',
    resources: [],
    detail: {
      ...fields,
      tenantId: 't-artifact',
      eventId: randomUUID(),
      at: new Date().toISOString(),
      entityId: randomUUID(),
      actorId: 'artifact-check',
      ...required,
    },
  };
}

/** GuardDuty's scan result for a document version that does not exist. */
function scanResultEvent() {
  const key = objectKeyOf({ tenantId: 't-artifact', documentId: randomUUID(), versionNo: 1 });
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': SCAN_RESULT_DETAIL_TYPE,
    source: SCAN_RESULT_SOURCE,
    account: '000000000000',
    time: new Date().toISOString(),
    region: 'us-east-1',
    resources: [],
    detail: scanResultDetail(DOCUMENTS_BUCKET, key, 'artifact-check', 'NO_THREATS_FOUND'),
  };
}

/** A DynamoDB Streams batch with one new outbox item of a type no rule takes. */
function outboxBatch() {
  const image = {
    pk: { S: 'artifact' },
    sk: { S: 'artifact' },
    __edb_e__: { S: 'outbox' },
    tenantId: { S: 't-artifact' },
    eventId: { S: randomUUID() },
    type: { S: 'artifact.checked' },
    at: { S: new Date().toISOString() },
    detail: { M: {} },
  };
  return {
    Records: [
      {
        eventID: '1',
        eventName: 'INSERT',
        eventVersion: '1.1',
        eventSource: 'aws:dynamodb',
        awsRegion: 'us-east-1',
        dynamodb: { Keys: { pk: image.pk, sk: image.sk }, NewImage: image, SequenceNumber: '100', SizeBytes: 100, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      },
    ],
  };
}

/** The event AWS hands a function that is not behind the HTTP API; undefined for HTTP API functions. */
export function sampleEvent(name: string): unknown {
  const [kind, which] = name.split('/') as [string, string];
  if (kind === 'events') return which === 'stream-router' ? outboxBatch() : ruleEvent(which);
  if (kind === 'jobs') return jobInvocation(which).event;
  if (name === 'ws/authorizer') {
    return {
      type: 'REQUEST',
      methodArn: 'arn:aws:execute-api:us-east-1:000000000000:api/ws/$connect',
      headers: {},
      queryStringParameters: { ticket: 'not-a-ticket' },
      requestContext: { routeKey: '$connect', eventType: 'CONNECT', connectionId: 'artifact' },
    };
  }
  if (name === 'ws/routes') {
    return {
      requestContext: {
        routeKey: '$disconnect',
        eventType: 'DISCONNECT',
        connectionId: `artifact-${randomUUID()}`,
        authorizer: { tenantId: 't-artifact', userId: 'artifact' },
        stage: 'ws',
        apiId: 'local',
        requestId: randomUUID(),
        requestTimeEpoch: Date.now(),
      },
      isBase64Encoded: false,
    };
  }
  return undefined;
}
