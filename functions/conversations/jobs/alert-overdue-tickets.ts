/**
 * Every 15 minutes: tells the assignee and the firm's leads, in the bell and by email, of each
 * ticket that missed its SLA (no first answer, or not resolved, by its due time), once per ticket,
 * kind and due time: a changed priority that moves the time is told of again. Each alert is
 * claimed with a conditional create first, so runs at once or one after the other alert once.
 * Tickets are read per open status (one Query each, due ones only).
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { DeadlineAlert } from '../../../shared/db/entities/deadline-alert.ts';
import { SupportTicket } from '../../../shared/db/entities/conversation.ts';
import { Tenant } from '../../../shared/db/entities/tenant.ts';
import { User } from '../../../shared/db/entities/user.ts';
import { allPages } from '../../../shared/db/pagination.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { overdueOf, TICKET_STATUSES } from '../../../shared/domain/conversations/tickets.ts';
import type { JobEvent, JobResult } from '../../../shared/schedules.ts';
import { claimAlert } from '../../notifications/alert-claim.ts';
import { deliverNotices } from '../../notifications/email-delivery.ts';
import { activeIdsWithRoles } from '../../team/staff-load.ts';

const database = databaseOf({ tenant: Tenant, ticket: SupportTicket, user: User, alert: DeadlineAlert });
const logger = new Logger({ serviceName: 'alert-overdue-tickets' });
const OPEN = TICKET_STATUSES.filter((s) => s !== 'resolved' && s !== 'closed');

async function overdueTickets(tenantId: string, at: string) {
  const { ticket } = database().entities;
  const found = await Promise.all(
    OPEN.map((status) =>
      ticket.query
        .byStatus({ tenantId, status })
        .where((a, op) => `(${op.lt(a.resolutionDueAt, at)}) OR (${op.lt(a.firstResponseDueAt, at)} AND ${op.notExists(a.firstResponseAt)})`)
        .go({ pages: 'all' }),
    ),
  );
  return found.flatMap((r) => r.data);
}

export async function handler(event: JobEvent): Promise<JobResult> {
  const now = Date.parse(event.scheduledAt);
  const at = new Date(now).toISOString();
  const result = { firms: 0, overdue: 0, alerted: 0, takenElsewhere: 0 };
  for await (const firms of allPages((cursor) => database().entities.tenant.query.directory({}).go({ cursor, limit: 100 }))) {
    for (const firm of firms.filter((f) => f.status === 'active')) {
      result.firms++;
      const [tickets, leads] = await Promise.all([overdueTickets(firm.tenantId, at), activeIdsWithRoles(database().entities, firm.tenantId, ['TEAM_LEAD'])]);
      for (const t of tickets) {
        for (const missed of overdueOf(t, at)) {
          result.overdue++;
          const due = missed === 'firstResponse' ? t.firstResponseDueAt! : t.resolutionDueAt!;
          if (
            !(await claimAlert(
              database().entities.alert,
              { tenantId: firm.tenantId, subject: `ticket#${t.ticketId}`, kind: 'passed', due: `${missed}@${due}` },
              now,
            ))
          ) {
            result.takenElsewhere++;
            continue;
          }
          const people = [...new Set([t.assigneeId, ...leads].filter((u): u is string => Boolean(u)))];
          await deliverNotices(
            firm.tenantId,
            people.map((userId) => ({ userId, kind: missed === 'firstResponse' ? 'ticket.unanswered' : 'ticket.overdue' })),
            { values: { subject: t.subject, customer: t.customerName }, link: `/ticket/?id=${t.ticketId}` },
            at,
            `alert-ticket-${t.ticketId}-${missed}-${due}`,
          );
          result.alerted++;
        }
      }
    }
  }
  logger.info('overdue tickets', { scheduledAt: event.scheduledAt, ...result });
  return result;
}
