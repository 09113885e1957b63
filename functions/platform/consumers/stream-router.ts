/**
 * DynamoDB stream → event bus. New outbox items (written in the same transaction as the change
 * they announce) are published to EventBridge; a failed entry is reported back so the stream
 * retries only that record (ReportBatchItemFailures).
 */
import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { config, eventsConfig } from '../../../shared/config.ts';
import { EVENT_SOURCE } from '../../../shared/events/rules.ts';

const BATCH = 10; // PutEvents takes at most 10 entries

let client: EventBridgeClient | undefined;
const bus = () => {
  const { EVENTBRIDGE_ENDPOINT } = eventsConfig();
  client ??= new EventBridgeClient({ region: config().AWS_REGION, ...(EVENTBRIDGE_ENDPOINT && { endpoint: EVENTBRIDGE_ENDPOINT }) });
  return client;
};

interface OutboxItem {
  tenantId: string;
  eventId: string;
  type: string;
  at: string;
  detail: Record<string, unknown>;
}

function outboxItem(record: DynamoDBRecord): OutboxItem | undefined {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || image?.__edb_e__?.S !== 'outbox') return undefined;
  return unmarshall(image as Record<string, AttributeValue>) as OutboxItem;
}

export function toBusEntry(item: OutboxItem): PutEventsRequestEntry {
  return {
    EventBusName: eventsConfig().EVENT_BUS_NAME,
    Source: EVENT_SOURCE,
    DetailType: item.type,
    Time: new Date(item.at),
    Detail: JSON.stringify({ ...item.detail, tenantId: item.tenantId, eventId: item.eventId, at: item.at }),
    // This invocation's X-Ray trace (set by Lambda when tracing is on): the bus carries it to the consumers.
    ...(process.env._X_AMZN_TRACE_ID && { TraceHeader: process.env._X_AMZN_TRACE_ID }),
  };
}

export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const pending = event.Records.flatMap((record) => {
    const item = outboxItem(record);
    return item ? [{ record, entry: toBusEntry(item) }] : [];
  });
  const failures: string[] = [];
  for (let i = 0; i < pending.length; i += BATCH) {
    const batch = pending.slice(i, i + BATCH);
    const result = await bus()
      .send(new PutEventsCommand({ Entries: batch.map((p) => p.entry) }))
      .catch(() => ({ Entries: batch.map(() => ({ ErrorCode: 'SendFailed' })) }));
    result.Entries?.forEach((entry, j) => {
      if (entry.ErrorCode) failures.push(batch[j]!.record.dynamodb!.SequenceNumber!);
    });
  }
  return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })) };
}
