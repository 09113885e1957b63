/**
 * The local stand-in for the DynamoDB Streams → Lambda trigger: polls the table's stream
 * (DynamoDB Local serves the real Streams API) and hands batches to the stream router in the
 * Lambda event shape, retrying a batch's failed records as the event source mapping would.
 */
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type _Record } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { LOCAL_AWS } from './dynamo.ts';

const POLL_MS = 200;
type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;

export interface StreamPoller {
  stop: () => void;
}

const toLambdaRecord = (r: _Record, streamArn: string): DynamoDBRecord =>
  ({ ...r, eventSource: 'aws:dynamodb', awsRegion: LOCAL_AWS.region, eventSourceARN: streamArn }) as unknown as DynamoDBRecord;

export async function startStreamPoller(endpoint: string, tableName: string, log: (line: string) => void, deadLetter: (queue: string, body: unknown) => void): Promise<StreamPoller> {
  const streams = new DynamoDBStreamsClient({ ...LOCAL_AWS, endpoint });
  const { Table } = await new DynamoDBClient({ ...LOCAL_AWS, endpoint }).send(new DescribeTableCommand({ TableName: tableName }));
  const streamArn = Table!.LatestStreamArn!;
  const { handler } = (await import('../../functions/events/stream-router.ts')) as { handler: StreamHandler };

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
      const failed = new Set((await handler({ Records: batch })).batchItemFailures.map((f) => f.itemIdentifier));
      batch = batch.filter((r) => failed.has(r.dynamodb!.SequenceNumber!));
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
        const records = (result.Records ?? []).map((r) => toLambdaRecord(r, streamArn));
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
