/**
 * Conversations (ADR 0033): lists as the reader may see them (one Query a page on the index
 * the view picks, plus one BatchGet of read positions), a client's own conversation made on
 * first use, messages in order, read positions, and assignment by leads and admins.
 */
import { forbidden, notFound, validationFailed } from '../../../shared/api/errors.ts';
import { CONVERSATIONS_OPERATIONS } from '../../../shared/api/operations/conversations.ts';
import { CONVERSATIONS_SCHEMAS } from '../../../shared/api/schemas/conversations.ts';
import { AuditEntry } from '../../../shared/db/entities/audit-entry.ts';
import { Customer } from '../../../shared/db/entities/customer.ts';
import {
  Conversation,
  ConversationMessage,
  ConversationRead,
  DefaultConversation,
  SupportTicket,
  UNASSIGNED,
} from '../../../shared/db/entities/conversation.ts';
import { Lead } from '../../../shared/db/entities/lead.ts';
import { OutboxEvent } from '../../../shared/db/entities/outbox-event.ts';
import { User } from '../../../shared/db/entities/user.ts';
import { AppError } from '../../../shared/api/errors.ts';
import { auditAndEvent, commitTransaction, type ChangeRecord } from '../../../shared/db/mutation.ts';
import { queryPage } from '../../../shared/db/pagination.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { accessOf } from '../../../shared/domain/customers/customers.ts';
import { readerOf, unreadCount } from '../../../shared/domain/conversations/conversations.ts';
import { ticketStatusFor } from '../../../shared/domain/conversations/tickets.ts';
import { hasPermission } from '../../../shared/domain/identity/policy.ts';
import { isStaff } from '../../../shared/domain/identity/permissions.ts';
import { actorFromClaims, type AuthenticatedActor } from '../../lib/auth.ts';
import { changeContext } from '../../lib/change-context.ts';
import { contextHandler, type ReplyOf, type RequestOf } from '../../lib/http.ts';
import { openableCustomer } from '../../customers/access.ts';
import { conversationFor, conversationView, lastOf, newConversation, positionOf, readsOf, type ConversationItem } from '../access.ts';
import { checkTopicLinks, getConversationCustomer, listConversationAssignees } from '../inbox.ts';
import { deleteConversationMessage, editConversationMessage } from '../message-changes.ts';
import { messageView, moveReadTo, sendMessage } from '../messages.ts';
import { attachmentsFor, attachmentViews } from '../../requests/attachments.ts';
import { getConversationSettings, updateConversationSettings } from '../settings.ts';

const database = databaseOf({
  conversation: Conversation,
  message: ConversationMessage,
  read: ConversationRead,
  ticket: SupportTicket,
  defaultConversation: DefaultConversation,
  user: User,
  customer: Customer,
  lead: Lead,
  audit: AuditEntry,
  outbox: OutboxEvent,
});

/** Most conversations a total of unread counts looks at: the reader's latest. */
const UNREAD_SCAN = 100;

async function listConversations(req: RequestOf<'listConversations'>): Promise<ReplyOf<'listConversations'>> {
  const { actor } = req;
  const { limit, cursor, view, status, source, customerId, assigneeId } = req.query;
  const reader = readerOf(actor);
  const { conversation } = database().entities;
  const tenantId = actor.tenantId;
  const chosen = reader.staff ? (view ?? (reader.seesAll ? 'all' : 'mine')) : undefined;
  if (reader.staff && !reader.seesAll && chosen !== 'mine')
    throw forbidden('Only leads and admins see unassigned conversations or all of them; you see those assigned to you.');
  if (assigneeId && !((reader.staff && reader.seesAll) || assigneeId === actor.userId))
    throw forbidden('Only leads and admins see the conversations of another member of staff.');
  if (!reader.staff && (!reader.contact || (customerId && customerId !== reader.contact.customerId))) throw notFound('Customer');
  const ofCustomer = reader.staff ? customerId : reader.contact!.customerId;
  // One member of staff's: their index, whatever the view.
  const ofAssignee = reader.staff ? (assigneeId ?? (chosen === 'mine' ? actor.userId : undefined)) : undefined;
  const query = ofCustomer
    ? conversation.query.byCustomer({ tenantId, customerKey: ofCustomer })
    : ofAssignee
      ? conversation.query.byAssignee({ tenantId, assigneeKey: ofAssignee })
      : chosen === 'all'
        ? conversation.query.byFirm({ tenantId })
        : conversation.query.byAssignee({ tenantId, assigneeKey: UNASSIGNED });
  const filtered = query.where((a, op) =>
    [
      ...(status ? [op.eq(a.status, status)] : []),
      ...(source ? [op.eq(a.source, source)] : []),
      // The index of a customer holds every one of theirs: the view still applies.
      ...(ofCustomer && ofAssignee ? [op.eq(a.assigneeKey, ofAssignee)] : []),
      ...(ofCustomer && !ofAssignee && chosen === 'unassigned' ? [op.eq(a.assigneeKey, UNASSIGNED)] : []),
      ...(!reader.staff && reader.contact && accessOf(reader.contact) === 'own' ? [op.eq(a.startedBy, actor.userId)] : []),
    ].join(' AND '),
  );
  const page = await queryPage(
    cursor,
    (next) => filtered.go({ limit, cursor: next, order: 'desc' }),
    (item) => item,
  );
  const reads = await readsOf(actor, page.items);
  return { body: { items: page.items.map((c) => conversationView(c, reads.get(c.conversationId), reader.staff)), nextCursor: page.nextCursor } };
}

