/** Reading requests: lists (one Query a page on the index the caller's scope and filters pick) and one request's page. */
import type { RequestStatus, Priority } from '../../shared/domain/requests/workflow.ts';
import { allowedMoves, mayApprove, mayEdit } from '../../shared/domain/requests/workflow.ts';
import { hasPermission } from '../../shared/domain/identity/policy.ts';
import { queryPage } from '../../shared/db/pagination.ts';
import type { AuthenticatedActor } from '../lib/auth.ts';
import type { Reply, Request } from '../lib/http.ts';
import { database } from './db.ts';
import { requestOf, toView, workflowOf } from '../lib/request-access.ts';

interface ListQuery {
  limit: number;
  cursor?: string;
  status?: RequestStatus;
  priority?: Priority;
  serviceId?: string;
  assigneeId?: string;
  clientId?: string;
  from?: string;
  to?: string;
  deadlineFrom?: string;
  deadlineTo?: string;
  q?: string;
}

const nextDay = (date: string) => new Date(Date.parse(date) + 24 * 3600 * 1000).toISOString().slice(0, 10);

/**
 * The index follows who is asking and the most selective filter: a client's own, a team
 * member's assigned, or for those who see all, an assignee's, a client's, a status's, or the
 * firm's. The other filters narrow that one Query.
 */
function pickIndex(actor: AuthenticatedActor, q: ListQuery) {
  const { request } = database().entities;
  const { tenantId } = actor;
  if (actor.role === 'CLIENT') return { query: request.query.byClient({ tenantId, clientId: actor.userId }), narrowed: ['clientId'] };
  if (!hasPermission(actor, 'service_requests.read.all')) return { query: request.query.byAssignee({ tenantId, assigneeId: actor.userId }), narrowed: ['assigneeId'] };
  if (q.assigneeId) return { query: request.query.byAssignee({ tenantId, assigneeId: q.assigneeId }), narrowed: ['assigneeId'] };
  if (q.clientId) return { query: request.query.byClient({ tenantId, clientId: q.clientId }), narrowed: ['clientId'] };
  if (q.status) return { query: request.query.byStatus({ tenantId, status: q.status }), narrowed: ['status'] };
  return { query: request.query.byFirm({ tenantId }), narrowed: [] };
}

export async function listRequests(req: Request<unknown, ListQuery>): Promise<Reply> {
  const actor = req.actor as AuthenticatedActor;
  const q = req.query;
  const { query, narrowed } = pickIndex(actor, q);
  const filtered = query.where((a, op) =>
    [
      op.notExists(a.deletedAt),
      q.status && !narrowed.includes('status') && op.eq(a.status, q.status),
      q.clientId && !narrowed.includes('clientId') && op.eq(a.clientId, q.clientId),
      q.assigneeId && !narrowed.includes('assigneeId') && op.eq(a.assigneeId, q.assigneeId),
      q.priority && op.eq(a.priority, q.priority),
      q.serviceId && op.eq(a.serviceId, q.serviceId),
      q.from && op.gte(a.createdAt, q.from),
      q.to && op.lt(a.createdAt, nextDay(q.to)),
      q.deadlineFrom && op.gte(a.deadline, q.deadlineFrom),
      q.deadlineTo && op.lte(a.deadline, q.deadlineTo),
      // References are upper-case (SR-1042), titles are searched lower-cased.
      q.q && `(${op.contains(a.searchText, q.q.toLowerCase())} OR ${op.contains(a.reference, q.q.toUpperCase())})`,
    ]
      .filter(Boolean)
      .join(' AND '),
  );
  const page = await queryPage(q.cursor, (from) => filtered.go({ limit: q.limit, cursor: from, order: 'desc' }), toView);
  return { body: page };
}

export async function getRequest(req: Request): Promise<Reply> {
  const actor = req.actor as AuthenticatedActor;
  const request = await requestOf(database().entities, req);
  const { data: activity } = await database().entities.activity.query.byRequest({ tenantId: actor.tenantId, requestId: request.requestId }).go({ pages: 'all' });
  const workflow = workflowOf(request);
  return {
    body: {
      ...toView(request),
      // Internal notes are for staff only.
      activity: activity.filter((a) => !a.internal || actor.role !== 'CLIENT').map(({ tenantId: _t, requestId: _r, ...a }) => a),
      // Assigning is its own action (it names the person), not a plain move.
      allowedMoves: allowedMoves(actor, workflow).filter((s) => s !== 'assigned'),
      mayApprove: mayApprove(actor, workflow),
      mayEdit: mayEdit(actor, workflow),
    },
  };
}
