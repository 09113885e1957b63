/**
 * Support tickets (ADR 0033): one entity for those made from a conversation and those raised in
 * the portal. Lists as the reader may see them (one Query a page on the index the filters pick),
 * comments with staff-only notes, SLA times, and the one status mapping with the conversation.
 */
import { randomUUID } from 'node:crypto';
import { AppError, conflict, forbidden, notFound, validationFailed } from '../../../shared/api/errors.ts';
import { TICKETS_OPERATIONS } from '../../../shared/api/operations/tickets.ts';
import { TICKETS_SCHEMAS } from '../../../shared/api/schemas/tickets.ts';
import { AuditEntry } from '../../../shared/db/entities/audit-entry.ts';
import { Conversation, SupportTicket, TicketComment, UNASSIGNED } from '../../../shared/db/entities/conversation.ts';
import { Customer } from '../../../shared/db/entities/customer.ts';
import { OutboxEvent } from '../../../shared/db/entities/outbox-event.ts';
import { User } from '../../../shared/db/entities/user.ts';
import type { FieldChange } from '../../../shared/domain/audit/diff.ts';
import { auditAndEvent, commitTransaction } from '../../../shared/db/mutation.ts';
import { queryPage } from '../../../shared/db/pagination.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { readerOf } from '../../../shared/domain/conversations/conversations.ts';
import { clientMayMove, CONVERSATION_STATUS_OF, overdueOf, slaDue, TICKET_STATUSES, type TicketStatus } from '../../../shared/domain/conversations/tickets.ts';
import { accessOf } from '../../../shared/domain/customers/customers.ts';
import { hasPermission } from '../../../shared/domain/identity/policy.ts';
import { isStaff } from '../../../shared/domain/identity/permissions.ts';
import { actorFromClaims, type AuthenticatedActor } from '../../lib/auth.ts';
import { changeContext } from '../../lib/change-context.ts';
import { contextHandler, type ReplyOf, type RequestOf } from '../../lib/http.ts';
import { openableCustomer } from '../../customers/access.ts';
import { slaOf, ticketFor, ticketView, type TicketItem } from '../ticket-access.ts';

const database = databaseOf({
  ticket: SupportTicket,
  comment: TicketComment,
  conversation: Conversation,
  customer: Customer,
  user: User,
  audit: AuditEntry,
  outbox: OutboxEvent,
});

/** Comments a ticket's page shows: its latest, in order. */
const COMMENTS_SHOWN = 200;
const DONE: readonly TicketStatus[] = ['resolved', 'closed'];

async function listTickets(req: RequestOf<'listTickets'>): Promise<ReplyOf<'listTickets'>> {
  const { actor } = req;
  const { limit, cursor, view, status, priority, category, source, customerId, assigneeId } = req.query;
  const reader = readerOf(actor);
  const { ticket } = database().entities;
  const tenantId = actor.tenantId;
  const seesAll = reader.staff && reader.seesAll;
  const chosen = reader.staff ? (view ?? (seesAll ? 'all' : 'mine')) : undefined;
  if (reader.staff && !seesAll && chosen !== 'mine')
    throw forbidden('Only leads and admins see unassigned tickets or all of them; you see those assigned to you.');
  if (assigneeId && !(seesAll || assigneeId === actor.userId)) throw forbidden('Only leads and admins see the tickets of another member of staff.');
  if (!reader.staff && (!reader.contact || (customerId && customerId !== reader.contact.customerId))) throw notFound('Customer');
  const ofCustomer = reader.staff ? customerId : reader.contact!.customerId;
  const ofAssignee = reader.staff ? (assigneeId ?? (chosen === 'mine' ? actor.userId : chosen === 'unassigned' ? UNASSIGNED : undefined)) : undefined;
  const byStatus = !ofCustomer && !ofAssignee && status;
  const query = ofCustomer
    ? ticket.query.byCustomer({ tenantId, customerKey: ofCustomer })
    : ofAssignee
      ? ticket.query.byAssignee({ tenantId, assigneeKey: ofAssignee })
      : byStatus
        ? ticket.query.byStatus({ tenantId, status: byStatus })
        : ticket.query.byFirm({ tenantId });
  const filtered = query.where((a, op) =>
    [
      ...(status && !byStatus ? [op.eq(a.status, status)] : []),
      ...(priority ? [op.eq(a.priority, priority)] : []),
      ...(category ? [op.eq(a.category, category)] : []),
      ...(source ? [op.eq(a.source, source)] : []),
      ...(ofCustomer && ofAssignee ? [op.eq(a.assigneeKey, ofAssignee)] : []),
      ...(!reader.staff && reader.contact && accessOf(reader.contact) === 'own' ? [op.eq(a.raisedBy, actor.userId)] : []),
    ].join(' AND '),
  );
  const page = await queryPage(
    cursor,
    (next) => filtered.go({ limit, cursor: next, order: 'desc' }),
    (item) => item,
  );
  const now = new Date().toISOString();
  return { body: { items: page.items.map((t) => ticketView(t, reader.staff, now)), nextCursor: page.nextCursor } };
}

