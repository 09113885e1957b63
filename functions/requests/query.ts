/**
 * The Query behind a request list: one index picked from who asks and the most selective filter,
 * narrowed by the other filters. Lists page through it; exports read all of it.
 */
import { accessOf } from '../../shared/domain/customers/customers.ts';
import { hasPermission, type Actor } from '../../shared/domain/identity/policy.ts';
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

const nextDay = (date: string) => new Date(Date.parse(date) + 24 * 3600 * 1000).toISOString().slice(0, 10);

/**
 * The index follows who is asking and the most selective filter: a client's customer's (by
 * their access) or their own, a team member's assigned, or for those who see all, an
 * assignee's, a client's, a customer's, a status's, or the firm's. The other filters narrow
 * that one Query.
 */
function pickIndex(actor: Actor, q: RequestFilters) {
  const { request } = database().entities;
  const { tenantId } = actor;
  if (actor.role === 'CLIENT') {
    if (actor.contact && accessOf(actor.contact) !== 'own')
      return { query: request.query.byCustomer({ tenantId, customerId: actor.contact.customerId }), narrowed: ['customerId'] };
    return { query: request.query.byClient({ tenantId, clientId: actor.userId }), narrowed: ['clientId', 'customerId'] };
  }
  if (!hasPermission(actor, 'service_requests.read.all'))
    return { query: request.query.byAssignee({ tenantId, assigneeId: actor.userId }), narrowed: ['assigneeId'] };
  if (q.assigneeId) return { query: request.query.byAssignee({ tenantId, assigneeId: q.assigneeId }), narrowed: ['assigneeId'] };
  if (q.clientId) return { query: request.query.byClient({ tenantId, clientId: q.clientId }), narrowed: ['clientId'] };
  if (q.customerId) return { query: request.query.byCustomer({ tenantId, customerId: q.customerId }), narrowed: ['customerId'] };
  if (q.status) return { query: request.query.byStatus({ tenantId, status: q.status }), narrowed: ['status'] };
  return { query: request.query.byFirm({ tenantId }), narrowed: [] };
}

/** The filtered Query for what `actor` may see; deleted requests never show. */
export function requestQuery(actor: Actor, q: RequestFilters) {
  const { query, narrowed } = pickIndex(actor, q);
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
