/**
 * Automatic assignment on submit: ranks the firm's team for the request's service
 * (shared/domain/requests/assignment.ts) and assigns the best fit, keeping the reasons on the
 * request. When nobody fits, the request stays unassigned and the admins are told. Once per
 * event; a request someone already assigned, or that moved on, is left alone.
 */
import { AppError } from '../../../shared/api/errors.ts';
import { randomUUID } from 'node:crypto';
import { AssignmentRecord } from '../../../shared/db/entities/assignment-record.ts';
import { customerOf } from '../../../shared/db/entities/customer.ts';
import { AuditEntry } from '../../../shared/db/entities/audit-entry.ts';
import { OutboxEvent } from '../../../shared/db/entities/outbox-event.ts';
import { RequestActivity } from '../../../shared/db/entities/request-activity.ts';
import { Service } from '../../../shared/db/entities/service.ts';
import { ServiceRequest, UNASSIGNED } from '../../../shared/db/entities/service-request.ts';
import { User } from '../../../shared/db/entities/user.ts';
import { Workload } from '../../../shared/db/entities/workload.ts';
import { auditAndEvent, commitTransaction, type ChangeContext } from '../../../shared/db/mutation.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { SYSTEM_ACTOR } from '../../../shared/domain/audit/actor.ts';
import { rankCandidates, type Candidate } from '../../../shared/domain/requests/assignment.ts';
import type { EventDetail } from '../../../shared/events/catalogue.ts';
import { consumerHandler } from '../../lib/consumer.ts';
import { activeStaffWithLoad, candidateOf } from '../staff-load.ts';

const database = databaseOf({
  request: ServiceRequest,
  activity: RequestActivity,
  assignment: AssignmentRecord,
  service: Service,
  user: User,
  workload: Workload,
  audit: AuditEntry,
  outbox: OutboxEvent,
});
const DECIDED_MEANWHILE = 'The request changed meanwhile; it keeps what was decided.';

async function teamOf(tenantId: string): Promise<Candidate[]> {
  const members = await activeStaffWithLoad(database().entities, tenantId, ['TEAM_MEMBER', 'TEAM_LEAD']);
  return members.map(candidateOf);
}

async function assign(d: EventDetail<'request.submitted' | 'request.status_changed'>): Promise<void | 'skipped'> {
  const db = database();
  const key = { tenantId: d.tenantId, requestId: d.requestId };
  const { data: request } = await db.entities.request.get(key).go();
  if (!request || request.status !== 'submitted' || request.assigneeId !== UNASSIGNED) return 'skipped';
  const { data: service } = await db.entities.service.get({ tenantId: d.tenantId, serviceId: request.serviceId }).go();
  const [best] = rankCandidates(service?.requiredSkills ?? [], await teamOf(d.tenantId));
  const system: ChangeContext = { tenantId: d.tenantId, actorId: SYSTEM_ACTOR, actorRole: SYSTEM_ACTOR, correlationId: d.correlationId ?? d.eventId };
  const detail = {
    requestId: request.requestId,
    reference: request.reference,
    title: request.title,
    clientId: request.clientId,
    actorName: SYSTEM_ACTOR,
    status: request.status,
    internal: false,
  };
  const now = new Date().toISOString();
  await commitTransaction(
    db,
    (entities) =>
      best
        ? [
            entities.request
              .patch(key)
              .set({
                assigneeId: best.candidate.userId,
                assigneeName: best.candidate.name,
                assignedAt: now,
                assignedBy: SYSTEM_ACTOR,
                assignmentReason: JSON.stringify(best.reason),
                version: request.version + 1,
              })
              // Someone may have assigned it by hand meanwhile: theirs stands.
              .where((a, op) => `${op.eq(a.version, request.version)} AND ${op.eq(a.assigneeId, UNASSIGNED)}`)
              .commit(),
            entities.activity
              .create({
                ...key,
                activityId: randomUUID(),
                at: now,
                kind: 'assigned',
                to: best.candidate.name,
                actorId: SYSTEM_ACTOR,
                actorName: SYSTEM_ACTOR,
                actorRole: SYSTEM_ACTOR,
                internal: false,
              })
              .commit(),
            entities.assignment
              .create({
                tenantId: d.tenantId,
                userId: best.candidate.userId,
                at: now,
                requestId: request.requestId,
                reference: request.reference,
                title: request.title,
                how: 'auto',
              })
              .commit(),
            ...auditAndEvent(entities, system, {
              action: 'request.assigned',
              entityType: 'request',
              entityId: request.requestId,
              customerId: customerOf(request),
              changes: [{ field: 'assignee', from: null, to: best.candidate.name }],
              event: { type: 'request.assigned', detail: { ...detail, assigneeId: best.candidate.userId } },
            }),
          ]
        : auditAndEvent(entities, system, {
            action: 'request.unassigned',
            entityType: 'request',
            entityId: request.requestId,
            customerId: customerOf(request),
            event: { type: 'request.unassigned', detail: { ...detail, assigneeId: null } },
          }),
    DECIDED_MEANWHILE,
  ).catch((error: unknown) => {
    // A concurrent hand assignment won: nothing to do.
    if (!(error instanceof AppError && error.message === DECIDED_MEANWHILE)) throw error;
  });
}

export const handler = consumerHandler({
  name: 'assignment',
  idempotency: 'marker',
  reactions: { 'request.submitted': assign, 'request.status_changed': assign },
});