/** The member of staff a ticket is given to: active staff of this firm, or the field is named. */
async function staffMember(actor: AuthenticatedActor, userId: string) {
  const { data: user } = await database().entities.user.get({ tenantId: actor.tenantId, userId }).go();
  if (!user || !isStaff(user.role) || user.status !== 'active')
    throw validationFailed([{ field: 'assigneeId', message: 'must be an active member of staff of this firm' }]);
  return user;
}

async function createTicket(req: RequestOf<'createTicket'>): Promise<ReplyOf<'createTicket'>> {
  const { actor, body } = req;
  const staff = isStaff(actor.role);
  let customer;
  if (staff) {
    if (!body.customerId) throw validationFailed([{ field: 'customerId', message: 'is required: the customer the ticket is for' }]);
    customer = await openableCustomer(actor, body.customerId);
  } else {
    if (!actor.contact || (body.customerId && body.customerId !== actor.contact.customerId)) throw notFound('Customer');
    ({ data: customer } = await database().entities.customer.get({ tenantId: actor.tenantId, customerId: actor.contact.customerId }).go());
    if (!customer) throw notFound('Customer');
  }
  // Staff who raise one take it; a client's goes to their account manager, if there is one at work.
  const { data: manager } =
    !staff && customer.accountManagerId
      ? await database().entities.user.get({ tenantId: actor.tenantId, userId: customer.accountManagerId }).go()
      : { data: null };
  const assignee = staff ? { userId: actor.userId, name: actor.name } : manager && isStaff(manager.role) && manager.status === 'active' ? manager : undefined;
  const createdAt = new Date().toISOString();
  const item: TicketItem = {
    tenantId: actor.tenantId,
    ticketId: randomUUID(),
    source: 'portal',
    customerKey: customer.customerId,
    customerId: customer.customerId,
    customerName: customer.name,
    ...(!staff && { raisedBy: actor.userId }),
    subject: body.subject,
    description: body.description,
    category: body.category,
    priority: body.priority,
    status: 'open',
    ...(assignee ? { assigneeKey: assignee.userId, assigneeId: assignee.userId, assigneeName: assignee.name } : { assigneeKey: UNASSIGNED }),
    ...slaDue(createdAt, body.priority, await slaOf(actor.tenantId)),
    createdAt,
    updatedAt: createdAt,
    version: 1,
  };
  await commitTransaction(database(), (e) => [
    e.ticket.create(item).commit(),
    ...auditAndEvent(e, changeContext(req), {
      action: 'ticket.created',
      entityType: 'support_ticket',
      entityId: item.ticketId,
      customerId: customer.customerId,
      changes: [{ field: 'subject', from: null, to: item.subject }],
      event: {
        type: 'ticket.created',
        detail: {
          ticketId: item.ticketId,
          source: 'portal',
          customerId: customer.customerId,
          ...(item.assigneeId && { assigneeId: item.assigneeId }),
          subject: item.subject,
          priority: item.priority,
        },
      },
    }),
  ]);
  return { status: 201, body: ticketView(item, staff) };
}