/** A member of staff of the firm who may take conversations, by id; anyone else is named in the error. */
async function assigneeFor(actor: AuthenticatedActor, assigneeId: string, field: string) {
  const { data: user } = await database().entities.user.get({ tenantId: actor.tenantId, userId: assigneeId }).go();
  if (!user || !isStaff(user.role) || user.status !== 'active') throw validationFailed([{ field, message: 'must be an active member of staff of this firm' }]);
  return user;
}

async function startConversation(req: RequestOf<'startConversation'>): Promise<ReplyOf<'startConversation'>> {
  return isStaff(req.actor.role) ? startOnTopic(req) : clientsConversation(req.actor, req);
}

/** A client's conversation: the customer's (or, with `own` access, their own), made on first use. */
async function clientsConversation(actor: AuthenticatedActor, req: RequestOf<'startConversation'>): Promise<ReplyOf<'startConversation'>> {
  const contact = actor.contact;
  if (!contact) throw notFound('Customer');
  if (req.body.customerId && req.body.customerId !== contact.customerId) throw notFound('Customer');
  const owner = accessOf(contact) === 'own' ? actor.userId : 'customer';
  const claimKey = { tenantId: actor.tenantId, customerKey: contact.customerId, owner };
  const existing = async () => {
    const { data: claim } = await database().entities.defaultConversation.get(claimKey).go();
    return claim ? conversationFor(actor, claim.conversationId) : undefined;
  };
  const found = await existing();
  if (found) return { status: 200, body: conversationView(found, (await readsOf(actor, [found])).get(found.conversationId), false) };
  const { data: customer } = await database().entities.customer.get({ tenantId: actor.tenantId, customerId: contact.customerId }).go();
  if (!customer) throw notFound('Customer');
  // The customer's account manager takes their conversation until a lead or admin says otherwise.
  const { data: manager } = customer.accountManagerId
    ? await database().entities.user.get({ tenantId: actor.tenantId, userId: customer.accountManagerId }).go()
    : { data: null };
  const takes = manager && isStaff(manager.role) && manager.status === 'active' ? manager : undefined;
  const item = newConversation(actor.tenantId, customer, takes, owner !== 'customer' ? { startedBy: actor.userId } : {});
  try {
    await created(req, item, claimKey);
  } catch (error) {
    // Made at the same moment from another tab: that one is theirs.
    const made = await existing();
    if (made) return { status: 200, body: conversationView(made, undefined, false) };
    throw error;
  }
  return { status: 201, body: conversationView(item, undefined, false) };
}

/** Staff start a conversation with a customer they may open, on a topic; a team member takes it (they would not see it otherwise). */
async function startOnTopic(req: RequestOf<'startConversation'>): Promise<ReplyOf<'startConversation'>> {
  const { actor, body } = req;
  if (!body.customerId) throw validationFailed([{ field: 'customerId', message: 'is required: the customer to talk to' }]);
  if (!body.subject) throw validationFailed([{ field: 'subject', message: 'is required: what the conversation is about' }]);
  const customer = await openableCustomer(actor, body.customerId);
  await checkTopicLinks(actor, customer.customerId, body);
  const assigneeId = body.assigneeId ?? actor.userId;
  if (assigneeId !== actor.userId && !hasPermission(actor, 'conversations.assign')) throw forbidden('Only leads and admins assign conversations to others.');
  const assignee = assigneeId === actor.userId ? { name: actor.name } : await assigneeFor(actor, assigneeId, 'assigneeId');
  const item = newConversation(
    actor.tenantId,
    customer,
    { userId: assigneeId, name: assignee.name },
    { subject: body.subject, requestId: body.requestId, bookingId: body.bookingId },
  );
  await created(req, item);
  return { status: 201, body: conversationView(item, undefined, true) };
}

