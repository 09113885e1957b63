/**
 * Daily: reminds customers of the documents they were asked for and have not sent, first when
 * one is due within a few days, then every few days, overdue included (shared/domain/documents/requests.ts).
 * Each reminder is claimed with a write on the condition that the request is as read, so two
 * runs on one day, at once or one after the other, remind once; the claim's event has the
 * notifications consumer tell the contacts (bell, live, email). One Query a page per firm.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { AuditEntry } from '../../../shared/db/entities/audit-entry.ts';
import { DocumentRequest } from '../../../shared/db/entities/document-request.ts';
import { OutboxEvent } from '../../../shared/db/entities/outbox-event.ts';
import { Tenant } from '../../../shared/db/entities/tenant.ts';
import { auditAndEvent, commitTransaction } from '../../../shared/db/mutation.ts';
import { AppError } from '../../../shared/api/errors.ts';
import { allPages } from '../../../shared/db/pagination.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { SYSTEM_ACTOR } from '../../../shared/domain/audit/actor.ts';
import { addDays, REMIND_BEFORE_DAYS, remindToday } from '../../../shared/domain/documents/requests.ts';
import { daysAround } from '../../../shared/domain/notifications/deadlines.ts';
import type { JobEvent, JobResult } from '../../../shared/schedules.ts';
import type { DocumentRequestItem } from '../requests.ts';

const database = databaseOf({ tenant: Tenant, request: DocumentRequest, audit: AuditEntry, outbox: OutboxEvent });
const logger = new Logger({ serviceName: 'remind-document-requests' });

/** Claims today's reminder of the request, or learns that another run did. */
async function claim(request: DocumentRequestItem, today: string, correlationId: string): Promise<boolean> {
  const { tenantId, documentRequestId, customerId } = request;
  const remindersSent = request.remindersSent + 1;
  try {
    await commitTransaction(database(), (e) => [
      e.request
        .patch({ tenantId, documentRequestId })
        .set({ lastRemindedOn: today, remindersSent, version: request.version + 1 })
        .where((a, op) => `${op.eq(a.version, request.version)} AND ${op.eq(a.status, 'open')}`)
        .commit(),
      ...auditAndEvent(
        e,
        { tenantId, actorId: SYSTEM_ACTOR, actorRole: SYSTEM_ACTOR, correlationId },
        {
          action: 'document_request.reminded',
          entityType: 'document_request',
          entityId: documentRequestId,
          customerId,
          changes: [{ field: 'remindersSent', from: request.remindersSent, to: remindersSent }],
          event: {
            type: 'document_request.reminded',
            detail: { documentRequestId, customerId, title: request.title, dueDate: request.dueDate, remindersSent },
          },
        },
      ),
    ]);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'conflict') return false;
    throw error;
  }
}

export async function handler(event: JobEvent): Promise<JobResult> {
  const now = Date.parse(event.scheduledAt);
  const result = { firms: 0, due: 0, reminded: 0, takenElsewhere: 0 };
  const { tenant, request } = database().entities;
  for await (const firms of allPages((cursor) => tenant.query.directory({}).go({ cursor, limit: 100 }))) {
    for (const firm of firms.filter((f) => f.status === 'active')) {
      result.firms++;
      const { today } = daysAround(now, firm.timeZone);
      const dueSoon = (cursor: string | null) =>
        request.query
          .byFirm({ tenantId: firm.tenantId, status: 'open' })
          .lt({ dueDate: addDays(today, REMIND_BEFORE_DAYS + 1) })
          .go({ cursor, limit: 100 });
      for await (const page of allPages(dueSoon)) {
        for (const open of page.filter((r) => remindToday(r, today))) {
          result.due++;
          if (await claim(open, today, `${event.job}:${event.scheduledAt}`)) result.reminded++;
          else result.takenElsewhere++;
        }
      }
    }
  }
  logger.info('document requests reminded', { scheduledAt: event.scheduledAt, ...result });
  return result;
}
