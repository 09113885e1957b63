/**
 * On demand (ADR 0031): the file names typed on requests before documents existed become the
 * requests' attachments, as named only (nothing was ever uploaded). Safe to run again, and
 * alongside itself or edits: it reads only requests that still hold names, and moves them on
 * the condition that they still do.
 */
import { ConditionalCheckFailedException, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { Logger } from '@aws-lambda-powertools/logger';
import { dynamoClient } from '../../../shared/db/client.ts';
import { ServiceRequest } from '../../../shared/db/entities/service-request.ts';
import { Tenant } from '../../../shared/db/entities/tenant.ts';
import { allPages } from '../../../shared/db/pagination.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import type { JobEvent, JobResult } from '../../../shared/schedules.ts';

const database = databaseOf({ tenant: Tenant, request: ServiceRequest });
const logger = new Logger({ serviceName: 'migrate-attachments' });

type Result = { firms: number; requests: number; names: number; movedMeanwhile: number };

/** A plain update, so that the request's version and `updatedAt` stay as they were: nobody changed what was asked. */
async function moveNames(key: { tenantId: string; requestId: string }, names: readonly string[]): Promise<void> {
  const { Key, TableName } = database().entities.request.get(key).params() as { Key: Record<string, string>; TableName: string };
  await dynamoClient().send(
    new UpdateItemCommand({
      TableName,
      Key: marshall(Key),
      UpdateExpression: 'SET attachedDocuments = list_append(if_not_exists(attachedDocuments, :none), :named) REMOVE attachments',
      ConditionExpression: 'attribute_exists(attachments)',
      ExpressionAttributeValues: marshall({ ':none': [], ':named': names.map((name) => ({ name })) }),
    }),
  );
}

async function migrateFirm(tenantId: string, result: Result): Promise<void> {
  const withNames = (cursor: string | null) =>
    database()
      .entities.request.query.byFirm({ tenantId })
      .where(({ attachments }, { exists }) => exists(attachments))
      .go({ cursor, limit: 100 });
  for await (const requests of allPages(withNames)) {
    for (const { requestId, attachments = [] } of requests) {
      try {
        await moveNames({ tenantId, requestId }, attachments);
        result.requests++;
        result.names += attachments.length;
      } catch (error) {
        // Another run moved them first.
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        result.movedMeanwhile++;
      }
    }
  }
}

export async function handler(_event: JobEvent): Promise<JobResult> {
  const result: Result = { firms: 0, requests: 0, names: 0, movedMeanwhile: 0 };
  for await (const firms of allPages((cursor) => database().entities.tenant.query.directory({}).go({ cursor, limit: 100 }))) {
    for (const firm of firms) {
      result.firms++;
      await migrateFirm(firm.tenantId, result);
    }
  }
  logger.info('attachments migrated', result);
  return result;
}