/** Writes a new conversation with its audit entry and event, and (a client's) the claim that makes it their default. */
async function created(req: RequestOf<'startConversation'>, item: ConversationItem, defaultFor?: { tenantId: string; customerKey: string; owner: string }) {
  await commitTransaction(
    database(),
    (e) => [
      e.conversation.create(item).commit(),
      ...(defaultFor ? [e.defaultConversation.create({ ...defaultFor, conversationId: item.conversationId }).commit()] : []),
      ...auditAndEvent(e, changeContext(req), {
        action: 'conversation.started',
        entityType: 'conversation',
        entityId: item.conversationId,
        ...(item.customerId && { customerId: item.customerId }),
        changes: [{ field: 'subject', from: null, to: item.subject ?? null }],
        event: {
          type: 'conversation.started',
          detail: {
            conversationId: item.conversationId,
            source: item.source,
            ...(item.customerId && { customerId: item.customerId }),
            ...(item.assigneeId && { assigneeId: item.assigneeId }),
            startedBy: req.actor.userId,
          },
        },
      }),
    ],
    'This conversation was started at the same moment elsewhere.',
  );
}

async function getConversation(req: RequestOf<'getConversation'>): Promise<ReplyOf<'getConversation'>> {
  const c = await conversationFor(req.actor, req.params.conversationId);
  const staff = isStaff(req.actor.role);
  const [reads, ticket, lead] = await Promise.all([
    readsOf(req.actor, [c]),
    c.ticketId ? database().entities.ticket.get({ tenantId: c.tenantId, ticketId: c.ticketId }).go() : undefined,
    staff && c.leadId ? database().entities.lead.get({ tenantId: c.tenantId, leadId: c.leadId }).go() : undefined,
  ]);
  const l = lead?.data;
  const read = reads.get(c.conversationId);
  const t = ticket?.data;
  return {
    body: {
      ...conversationView(c, read, staff),
      read: positionOf(read),
      ...(l && {
        lead: { name: l.name, email: l.email, status: l.status, ...(l.company && { company: l.company }), ...(l.sourceUrl && { sourceUrl: l.sourceUrl }) },
      }),
      ...(t && {
        ticket: { ticketId: t.ticketId, subject: t.subject, status: t.status, priority: t.priority, ...(t.assigneeName && { assigneeName: t.assigneeName }) },
      }),
    },
  };
}

async function getConversationUnread(req: RequestOf<'getConversationUnread'>): Promise<ReplyOf<'getConversationUnread'>> {
  const { actor } = req;
  const reader = readerOf(actor);
  const { conversation } = database().entities;
  // Staff count those assigned to them; a client their customer's they may see.
  const query = reader.staff
    ? conversation.query.byAssignee({ tenantId: actor.tenantId, assigneeKey: actor.userId })
    : reader.contact
      ? conversation.query.byCustomer({ tenantId: actor.tenantId, customerKey: reader.contact.customerId })
      : undefined;
  if (!query) return { body: { total: 0, conversations: [] } };
  const own = !reader.staff && reader.contact && accessOf(reader.contact) === 'own';
  const { data } = await (own ? query.where((a, op) => op.eq(a.startedBy, actor.userId)) : query).go({ limit: UNREAD_SCAN, order: 'desc' });
  const reads = await readsOf(actor, data);
  const conversations = data
    .map((c) => ({ conversationId: c.conversationId, unread: unreadCount(lastOf(c), positionOf(reads.get(c.conversationId)), reader.staff) }))
    .filter((c) => c.unread > 0);
  return { body: { total: conversations.reduce((sum, c) => sum + c.unread, 0), conversations } };
}

