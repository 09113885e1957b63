/**
 * Every change of a request is one transaction: the request (guarded by its version), a line
 * of its activity, the workload of whoever it moves onto or off, the audit entry and the outbox
 * event that tells whoever it concerns.
 */
import { randomUUID } from 'node:crypto';
import { auditAndEvent, commitTransaction, type ChangeContext } from '../../shared/db/mutation.ts';
import type { FieldChange } from '../../shared/domain/audit/diff.ts';
import { kpiStateOf } from '../../shared/domain/requests/kpis.ts';
import { NO_DEADLINE } from '../../shared/domain/requests/list-order.ts';
import { workloadDeltas } from '../../shared/domain/requests/workload.ts';
import { database } from './workflow-db.ts';
import { UNASSIGNED } from '../../shared/db/entities/service-request.ts';
import { customerOf } from '../../shared/db/entities/customer.ts';
import type { EventOf } from '../../shared/events/catalogue.ts';
import type { ActivityItem, RequestItem } from './request-access.ts';

export interface RequestChange {
  /** Fields to set on the request (its version is bumped); none for a comment. */
  set?: Partial<RequestItem>;
  /** Fields to clear (e.g. a budget taken away). */
  remove?: ('budgetMin' | 'budgetMax' | 'deadline')[];
  activity: Pick<ActivityItem, 'kind'> & Partial<Pick<ActivityItem, 'from' | 'to' | 'text' | 'internal' | 'attachedDocuments'>>;
  action: Exclude<EventOf<'request'>, 'request.drafted' | 'request.submitted' | 'request.unassigned'>;
  changes?: FieldChange[];
  /** An assignment the ranking made, not a person (kept in the assignee's history). */
  automatic?: boolean;
  /** Fields a comment sets without a new version (nobody's edit is made stale by a comment). */
  touch?: Pick<RequestItem, 'lastCommentBy' | 'lastCommentAt'>;
}

/** The change as `by` (the caller's change context, or the system's) made it; a 409 when the request changed meanwhile. */
export async function recordChange(by: ChangeContext, request: RequestItem, change: RequestChange): Promise<{ request: RequestItem; activity: ActivityItem }> {
  const key = { tenantId: request.tenantId, requestId: request.requestId };
  const actorName = by.actorName ?? by.actorId;
  const activity: ActivityItem = {
    ...key,
    activityId: randomUUID(),
    at: new Date().toISOString(),
    actorId: by.actorId,
    actorName,
    actorRole: by.actorRole,
    internal: false,
    ...change.activity,
  };
  const next = change.set ? { ...request, ...change.set, version: request.version + 1 } : request;
  const cleared = change.set ? (change.remove ?? []) : [];
  for (const field of cleared) delete next[field];
  // A deleted request is nobody's load and in no KPI.
  const assignee = (r: RequestItem) => (r.assigneeId === UNASSIGNED || r.deletedAt ? undefined : r.assigneeId);
  const loads = workloadDeltas({ status: request.status, assigneeId: assignee(request) }, { status: next.status, assigneeId: assignee(next) });
  await commitTransaction(
    database(),
    (entities) => [
      change.set
        ? (cleared.length ? entities.request.patch(key).remove(cleared) : entities.request.patch(key))
            .set({ ...change.set, ...(cleared.includes('deadline') && { deadlineOrder: NO_DEADLINE }), version: next.version })
            // The deadline and priority orders' sort keys hold the creation time (service-request.ts).
            .composite({ createdAt: request.createdAt })
            .where((a, op) => op.eq(a.version, request.version))
            .commit()
        : entities.request
            .patch(key)
            .set({ updatedAt: activity.at, ...change.touch })
            .commit(),
      entities.activity.create(activity).commit(),
      // A new holder: kept in their assignment history.
      ...(assignee(next) && assignee(next) !== assignee(request)
        ? [
            entities.assignment
              .create({
                tenantId: request.tenantId,
                userId: next.assigneeId,
                at: activity.at,
                requestId: request.requestId,
                reference: request.reference,
                title: next.title,
                ...(change.automatic ? { how: 'auto' as const } : { how: 'manual' as const, byName: actorName }),
                ...(request.assigneeName && assignee(request) && { fromName: request.assigneeName }),
              })
              .commit(),
          ]
        : []),
      ...[...loads].map(([userId, delta]) => entities.workload.update({ tenantId: request.tenantId, userId }).add({ activeRequests: delta }).commit()),
      ...auditAndEvent(entities, by, {
        action: change.action,
        entityType: 'request',
        entityId: request.requestId,
        customerId: customerOf(request),
        ...(change.changes && { changes: change.changes }),
        event: {
          type: change.action,
          // Enough for consumers to know whom it concerns without reading the request.
          detail: {
            requestId: request.requestId,
            reference: request.reference,
            title: request.title,
            clientId: request.clientId,
            actorName,
            assigneeId: next.assigneeId === UNASSIGNED ? null : next.assigneeId,
            status: next.status,
            internal: activity.internal,
            // Before and after, for the KPI counters (functions/analytics/consumers/kpis.ts); a comment moves none.
            ...(change.set && { kpi: { before: kpiStateOf(request), ...(!next.deletedAt && { after: kpiStateOf(next) }) } }),
          },
        },
      }),
    ],
    `${request.reference} was changed by someone else meanwhile. Reload to see those changes, then try again.`,
  );
  return { request: next, activity };
}
