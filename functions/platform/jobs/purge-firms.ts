/**
 * Daily: purges each firm whose deletion has come (ADR 0039): its people's sign-in identities,
 * every version of its files (`t/<firm>/` of the documents bucket) and its closing export
 * (`closing/<firm>/` of the uploads bucket), then every item of its partitions, the firm's own
 * last; its slug's claim is marked purged and the platform's log says so. A purge that fails
 * part-way is finished the next day (the firm is still found, still due). Never a request path.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { BatchWriteItemCommand, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { DeleteObjectsCommand, ListObjectVersionsCommand, S3Client } from '@aws-sdk/client-s3';
import { marshall } from '@aws-sdk/util-dynamodb';
import { config, storageConfig } from '../../../shared/config.ts';
import { dynamoClient } from '../../../shared/db/client.ts';
import { AuditEntry } from '../../../shared/db/entities/audit-entry.ts';
import { OutboxEvent } from '../../../shared/db/entities/outbox-event.ts';
import { SlugClaim } from '../../../shared/db/entities/slug-claim.ts';
import { Tenant } from '../../../shared/db/entities/tenant.ts';
import { firmItems } from '../../../shared/db/firm-items.ts';
import { auditAndEvent, commitTransaction } from '../../../shared/db/mutation.ts';
import { allPages } from '../../../shared/db/pagination.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { SYSTEM_ACTOR } from '../../../shared/domain/audit/actor.ts';
import { CLOSING_PREFIX, purgeIsDue } from '../../../shared/domain/platform/deletion.ts';
import { PLATFORM_TENANT_ID } from '../../../shared/domain/platform/firms.ts';
import type { JobEvent, JobResult } from '../../../shared/schedules.ts';
import { bucket, s3 } from '../../documents/files.ts';
import { deleteIdentityOf } from '../../identity/cognito.ts';

const database = databaseOf({ tenant: Tenant, slugClaim: SlugClaim, audit: AuditEntry, outbox: OutboxEvent });
const logger = new Logger({ serviceName: 'purge-firms' });

/** Every version of every object under `prefix` (delete markers too): a versioned bucket keeps removed files otherwise. */
async function removeAllUnder(client: S3Client, Bucket: string, prefix: string): Promise<number> {
  let removed = 0;
  let from: { KeyMarker?: string; VersionIdMarker?: string } = {};
  for (;;) {
    const page = await client.send(new ListObjectVersionsCommand({ Bucket, Prefix: prefix, ...from }));
    const Objects = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].map(({ Key, VersionId }) => ({ Key: Key!, VersionId }));
    if (Objects.length) {
      const { Errors } = await client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects, Quiet: true } }));
      if (Errors?.length) throw new Error(`${Errors.length} objects under ${prefix} were not removed: ${Errors[0]!.Code} ${Errors[0]!.Message}`);
      removed += Objects.length;
    }
    if (!page.IsTruncated) return removed;
    from = { KeyMarker: page.NextKeyMarker, VersionIdMarker: page.NextVersionIdMarker };
  }
}

/** Deletes these items, 25 to a batch, again for what DynamoDB leaves unprocessed. */
async function deleteItems(keys: { pk: string; sk: string }[]): Promise<void> {
  const table = config().TABLE_NAME;
  for (let i = 0; i < keys.length; i += 25) {
    let writes: WriteRequest[] = keys.slice(i, i + 25).map((key) => ({ DeleteRequest: { Key: marshall(key) } }));
    for (let attempt = 1; writes.length; attempt++) {
      if (attempt > 6) throw new Error(`${writes.length} items were not deleted`);
      const { UnprocessedItems } = await dynamoClient().send(new BatchWriteItemCommand({ RequestItems: { [table]: writes } }));
      writes = UnprocessedItems?.[table] ?? [];
      if (writes.length) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
}

export async function purgeFirm(firm: { tenantId: string; slug: string; name: string }): Promise<{ items: number; files: number; identities: number }> {
  const { tenantId } = firm;
  const keys: { pk: string; sk: string }[] = [];
  let identities = 0;
  for await (const items of firmItems(tenantId))
    for (const item of items) {
      keys.push({ pk: String(item.pk), sk: String(item.sk) });
      if (item.__edb_e__ === 'user' && typeof item.email === 'string' && (await deleteIdentityOf(item.email, tenantId))) identities++;
    }
  const uploads = new S3Client({
    region: config().AWS_REGION,
    ...(storageConfig().S3_ENDPOINT && { endpoint: storageConfig().S3_ENDPOINT, forcePathStyle: true }),
  });
  const files =
    (await removeAllUnder(s3(), bucket(), `t/${tenantId}/`)) + (await removeAllUnder(uploads, storageConfig().UPLOADS_BUCKET, `${CLOSING_PREFIX}${tenantId}/`));
  // The firm's own item last: until it goes, tomorrow's run finds the firm and finishes.
  const isFirm = (k: { pk: string; sk: string }) => k.pk === `t#${tenantId}` && k.sk === 'tenant';
  await deleteItems(keys.filter((k) => !isFirm(k)));
  const purgedAt = new Date().toISOString();
  // Firms made before slugs were claimed (ADR 0035) have their claim made now.
  const { data: claim } = await database().entities.slugClaim.get({ slug: firm.slug }).go();
  await commitTransaction(database(), (entities) => [
    claim
      ? entities.slugClaim.patch({ slug: firm.slug }).set({ purgedAt }).commit()
      : entities.slugClaim.create({ slug: firm.slug, tenantId, purgedAt }).commit(),
    ...auditAndEvent(
      entities,
      { tenantId: PLATFORM_TENANT_ID, actorId: SYSTEM_ACTOR, actorRole: SYSTEM_ACTOR },
      {
        action: 'firm.purged',
        entityType: 'firm',
        entityId: tenantId,
        changes: [
          { field: 'name', from: firm.name, to: null },
          { field: 'records', from: keys.length, to: 0 },
          { field: 'files', from: files, to: 0 },
          { field: 'identities', from: identities, to: 0 },
        ],
      },
    ),
  ]);
  await deleteItems(keys.filter(isFirm));
  return { items: keys.length, files, identities };
}

export async function handler(event: JobEvent): Promise<JobResult> {
  const now = new Date(event.scheduledAt);
  const result = { firms: 0, purged: 0, items: 0, files: 0, identities: 0 };
  for await (const firms of allPages((cursor) => database().entities.tenant.query.directory({}).go({ cursor, limit: 100 }))) {
    for (const firm of firms) {
      result.firms++;
      if (!purgeIsDue(firm, now)) continue;
      const purged = await purgeFirm(firm);
      logger.info('firm purged', { tenantId: firm.tenantId, ...purged });
      result.purged++;
      result.items += purged.items;
      result.files += purged.files;
      result.identities += purged.identities;
    }
  }
  return result;
}
