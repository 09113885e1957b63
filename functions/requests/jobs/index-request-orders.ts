/**
 * On demand (ADR 0028): requests written before the deadline and priority orders existed get
 * those orders' index keys, so that they appear in the lists sorted by deadline or priority.
 * Safe to run again, and alongside itself or edits: it reads only requests still without the
 * keys, and writes each on the condition that it has not changed since it was read.
 */
import { ConditionalCheckFailedException, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { Logger } from '@aws-lambda-powertools/logger';
import { dynamoClient } from '../../../shared/db/client.ts';
import { ServiceRequest } from '../../../shared/db/entities/service-request.ts';
import { Tenant } from '../../../shared/db/entities/tenant.ts';
import { allPages } from '../../../shared/db/pagination.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { TABLE_INDEXES } from '../../../shared/db/table.ts';
import type { JobEvent, JobResult } from '../../../shared/schedules.ts';

const database = databaseOf({ tenant: Tenant, request: ServiceRequest });
const logger = new Logger({ serviceName: 'index-request-orders' });

/** The deadline and priority orders' indexes (shared/db/entities/service-request.ts). */
const ORDER_INDEXES = TABLE_INDEXES.filter((i) => i.name === 'gsi6' || i.name === 'gsi7');

/** What the orders add to a request: their sort attributes and both keys of their indexes. */
const ORDER_FIELDS = ['deadlineOrder', 'priorityOrder', ...ORDER_INDEXES.flatMap((i) => [i.partitionKey, i.sortKey])];

const ORDER_PARTITION_KEYS = ORDER_INDEXES.map((i) => i.partitionKey);

type Request = Parameters<typeof ServiceRequest.create>[0] & { version: number };

/**
 * The request's order fields as ElectroDB makes them for a new request (the create is only
 * formatted, never sent), written with a plain update: a patch would leave out the indexes'
 * partition keys, whose attributes do not change, and would touch `updatedAt`.
 */
async function addOrderKeys(request: Request): Promise<void> {
  const { request: entity } = database().entities;
  const { Item, TableName } = entity.create(request).params() as { Item: Record<string, unknown>; TableName: string };
  const { Key } = entity.get({ tenantId: request.tenantId, requestId: request.requestId }).params() as { Key: Record<string, string> };
  const fields = Object.fromEntries(ORDER_FIELDS.map((field) => [field, Item[field]]));
  await dynamoClient().send(
    new UpdateItemCommand({
      TableName,
      Key: marshall(Key),
      UpdateExpression: `SET ${ORDER_FIELDS.map((f) => `#${f} = :${f}`).join(', ')}`,
      ConditionExpression: '#version = :version',
      ExpressionAttributeNames: Object.fromEntries([...ORDER_FIELDS, 'version'].map((f) => [`#${f}`, f])),
      ExpressionAttributeValues: marshall({ ...Object.fromEntries(ORDER_FIELDS.map((f) => [`:${f}`, fields[f]])), ':version': request.version }),
    }),
  );
}

async function indexFirm(tenantId: string, result: { requests: number; changedMeanwhile: number }): Promise<void> {
  const unindexed = (cursor: string | null) =>
    database()
      .entities.request.query.byFirm({ tenantId })
      // By the partition keys: an edit of an older request's deadline or priority writes the sort key, never these.
      .where(() => ORDER_PARTITION_KEYS.map((key) => `attribute_not_exists(${key})`).join(' OR '))
      .go({ cursor, limit: 100 });
  for await (const requests of allPages(unindexed)) {
    for (const request of requests) {
      try {
        await addOrderKeys(request);
        result.requests++;
      } catch (error) {
        // Edited since the read: the next run finds it again.
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        result.changedMeanwhile++;
      }
    }
  }
}

export async function handler(_event: JobEvent): Promise<JobResult> {
  const result = { firms: 0, requests: 0, changedMeanwhile: 0 };
  for await (const firms of allPages((cursor) => database().entities.tenant.query.directory({}).go({ cursor, limit: 100 }))) {
    for (const firm of firms) {
      result.firms++;
      await indexFirm(firm.tenantId, result);
    }
  }
  logger.info('request orders indexed', result);
  return result;
}
