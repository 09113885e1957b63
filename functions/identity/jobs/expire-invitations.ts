/**
 * Daily: every pending invitation whose link ran out becomes 'expired' (audited), so lists and
 * counts tell the truth; the firm can send it again. Visits each firm through the directory
 * index, one Query page at a time; safe to run twice (the change is conditional).
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { AppError } from '../../../shared/api/errors.ts';
import { AuditEntry } from '../../../shared/db/entities/audit-entry.ts';
import { Invitation } from '../../../shared/db/entities/invitation.ts';
import { OutboxEvent } from '../../../shared/db/entities/outbox-event.ts';
import { Tenant } from '../../../shared/db/entities/tenant.ts';
import { auditAndEvent, commitTransaction } from '../../../shared/db/mutation.ts';
import { allPages } from '../../../shared/db/pagination.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { SYSTEM_ACTOR } from '../../../shared/domain/audit/actor.ts';
import type { JobEvent, JobResult } from '../../../shared/schedules.ts';

const database = databaseOf({ tenant: Tenant, invitation: Invitation, audit: AuditEntry, outbox: OutboxEvent });
const logger = new Logger({ serviceName: 'expire-invitations' });

async function expireInFirm(tenantId: string, now: number): Promise<number> {
  const db = database();
  let expired = 0;
  for await (const invitations of allPages((cursor) => db.entities.invitation.query.byTenant({ tenantId }).go({ cursor, limit: 100 }))) {
    for (const invitation of invitations.filter((i) => i.status === 'pending' && i.linkExpiresAt < now)) {
      const { invitationId } = invitation;
      try {
        await commitTransaction(db, (entities) => [
          entities.invitation
            .patch({ tenantId, invitationId })
            .set({ status: 'expired' })
            .where((a, op) => op.eq(a.status, 'pending'))
            .commit(),
          ...auditAndEvent(
            entities,
            { tenantId, actorId: SYSTEM_ACTOR, actorRole: SYSTEM_ACTOR },
            {
              action: 'invitation.expired',
              entityType: 'user',
              entityId: invitation.userId,
              changes: [{ field: 'invitation', from: 'pending', to: 'expired' }],
            },
          ),
        ]);
        expired++;
      } catch (error) {
        // Accepted or sent again meanwhile: nothing to expire.
        if (!(error instanceof AppError && error.code === 'conflict')) throw error;
      }
    }
  }
  return expired;
}

export async function handler(event: JobEvent): Promise<JobResult> {
  const now = Math.floor(Date.parse(event.scheduledAt) / 1000);
  const result = { firms: 0, expired: 0 };
  for await (const firms of allPages((cursor) => database().entities.tenant.query.directory({}).go({ cursor, limit: 100 }))) {
    for (const firm of firms) {
      result.firms++;
      result.expired += await expireInFirm(firm.tenantId, now);
    }
  }
  logger.info('invitations expired', { ...result, scheduledAt: event.scheduledAt });
  return result;
}