async function getTicket(req: RequestOf<'getTicket'>): Promise<ReplyOf<'getTicket'>> {
  const t = await ticketFor(req.actor, req.params.ticketId);
  const staff = isStaff(req.actor.role);
  const comments = database().entities.comment.query.byTicket({ tenantId: t.tenantId, ticketId: t.ticketId });
  const { data } = await (staff ? comments : comments.where((a, op) => op.eq(a.internal, false))).go({ limit: COMMENTS_SHOWN + 1, order: 'desc' });
  const shown = data.slice(0, COMMENTS_SHOWN).reverse();
  return {
    body: {
      ...ticketView(t, staff),
      comments: shown.map(({ tenantId: _t, ticketId: _i, ...c }) => c),
      moreComments: data.length > COMMENTS_SHOWN,
    },
  };
}

/** What a change sets on the ticket, and the conversation's part when the ticket is one's (ADR 0033's mapping). */
interface TicketChange {
  set: Partial<TicketItem>;
  remove: ('assigneeId' | 'assigneeName' | 'resolvedAt' | 'resolution')[];
  changes: FieldChange[];
}

async function updateTicket(req: RequestOf<'updateTicket'>): Promise<ReplyOf<'updateTicket'>> {
  const { actor, body } = req;
  const t = await ticketFor(actor, req.params.ticketId);
  const staff = isStaff(actor.role);
  if (body.version !== t.version) throw conflict('This ticket was changed meanwhile. Reload to see the change, then try again.');
  if (!staff && (body.assigneeId !== undefined || body.resolution !== undefined)) throw forbidden('Only staff assign tickets or write their resolution.');
  if (body.assigneeId !== undefined && !hasPermission(actor, 'conversations.assign')) throw forbidden('Only leads and admins assign tickets.');
  const edits = (['subject', 'description', 'category', 'priority'] as const).filter((f) => body[f] !== undefined && body[f] !== t[f]);
  if (!staff && edits.length && DONE.includes(t.status)) throw conflict('This ticket is resolved or closed: open it again to change it.');
  if (!staff && body.status !== undefined && body.status !== t.status && !clientMayMove(t.status, body.status))
    throw validationFailed([{ field: 'status', message: 'can only be set to closed, or to open again once resolved, closed or waiting for you' }]);
  const change: TicketChange = { set: {}, remove: [], changes: [] };
  for (const field of edits) {
    change.set[field] = body[field] as never;
    change.changes.push({ field, from: t[field], to: body[field] ?? null });
  }
  if (body.priority !== undefined && body.priority !== t.priority) Object.assign(change.set, slaDue(t.createdAt, body.priority, await slaOf(t.tenantId)));
  const now = new Date().toISOString();
  if (body.status !== undefined && body.status !== t.status) statusChange(change, t, body.status, now);
  if (body.resolution !== undefined && (body.resolution ?? undefined) !== t.resolution) {
    if (body.resolution === null) change.remove.push('resolution');
    else change.set.resolution = body.resolution;
    change.changes.push({ field: 'resolution', from: t.resolution ?? null, to: body.resolution });
  }
  if (body.assigneeId !== undefined && (body.assigneeId ?? undefined) !== t.assigneeId) {
    const assignee = body.assigneeId ? await staffMember(actor, body.assigneeId) : undefined;
    if (assignee) Object.assign(change.set, { assigneeKey: assignee.userId, assigneeId: assignee.userId, assigneeName: assignee.name });
    else {
      change.set.assigneeKey = UNASSIGNED;
      change.remove.push('assigneeId', 'assigneeName');
    }
    change.changes.push({ field: 'assignee', from: t.assigneeName ?? null, to: assignee?.name ?? null });
  }
  if (!change.changes.length) return { body: ticketView(t, staff) };
  await commitChange(req, t, change);
  const updated = { ...t, ...change.set, version: t.version + 1, updatedAt: now } as TicketItem;
  for (const field of change.remove) delete updated[field];
  return { body: ticketView(updated, staff) };
}

