/**
 * The local stand-in for the DynamoDB Streams → Lambda trigger: polls the table's stream
 * (DynamoDB Local serves the real Streams API), keeps the records the deployed filter lets
 * through and hands them to the stream router's bundle in the Lambda event shape, retrying a
 * batch's failed records (the partial-batch response) as the event source mapping would.
 */
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type _Record } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { matchesPattern } from '../../shared/events/pattern.ts';
import { OUTBOX_STREAM_FILTER } from '../../shared/events/rules.ts';
import { LOCAL_AWS } from './dynamo.ts';
import type { LocalLambda } from './lambda-runtime.ts';

const POLL_MS = 200;

export interface StreamPoller {
  stop: () => void;
}

const toLambdaRecord = (r: _Record, streamArn: string): DynamoDBRecord =>
  ({ ...r, eventSource: 'aws:dynamodb', awsRegion: LOCAL_AWS.region, eventSourceARN: streamArn }) as unknown as DynamoDBRecord;

export async function startStreamPoller(
  endpoint: string,
  tableName: string,
  lambda: LocalLambda,
  log: (line: string) => void,
  deadLetter: (queue: string, body: unknown) => void,
): Promise<StreamPoller> {
  const streams = new DynamoDBStreamsClient({ ...LOCAL_AWS, endpoint });
  const { Table } = await new DynamoDBClient({ ...LOCAL_AWS, endpoint }).send(new DescribeTableCommand({ TableName: tableName }));
  const streamArn = Table!.LatestStreamArn!;
  const route = (event: DynamoDBStreamEvent) => lambda.invoke<DynamoDBBatchResponse | null>('events/stream-router', event);

  const iterators = new Map<string, string | undefined>(); // shardId → next iterator (undefined: closed)
  let stopped = false;
  let started = false;

  async function discoverShards() {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of StreamDescription?.Shards ?? []) {
      if (iterators.has(shard.ShardId!)) continue;
      // Shards open at start are read from now on; shards that appear later from their start.
      const type = started ? 'TRIM_HORIZON' : 'LATEST';
      const { ShardIterator } = await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId!, ShardIteratorType: type }));
      iterators.set(shard.ShardId!, ShardIterator);
    }
  }

  async function deliver(records: DynamoDBRecord[]) {
    let batch = records;
    for (let attempt = 1; batch.length && attempt <= 3; attempt++) {
      // A failed invocation retries the whole batch; a partial-batch response only its failures.
      const response = await route({ Records: batch }).catch((error: unknown) => (log(String(error)), undefined));
      const failed = response === undefined ? undefined : new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
      if (failed) batch = batch.filter((r) => failed.has(r.dynamodb!.SequenceNumber!));
    }
    if (batch.length) {
      log(`stream router gave up on ${batch.length} record(s); dead-lettered`);
      // As the Lambda event source's on-failure destination records them: the batch's shard and range.
      deadLetter('stream-router', { records: batch.map((r) => r.dynamodb!.SequenceNumber) });
    }
  }

  async function poll() {
    await discoverShards();
    started = true;
    let rounds = 0;
    while (!stopped) {
      for (const [shardId, iterator] of iterators) {
        if (!iterator) continue;
        const result = await streams.send(new GetRecordsCommand({ ShardIterator: iterator })).catch((e: unknown) => {
          log(`stream read failed: ${String(e)}`);
          return { Records: [], NextShardIterator: iterator };
        });
        iterators.set(shardId, result.NextShardIterator);
        const records = (result.Records ?? [])
          .map((r) => toLambdaRecord(r, streamArn))
          .filter((r) => matchesPattern(OUTBOX_STREAM_FILTER, r as unknown as Record<string, unknown>));
        if (records.length) await deliver(records).catch((e: unknown) => log(`stream router failed: ${String(e)}`));
      }
      if (++rounds % 25 === 0) await discoverShards().catch(() => undefined);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  void poll();
  return {
    stop: () => {
      stopped = true;
    },
  };
}
