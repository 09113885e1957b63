/**
 * The local EventBridge: answers the PutEvents API (so the stream router's SDK call is the
 * same as in AWS), matches each event against the rules CDK deploys, and invokes the
 * consumers' deployed bundles asynchronously with EventBridge's event shape. An event a consumer
 * fails on is tried three times, as Lambda retries an asynchronous invocation twice, then kept in
 * the consumer's dead-letter queue (infra/local/sqs.ts), as its on-failure destination in AWS.
 */
import type { EventBridgeEvent } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { matchesPattern } from '../../shared/events/pattern.ts';
import { RULES, consumerFailures } from '../../shared/events/rules.ts';
import type { LocalLambda } from './lambda-runtime.ts';

const ATTEMPTS = 3;

export interface LocalBus {
  endpoint: string;
  close: () => Promise<void>;
}

interface PutEventsEntry {
  Source: string;
  DetailType: string;
  Detail: string;
  Time?: number | string;
  EventBusName?: string;
}

export function startEventBus(
  port: number,
  lambda: LocalLambda,
  log: (line: string) => void,
  deadLetter: (queue: string, body: unknown) => void,
): Promise<LocalBus> {
  async function deliver(rule: (typeof RULES)[number], event: EventBridgeEvent<string, unknown>) {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        await lambda.invoke(`events/${rule.consumer}`, event);
        return;
      } catch (error) {
        if (attempt === ATTEMPTS) {
          log(`event ${event['detail-type']} → ${rule.consumer} failed ${ATTEMPTS} times; dead-lettered: ${String(error)}`);
          deadLetter(consumerFailures(rule.consumer), { requestPayload: event, responsePayload: { errorMessage: String(error) } });
        } else {
          await new Promise((r) => setTimeout(r, 100 * attempt));
        }
      }
    }
  }

  function publish(entry: PutEventsEntry): string {
    const id = randomUUID();
    const time = entry.Time === undefined ? new Date() : new Date(typeof entry.Time === 'number' ? entry.Time * 1000 : entry.Time);
    const event: EventBridgeEvent<string, unknown> = {
      version: '0',
      id,
      'detail-type': entry.DetailType,
      source: entry.Source,
      account: '000000000000',
      time: time.toISOString(),
      region: process.env.AWS_REGION ?? 'us-east-1',
      resources: [],
      detail: JSON.parse(entry.Detail),
    };
    // AWS services put their events on the account's default bus; the portal's go on its own.
    const onDefaultBus = !entry.EventBusName || entry.EventBusName === 'default';
    for (const rule of RULES) {
      if ((rule.bus === 'default') !== onDefaultBus) continue;
      // Asynchronous, as EventBridge invokes targets: PutEvents does not wait for consumers.
      if (matchesPattern(rule.pattern, event as unknown as Record<string, unknown>)) void deliver(rule, event);
    }
    return id;
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = req.headers['x-amz-target'];
      if (target === 'AWSEvents.DescribeEventBus') {
        const { Name = 'default' } = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { Name?: string };
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify({ Name, Arn: `arn:aws:events:us-east-1:000000000000:event-bus/${Name}` }));
        return;
      }
      if (target !== 'AWSEvents.PutEvents') {
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(
          JSON.stringify({ __type: 'UnknownOperationException', message: `Only PutEvents and DescribeEventBus are served locally, not ${String(target)}` }),
        );
        return;
      }
      const { Entries = [] } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { Entries?: PutEventsEntry[] };
      const results = Entries.map((entry) => ({ EventId: publish(entry) }));
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify({ FailedEntryCount: 0, Entries: results }));
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({
        endpoint: `http://127.0.0.1:${port}`,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    );
  });
}