/** A status change: resolved is timed; leaving resolved or closed clears that time. */
function statusChange(change: TicketChange, t: TicketItem, to: TicketStatus, now: string) {
  change.set.status = to;
  if (to === 'resolved') change.set.resolvedAt = t.resolvedAt ?? now;
  else if (to !== 'closed' && t.resolvedAt) change.remove.push('resolvedAt');
  change.changes.push({ field: 'status', from: t.status, to });
}

const CHANGED_AT_ONCE = 'This ticket was changed at the same moment. Reload to see the change, then try again.';
const TRIES = 4;

/**
 * A conversation's ticket is written with its conversation, which any message moves on: a write
 * that met one is made again from a fresh read (the ticket's version the caller read still
 * decides: a ticket changed meanwhile is a 409).
 */
const againOnRace =
  <R extends RequestOf<'updateTicket'> | RequestOf<'addTicketComment'>, T>(operation: (req: R) => Promise<T>) =>
  async (req: R): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await operation(req);
      } catch (error) {
        if (!(error instanceof AppError && error.message === CHANGED_AT_ONCE) || attempt === TRIES) throw error;
      }
    }
  };

/** Writes a ticket's change with its audit and event; a conversation's ticket takes its conversation along (status and assignee). */
async function commitChange(
  req: RequestOf<'updateTicket'> | RequestOf<'addTicketComment'>,
  t: TicketItem,
  change: TicketChange,
  extra: ExtraWrites = () => [],
) {
  const { data: c } = t.conversationId
    ? await database().entities.conversation.get({ tenantId: t.tenantId, conversationId: t.conversationId }).go()
    : { data: null };
  const status = change.set.status;
  const reassigned = change.set.assigneeKey !== undefined;
  const customer = { ...(t.customerId && { customerId: t.customerId }) };
  const assigneeId = reassigned ? change.set.assigneeId : t.assigneeId;
  const assigned = { ...(assigneeId && { assigneeId }) };
  await commitTransaction(
    database(),
    (e) => [
      e.ticket
        .patch({ tenantId: t.tenantId, ticketId: t.ticketId })
        .set({ ...change.set, version: t.version + 1 })
        .remove(change.remove)
        .composite({ customerKey: t.customerKey, createdAt: t.createdAt, ticketId: t.ticketId, assigneeKey: t.assigneeKey, status: t.status })
        .where((a, op) => op.eq(a.version, t.version))
        .commit(),
      ...(c && (status || reassigned)
        ? [
            e.conversation
              .patch({ tenantId: c.tenantId, conversationId: c.conversationId })
              .set({
                ...(status && { status: CONVERSATION_STATUS_OF[status] }),
                ...(reassigned && {
                  assigneeKey: change.set.assigneeKey!,
                  ...(change.set.assigneeId && { assigneeId: change.set.assigneeId, assigneeName: change.set.assigneeName! }),
                }),
                version: c.version + 1,
              })
              .remove(reassigned && !change.set.assigneeId ? ['assigneeId', 'assigneeName'] : [])
              .composite({ customerKey: c.customerKey, lastActivityAt: c.lastActivityAt, conversationId: c.conversationId, assigneeKey: c.assigneeKey })
              .where((a, op) => op.eq(a.version, c.version))
              .commit(),
          ]
        : []),
      ...extra(e),
      ...(change.changes.length
        ? auditAndEvent(e, changeContext(req), {
            action: 'ticket.updated',
            entityType: 'support_ticket',
            entityId: t.ticketId,
            ...customer,
            changes: change.changes,
            event: {
              type: 'ticket.updated',
              detail: { ticketId: t.ticketId, ...customer, fields: change.changes.map((x) => x.field), status: status ?? t.status, ...assigned },
            },
          })
        : []),
    ],
    CHANGED_AT_ONCE,
  );
}

type ExtraWrites = (e: Parameters<Parameters<ReturnType<typeof database>['transaction']['write']>[0]>[0]) => ReturnType<typeof auditAndEvent>;

/**
 * A comment. A member of staff's first public one is the ticket's first response; a client's on
 * a ticket waiting for them, resolved or closed opens it again.
 */
