/**
 * Every 30 minutes (ADR 0029): file versions whose scan ended without a verdict (GuardDuty's
 * UNSUPPORTED, ACCESS_DENIED or FAILED) are sent to GuardDuty again; the result arrives on the
 * bus like any other, and the third failure makes the version unscannable (document-scans).
 * A version still waiting for its first result after WAIT_MINUTES whose file did arrive lost
 * its result, and is sent again too. Sending twice is harmless: results fold in any order.
 * Per firm: one Query a page for each of the two statuses.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { DocumentVersion } from '../../../shared/db/entities/document.ts';
import { Tenant } from '../../../shared/db/entities/tenant.ts';
import { allPages } from '../../../shared/db/pagination.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import type { JobEvent, JobResult } from '../../../shared/schedules.ts';
import { objectArrived, requestScan } from '../files.ts';

const database = databaseOf({ tenant: Tenant, version: DocumentVersion });
const logger = new Logger({ serviceName: 'rescan-documents' });

/** How long a first result may take before it is taken as lost (GuardDuty's take seconds to minutes). */
export const WAIT_MINUTES = 30;

export async function handler(event: JobEvent): Promise<JobResult> {
  const waitedSince = new Date(Date.parse(event.scheduledAt) - WAIT_MINUTES * 60_000).toISOString();
  const result = { firms: 0, failedScans: 0, lostResults: 0, neverArrived: 0 };
  const { tenant, version } = database().entities;
  for await (const firms of allPages((cursor) => tenant.query.directory({}).go({ cursor, limit: 100 }))) {
    for (const { tenantId } of firms) {
      result.firms++;
      for await (const failed of allPages((cursor) => version.query.byStatus({ tenantId, status: 'scanning' }).go({ cursor, limit: 100 }))) {
        for (const v of failed) await requestScan(v.objectKey);
        result.failedScans += failed.length;
      }
      const waiting = (cursor: string | null) =>
        version.query.byStatus({ tenantId, status: 'uploading' }).lt({ createdAt: waitedSince }).go({ cursor, limit: 100 });
      for await (const page of allPages(waiting)) {
        for (const v of page) {
          if (await objectArrived(v.objectKey)) {
            await requestScan(v.objectKey);
            result.lostResults++;
          } else result.neverArrived++;
        }
      }
    }
  }
  logger.info('rescans asked', { scheduledAt: event.scheduledAt, ...result });
  return result;
}