async function listConversationMessages(req: RequestOf<'listConversationMessages'>): Promise<ReplyOf<'listConversationMessages'>> {
  const c = await conversationFor(req.actor, req.params.conversationId);
  const staff = isStaff(req.actor.role);
  const { after, before, limit = 50 } = req.query;
  if (after !== undefined && before !== undefined)
    throw validationFailed([{ field: 'query.before', message: 'cannot go with after: ask for one or the other' }]);
  const { message } = database().entities;
  const key = { tenantId: c.tenantId, conversationId: c.conversationId };
  // Newer than what was seen, oldest first; or the latest page (before a number), read newest first and turned round.
  const range =
    after !== undefined
      ? message.query.bySeq(key).gt({ seq: after })
      : before !== undefined
        ? message.query.bySeq(key).lt({ seq: before })
        : message.query.bySeq(key);
  const visible = staff ? range : range.where((a, op) => op.eq(a.internal, false));
  const { data } = await visible.go({ limit: limit + 1, order: after !== undefined ? 'asc' : 'desc' });
  const more = data.length > limit;
  const items = data.slice(0, limit);
  if (after === undefined) items.reverse();
  const [reads, attachments] = await Promise.all([
    readsOf(req.actor, [c]),
    attachmentViews(
      req.actor,
      items.map((m) => m.attachedDocuments),
    ),
  ]);
  return { body: { items: items.map((m, i) => messageView(m, attachments[i])), last: lastOf(c), read: positionOf(reads.get(c.conversationId)), more } };
}

async function sendConversationMessage(req: RequestOf<'sendConversationMessage'>): Promise<ReplyOf<'sendConversationMessage'>> {
  const { actor, body } = req;
  const c = await conversationFor(actor, req.params.conversationId);
  const staff = isStaff(actor.role);
  if (body.internal && !staff) throw validationFailed([{ field: 'internal', message: 'is for staff: private notes are never shown to clients' }]);
  const attachedDocuments = await attachmentsFor(actor, { customerId: c.customerId, internal: body.internal ?? false }, body.attachments);
  const { message, created } = await sendMessage(
    c,
    {
      clientMessageId: body.clientMessageId,
      body: body.body,
      internal: body.internal ?? false,
      sender: { userId: actor.userId, name: actor.name, email: actor.email, kind: staff ? 'staff' : 'contact' },
      attachedDocuments,
    },
    changeContext(req),
  );
  const [attachments] = await attachmentViews(actor, [message.attachedDocuments]);
  return { status: created ? 201 : 200, body: messageView(message, attachments) };
}

async function markConversationRead(req: RequestOf<'markConversationRead'>): Promise<ReplyOf<'markConversationRead'>> {
  const { actor } = req;
  const c = await conversationFor(actor, req.params.conversationId);
  const staff = isStaff(actor.role);
  const seq = Math.min(req.body.seq, c.lastSeq);
  const current = positionOf((await readsOf(actor, [c])).get(c.conversationId));
  const moved = await moveReadTo(c, actor.userId, { seq }, current, changeContext(req).correlationId);
  // Not moved: already there, or read further meanwhile (another tab); that position stands.
  const position = moved ?? (seq <= current.seq ? current : positionOf((await readsOf(actor, [c])).get(c.conversationId)));
  return { body: { read: position, unread: unreadCount(lastOf(c), position, staff) } };
}

/**
 * Leads and admins assign a conversation (null: to nobody); staff who see it set its status.
 * Its ticket follows both in the same transaction (ADR 0033's mapping).
 */
async function updateConversation(req: RequestOf<'updateConversation'>): Promise<ReplyOf<'updateConversation'>> {
  // A message arriving meanwhile changes the conversation, not what is asked here: read it again and apply the change to what is there now.
  for (let attempt = 1; ; attempt++) {
    try {
      return await applyUpdate(req);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'conflict') || attempt === UPDATE_TRIES) throw error;
    }
  }
}

const UPDATE_TRIES = 4;