async function addTicketComment(req: RequestOf<'addTicketComment'>): Promise<ReplyOf<'addTicketComment'>> {
  const { actor, body } = req;
  const t = await ticketFor(actor, req.params.ticketId);
  const staff = isStaff(actor.role);
  if (body.internal && !staff) throw validationFailed([{ field: 'internal', message: 'is for staff: internal notes are never shown to clients' }]);
  const now = new Date().toISOString();
  const comment = {
    tenantId: t.tenantId,
    ticketId: t.ticketId,
    commentId: randomUUID(),
    authorId: actor.userId,
    authorName: actor.name,
    authorKind: staff ? ('staff' as const) : ('contact' as const),
    body: body.body,
    internal: body.internal ?? false,
    createdAt: now,
  };
  const change: TicketChange = { set: {}, remove: [], changes: [] };
  if (staff && !comment.internal && !t.firstResponseAt) change.set.firstResponseAt = now;
  if (!staff && (t.status === 'waiting_for_client' || DONE.includes(t.status))) statusChange(change, t, 'open', now);
  const customer = { ...(t.customerId && { customerId: t.customerId }) };
  await commitChange(req, t, change, (e) => [
    e.comment.create(comment).commit(),
    ...auditAndEvent(e, changeContext(req), {
      action: comment.internal ? 'ticket.noted' : 'ticket.commented',
      entityType: 'support_ticket',
      entityId: t.ticketId,
      ...customer,
      event: {
        type: 'ticket.commented',
        detail: {
          ticketId: t.ticketId,
          ...customer,
          commentId: comment.commentId,
          internal: comment.internal,
          authorKind: comment.authorKind,
          ...(t.assigneeId && { assigneeId: t.assigneeId }),
        },
      },
    }),
  ]);
  const { tenantId: _t, ticketId: _i, ...shown } = comment;
  return { status: 201, body: shown };
}

const SUMMARY_DAYS = 30;

/** Each status's tickets (one Query each), the firm's open conversations, and the last 30 days' first answers. */
async function getSupportSummary(req: RequestOf<'getSupportSummary'>): Promise<ReplyOf<'getSupportSummary'>> {
  const { tenantId } = req.actor;
  const { ticket, conversation } = database().entities;
  const now = new Date().toISOString();
  const since = new Date(Date.now() - SUMMARY_DAYS * 86_400_000).toISOString();
  const [byStatus, { data: open }, { data: recent }] = await Promise.all([
    Promise.all(
      TICKET_STATUSES.map((status) =>
        ticket.query
          .byStatus({ tenantId, status })
          .go({ pages: 'all', attributes: ['status', 'firstResponseAt', 'firstResponseDueAt', 'resolutionDueAt'] })
          .then(({ data }) => ({ status, data })),
      ),
    ),
    conversation.query
      .byFirm({ tenantId })
      .where((a, op) => op.eq(a.status, 'OPEN'))
      .go({ pages: 'all', attributes: ['conversationId'] }),
    ticket.query
      .byFirm({ tenantId })
      .gte({ createdAt: since })
      .where((a, op) => op.exists(a.firstResponseAt))
      .go({ pages: 'all', attributes: ['createdAt', 'firstResponseAt'] }),
  ]);
  const minutes = recent.map((t) => (Date.parse(t.firstResponseAt!) - Date.parse(t.createdAt)) / 60_000).sort((a, b) => a - b);
  return {
    body: {
      openConversations: open.length,
      ticketsByStatus: Object.fromEntries(byStatus.map(({ status, data }) => [status, data.length])) as ReplyOf<'getSupportSummary'>['body']['ticketsByStatus'],
      overdueTickets: byStatus.reduce((sum, { data }) => sum + data.filter((t) => overdueOf(t, now).length > 0).length, 0),
      medianFirstResponseMinutes: median(minutes),
      answeredTickets: minutes.length,
    },
  };
}

function median(sorted: number[]): number | null {
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  return Math.round(sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
}

export const handler = contextHandler({
  routes: TICKETS_OPERATIONS,
  schemas: TICKETS_SCHEMAS,
  operations: {
    listTickets,
    createTicket,
    getSupportSummary,
    getTicket,
    updateTicket: againOnRace(updateTicket),
    addTicketComment: againOnRace(addTicketComment),
  },
  authenticate: actorFromClaims,
});
