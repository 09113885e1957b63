/**
 * Nightly: measures what each firm holds now, whole (ADR 0035): the people who may sign in, and
 * the bytes of its documents in the bucket (every key under `t/<firm>/`, so the figure is what
 * storage bills). Events keep the people count between nights; this puts right any drift.
 * Visits each firm through the directory index (never a request path); safe to run again.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { FirmUsage } from '../../../shared/db/entities/firm-usage.ts';
import { Tenant } from '../../../shared/db/entities/tenant.ts';
import { User } from '../../../shared/db/entities/user.ts';
import { allPages } from '../../../shared/db/pagination.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { PLATFORM_TENANT_ID, STANDING_PERIOD } from '../../../shared/domain/platform/firms.ts';
import type { JobEvent, JobResult } from '../../../shared/schedules.ts';
import { bucket, s3 } from '../../documents/files.ts';

const database = databaseOf({ tenant: Tenant, user: User, usage: FirmUsage });
const logger = new Logger({ serviceName: 'measure-usage' });

async function activePeople(tenantId: string): Promise<number> {
  let count = 0;
  for await (const people of allPages((cursor) =>
    database()
      .entities.user.query.byTenant({ tenantId })
      .go({ cursor, limit: 500, attributes: ['status'] }),
  ))
    count += people.filter((p) => p.status === 'active').length;
  return count;
}

async function storedBytes(tenantId: string): Promise<number> {
  let bytes = 0;
  let token: string | undefined;
  do {
    const page = await s3().send(new ListObjectsV2Command({ Bucket: bucket(), Prefix: `t/${tenantId}/`, ContinuationToken: token }));
    bytes += (page.Contents ?? []).reduce((sum, o) => sum + (o.Size ?? 0), 0);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return bytes;
}

/** Measures one firm and keeps the figures as what it holds now. */
export async function measureFirm(tenantId: string, at = new Date()): Promise<{ users: number; storageBytes: number }> {
  const [users, storageBytes] = await Promise.all([activePeople(tenantId), storedBytes(tenantId)]);
  await database().entities.usage.upsert({ tenantId, period: STANDING_PERIOD, users, storageBytes, measuredAt: at.toISOString() }).go();
  return { users, storageBytes };
}

export async function handler(event: JobEvent): Promise<JobResult> {
  const result = { firms: 0, users: 0, storageBytes: 0 };
  for await (const firms of allPages((cursor) => database().entities.tenant.query.directory({}).go({ cursor, limit: 100 }))) {
    for (const firm of firms.filter((f) => f.tenantId !== PLATFORM_TENANT_ID)) {
      const measured = await measureFirm(firm.tenantId, new Date(event.scheduledAt));
      result.firms++;
      result.users += measured.users;
      result.storageBytes += measured.storageBytes;
    }
  }
  logger.info('measured', result);
  return result;
}