async function applyUpdate(req: RequestOf<'updateConversation'>): Promise<ReplyOf<'updateConversation'>> {
  const { actor, body } = req;
  if (!isStaff(actor.role)) throw forbidden('Only staff assign conversations or change their status.');
  const c = await conversationFor(actor, req.params.conversationId);
  if (body.assigneeId !== undefined && !hasPermission(actor, 'conversations.assign')) throw forbidden('Only leads and admins assign conversations.');
  const assignee = body.assigneeId ? await assigneeFor(actor, body.assigneeId, 'assigneeId') : undefined;
  const reassigned = body.assigneeId !== undefined && (body.assigneeId ?? undefined) !== c.assigneeId;
  const restatused = body.status !== undefined && body.status !== c.status;
  const staffView = (item: ConversationItem) => conversationView(item, undefined, true);
  if (!reassigned && !restatused) return { body: { ...staffView(c), unread: await getUnread(actor, c) } };
  const to = reassigned
    ? assignee
      ? { assigneeKey: assignee.userId, assigneeId: assignee.userId, assigneeName: assignee.name }
      : { assigneeKey: UNASSIGNED }
    : {};
  const status = restatused ? body.status! : c.status;
  const { data: ticket } = c.ticketId ? await database().entities.ticket.get({ tenantId: c.tenantId, ticketId: c.ticketId }).go() : { data: null };
  const ticketStatus = ticket && restatused ? ticketStatusFor(status, ticket.status) : ticket?.status;
  const ctx = changeContext(req);
  const customer = { ...(c.customerId && { customerId: c.customerId }) };
  const changes: ChangeRecord[] = [
    ...(reassigned
      ? [
          {
            action: 'conversation.assigned',
            entityType: 'conversation',
            entityId: c.conversationId,
            ...customer,
            changes: [{ field: 'assignee', from: c.assigneeName ?? null, to: assignee?.name ?? null }],
            event: {
              type: 'conversation.assigned' as const,
              detail: {
                conversationId: c.conversationId,
                ...customer,
                ...(assignee && { assigneeId: assignee.userId }),
                ...(c.assigneeId && { previousAssigneeId: c.assigneeId }),
              },
            },
          },
        ]
      : []),
    ...(restatused
      ? [
          {
            action: 'conversation.status_changed',
            entityType: 'conversation',
            entityId: c.conversationId,
            ...customer,
            changes: [{ field: 'status', from: c.status, to: status }],
            event: { type: 'conversation.status_changed' as const, detail: { conversationId: c.conversationId, ...customer, from: c.status, to: status } },
          },
        ]
      : []),
  ];
  const at = new Date().toISOString();
  await commitTransaction(
    database(),
    (e) => [
      e.conversation
        .patch({ tenantId: c.tenantId, conversationId: c.conversationId })
        .set({ ...to, status, version: c.version + 1 })
        .remove(reassigned && !assignee ? ['assigneeId', 'assigneeName'] : [])
        // The index keys as they are now (ElectroDB makes them conditions); the new ones follow from what is set.
        .composite({ customerKey: c.customerKey, lastActivityAt: c.lastActivityAt, conversationId: c.conversationId, assigneeKey: c.assigneeKey })
        .where((a, op) => op.eq(a.version, c.version))
        .commit(),
      ...(ticket
        ? [
            e.ticket
              .patch({ tenantId: c.tenantId, ticketId: ticket.ticketId })
              .set({
                ...to,
                status: ticketStatus!,
                ...(ticketStatus === 'resolved' && !ticket.resolvedAt && { resolvedAt: at }),
                version: ticket.version + 1,
              })
              .remove(reassigned && !assignee ? ['assigneeId', 'assigneeName'] : [])
              .composite({
                customerKey: ticket.customerKey,
                createdAt: ticket.createdAt,
                ticketId: ticket.ticketId,
                assigneeKey: ticket.assigneeKey,
                status: ticket.status,
              })
              .where((a, op) => op.eq(a.version, ticket.version))
              .commit(),
          ]
        : []),
      ...changes.flatMap((change) => auditAndEvent(e, ctx, change)),
    ],
    'Someone changed this conversation at the same moment. Reload and try again.',
  );
  const updated = { ...c, ...to, status, ...(reassigned && !assignee && { assigneeId: undefined, assigneeName: undefined }) };
  return { body: { ...staffView(updated), unread: await getUnread(actor, c) } };
}

/** The reader's unread count in one conversation. */
async function getUnread(actor: AuthenticatedActor, c: ConversationItem) {
  return unreadCount(lastOf(c), positionOf((await readsOf(actor, [c])).get(c.conversationId)), isStaff(actor.role));
}

export const handler = contextHandler({
  routes: CONVERSATIONS_OPERATIONS,
  schemas: CONVERSATIONS_SCHEMAS,
  operations: {
    listConversations,
    startConversation,
    getConversationUnread,
    getConversation,
    updateConversation,
    listConversationMessages,
    sendConversationMessage,
    markConversationRead,
    editConversationMessage,
    deleteConversationMessage,
    getConversationCustomer,
    listConversationAssignees,
    getConversationSettings,
    updateConversationSettings,
  },
  authenticate: actorFromClaims,
});
