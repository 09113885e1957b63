/**
 * The system's health: each part is asked through its real API (locally the stand-ins answer
 * the same calls), in parallel, each with a time limit. Failing parts are reported with the
 * error's name, never its internals. A firm's admin sees whether each part works and the
 * firm's own figures; figures of the whole platform (the shared table's size, dead-letter
 * queues, email sent by every firm) are for the platform operator (SUPER_ADMIN) only.
 */
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DescribeEventBusCommand, EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { GetAccountCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { SYSTEM_OPERATIONS } from '../../../shared/api/operations/system.ts';
import { SYSTEM_SCHEMAS, type HealthCheck } from '../../../shared/api/schemas/system.ts';
import { config, eventsConfig, healthConfig, mailConfig } from '../../../shared/config.ts';
import { dynamoClient } from '../../../shared/db/client.ts';
import { Connection } from '../../../shared/db/entities/connection.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { actorFromClaims } from '../../lib/auth.ts';
import { contextHandler, type ReplyOf, type RequestOf } from '../../lib/http.ts';

const TIME_LIMIT_MS = 3000;
const database = databaseOf({ connection: Connection });

type Facts = HealthCheck['facts'];

/** Runs one check: ok unless it throws, or says so, or takes longer than the limit. */
async function check(name: HealthCheck['name'], probe: () => Promise<{ ok?: boolean; facts: Facts }>): Promise<HealthCheck> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('TimedOut')), TIME_LIMIT_MS)));
  try {
    const { ok = true, facts } = await Promise.race([probe(), limit]);
    return { name, ok, latencyMs: Date.now() - started, facts };
  } catch (error) {
    const label = error instanceof Error ? (error.name === 'Error' ? error.message : error.name) : 'Unknown';
    return { name, ok: false, latencyMs: Date.now() - started, facts: {}, error: label.slice(0, 80) };
  } finally {
    clearTimeout(timer);
  }
}

const region = () => config().AWS_REGION;

/** Every dead-letter queue's depth: work that failed every retry, across all firms. */
const queuesCheck = () =>
  check('queues', async () => {
    const { DEAD_LETTER_QUEUES, SQS_ENDPOINT } = healthConfig();
    const sqs = new SQSClient({ region: region(), ...(SQS_ENDPOINT && { endpoint: SQS_ENDPOINT }) });
    const depths = await Promise.all(
      Object.entries(JSON.parse(DEAD_LETTER_QUEUES) as Record<string, string>).map(async ([queue, url]) => {
        const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages'] }));
        return [queue, Number(Attributes?.ApproximateNumberOfMessages ?? 0)] as const;
      }),
    );
    // Anything in a dead-letter queue is work that failed every retry: someone must look.
    return { ok: depths.every(([, depth]) => depth === 0), facts: Object.fromEntries(depths) };
  });

async function getSystemHealth(req: RequestOf<'getSystemHealth'>): Promise<ReplyOf<'getSystemHealth'>> {
  const { tenantId, role } = req.actor;
  const platform = role === 'SUPER_ADMIN';
  const checks = await Promise.all([
    check('table', async () => {
      const { Table } = await dynamoClient().send(new DescribeTableCommand({ TableName: config().TABLE_NAME }));
      const status = Table?.TableStatus ?? 'unknown';
      const facts: Facts = platform ? { status, items: Table?.ItemCount ?? 0 } : { status };
      return { ok: status === 'ACTIVE', facts };
    }),
    check('bus', async () => {
      const { EVENT_BUS_NAME, EVENTBRIDGE_ENDPOINT } = eventsConfig();
      const bus = await new EventBridgeClient({ region: region(), ...(EVENTBRIDGE_ENDPOINT && { endpoint: EVENTBRIDGE_ENDPOINT }) }).send(
        new DescribeEventBusCommand({ Name: EVENT_BUS_NAME }),
      );
      return { facts: { name: bus.Name ?? EVENT_BUS_NAME } };
    }),
    ...(platform ? [queuesCheck()] : []),
    check('realtime', async () => {
      const now = Math.floor(Date.now() / 1000);
      const { data } = await database()
        .entities.connection.query.byTenant({ tenantId })
        .go({ pages: 'all', attributes: ['expiresAt'] });
      return { facts: { connections: data.filter((c) => c.expiresAt > now).length } };
    }),
    check('mail', async () => {
      const { SES_ENDPOINT } = mailConfig();
      const account = await new SESv2Client({ region: region(), ...(SES_ENDPOINT && { endpoint: SES_ENDPOINT }) }).send(new GetAccountCommand({}));
      return {
        ok: account.SendingEnabled === true,
        facts: {
          sending: account.SendingEnabled === true,
          ...(platform && { sentLast24Hours: account.SendQuota?.SentLast24Hours ?? 0, max24HourSend: account.SendQuota?.Max24HourSend ?? 0 }),
        },
      };
    }),
  ]);
  return { body: { ok: checks.every((c) => c.ok), checkedAt: new Date().toISOString(), checks } };
}

export const handler = contextHandler({ routes: SYSTEM_OPERATIONS, schemas: SYSTEM_SCHEMAS, operations: { getSystemHealth }, authenticate: actorFromClaims });
