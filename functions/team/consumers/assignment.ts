/**
 * Automatic assignment on submit: ranks the firm's team for the request's service
 * (shared/domain/requests/assignment.ts) and assigns the best fit, keeping the reasons on the
 * request. A firm that does not review the request first (review.ts) hands the work over at
 * once. When nobody fits, the request stays unassigned and the admins are told. Once per
 * event; a request someone already assigned, or that moved on, is left alone.
 */
import { AppError } from '../../../shared/api/errors.ts';
import { customerOf } from '../../../shared/db/entities/customer.ts';
import { UNASSIGNED } from '../../../shared/db/entities/service-request.ts';
import { auditAndEvent, commitTransaction, type ChangeContext } from '../../../shared/db/mutation.ts';
import { SYSTEM_ACTOR } from '../../../shared/domain/audit/actor.ts';
import { rankCandidates, type Candidate } from '../../../shared/domain/requests/assignment.ts';
import { needsReview, reviewPolicyOf } from '../../../shared/domain/requests/review.ts';
import type { EventDetail } from '../../../shared/events/catalogue.ts';
import { consumerHandler } from '../../lib/consumer.ts';
import { recordChange } from '../../requests/record.ts';
import { database } from '../../requests/workflow-db.ts';
import { activeStaffWithLoad, candidateOf } from '../staff-load.ts';

async function teamOf(tenantId: string): Promise<Candidate[]> {
  const members = await activeStaffWithLoad(database().entities, tenantId, ['TEAM_MEMBER', 'TEAM_LEAD']);
  return members.map(candidateOf);
}

async function assign(d: EventDetail<'request.submitted' | 'request.status_changed'>): Promise<void | 'skipped'> {
  const db = database();
  const key = { tenantId: d.tenantId, requestId: d.requestId };
  const [{ data: request }, { data: firm }] = await Promise.all([db.entities.request.get(key).go(), db.entities.tenant.get({ tenantId: d.tenantId }).go()]);
  if (!request || request.status !== 'submitted' || request.assigneeId !== UNASSIGNED) return 'skipped';
  const { data: service } = await db.entities.service.get({ tenantId: d.tenantId, serviceId: request.serviceId }).go();
  const [best] = rankCandidates(service?.requiredSkills ?? [], await teamOf(d.tenantId));
  const system: ChangeContext = {
    tenantId: d.tenantId,
    actorId: SYSTEM_ACTOR,
    actorName: SYSTEM_ACTOR,
    actorRole: SYSTEM_ACTOR,
    correlationId: d.correlationId ?? d.eventId,
  };
  if (!best) {
    await commitTransaction(db, (entities) =>
      auditAndEvent(entities, system, {
        action: 'request.unassigned',
        entityType: 'request',
        entityId: request.requestId,
        customerId: customerOf(request),
        event: {
          type: 'request.unassigned',
          detail: {
            requestId: request.requestId,
            reference: request.reference,
            title: request.title,
            clientId: request.clientId,
            actorName: SYSTEM_ACTOR,
            status: request.status,
            assigneeId: null,
            internal: false,
          },
        },
      }),
    );
    return;
  }
  // Without review the work is the ranked person's at once; with it, they start once it is approved.
  const review = needsReview(reviewPolicyOf(firm), request);
  await recordChange(system, request, {
    set: {
      assigneeId: best.candidate.userId,
      assigneeName: best.candidate.name,
      assignedAt: new Date().toISOString(),
      assignedBy: SYSTEM_ACTOR,
      assignmentReason: JSON.stringify(best.reason),
      ...(!review && { status: 'assigned' as const }),
    },
    activity: { kind: 'assigned', to: best.candidate.name },
    action: 'request.assigned',
    changes: [{ field: 'assignee', from: null, to: best.candidate.name }],
    automatic: true,
  }).catch((error: unknown) => {
    // Someone assigned or moved it by hand meanwhile: theirs stands.
    if (!(error instanceof AppError && error.code === 'conflict')) throw error;
  });
}

export const handler = consumerHandler({
  name: 'assignment',
  idempotency: 'marker',
  reactions: { 'request.submitted': assign, 'request.status_changed': assign },
});
