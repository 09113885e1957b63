/**
 * The Query behind a request list: one index picked from the order asked for, who asks and the
 * most selective filter, narrowed by the other filters. Lists page through it; exports read all of it.
 */
import { accessOf } from '../../shared/domain/customers/customers.ts';
import { hasPermission, type Actor } from '../../shared/domain/identity/policy.ts';
import { priorityOrder, type RequestSort } from '../../shared/domain/requests/list-order.ts';
import { PLANNABLE_STATUSES, type Priority, type RequestStatus } from '../../shared/domain/requests/workflow.ts';
import { database } from './db.ts';

export interface RequestFilters {
  status?: RequestStatus;
  priority?: Priority;
  serviceId?: string;
  assigneeId?: string;
  clientId?: string;
  customerId?: string;
  from?: string;
  to?: string;
  deadlineFrom?: string;
  deadlineTo?: string;
  q?: string;
  open?: 'true';
}

/** The filters an index's key already applies (typed, for the empty case). */
const none: (keyof RequestFilters)[] = [];

const nextDay = (date: string) => new Date(Date.parse(date) + 24 * 3600 * 1000).toISOString().slice(0, 10);

/**
 * The most `actor` may see, whatever the filters ask: a client their customer's requests (by
 * their access) or their own, a team member their assigned ones. These replace the same
 * filters asked for, so a list can never reach past them.
 */
function boundsOf(actor: Actor): RequestFilters {
  if (actor.role === 'CLIENT')
    return actor.contact && accessOf(actor.contact) !== 'own' ? { customerId: actor.contact.customerId } : { clientId: actor.userId };
  if (!hasPermission(actor, 'service_requests.read.all')) return { assigneeId: actor.userId };
  return {};
}

/** The firm's requests by deadline, only between the deadlines asked for: the index's keys start with the deadline. */
function byDeadline(tenantId: string, q: RequestFilters) {
  const index = database().entities.request.query.byDeadline({ tenantId });
  // A sort key is `<deadline>#…`: every key of a day sorts before the next day's date alone.
  const before = q.deadlineTo && { deadlineOrder: nextDay(q.deadlineTo) };
  const from = q.deadlineFrom && { deadlineOrder: q.deadlineFrom };
  if (from && before) return index.between(from, before);
  if (from) return index.gte(from);
  if (before) return index.lt(before);
  return index;
}

/**
 * A deadline or priority order reads the firm's index of that order (one priority's stretch of
 * it, when filtered by priority). Newest first reads the most selective index: an assignee's, a
 * client's, a customer's, a status's, or the firm's.
 */
function pickIndex(tenantId: string, q: RequestFilters, sort: RequestSort) {
  const { request } = database().entities;
  if (sort === 'deadline') return { query: byDeadline(tenantId, q), narrowed: none };
  if (sort === 'priority')
    return { query: request.query.byPriority({ tenantId, ...(q.priority && { priorityOrder: priorityOrder(q.priority) }) }), narrowed: none };
  if (q.assigneeId) return { query: request.query.byAssignee({ tenantId, assigneeId: q.assigneeId }), narrowed: ['assigneeId'] };
  if (q.clientId) return { query: request.query.byClient({ tenantId, clientId: q.clientId }), narrowed: ['clientId'] };
  if (q.customerId) return { query: request.query.byCustomer({ tenantId, customerId: q.customerId }), narrowed: ['customerId'] };
  if (q.status) return { query: request.query.byStatus({ tenantId, status: q.status }), narrowed: ['status'] };
  return { query: request.query.byFirm({ tenantId }), narrowed: none };
}

/** The filtered Query, in `sort`'s order, for what `actor` may see; deleted requests never show. */
export function requestQuery(actor: Actor, asked: RequestFilters, sort: RequestSort = 'created') {
  const q = { ...asked, ...boundsOf(actor) };
  const { query, narrowed } = pickIndex(actor.tenantId, q, sort);
  return query.where((a, op) =>
    [
      op.notExists(a.deletedAt),
      q.status && !narrowed.includes('status') && op.eq(a.status, q.status),
      q.clientId && !narrowed.includes('clientId') && op.eq(a.clientId, q.clientId),
      q.customerId && !narrowed.includes('customerId') && op.eq(a.customerId, q.customerId),
      q.assigneeId && !narrowed.includes('assigneeId') && op.eq(a.assigneeId, q.assigneeId),
      q.open && `(${PLANNABLE_STATUSES.map((s) => op.eq(a.status, s)).join(' OR ')})`,
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
}
