/**
 * Sending a message (ADR 0033). One transaction numbers it after the conversation's last
 * message (on the condition that the last is still the one read, so two sent at the same
 * moment take two numbers, in one order for everyone), takes the sender's id for it (a resend
 * finds the message already stored), moves the sender's read position to it, and makes or
 * reopens the ticket of a customer's message. Lost races are tried again with a fresh read.
 */
import { randomUUID } from 'node:crypto';
import type { EntityItem } from 'electrodb';
import { AppError } from '../../shared/api/errors.ts';
import type { MessageView } from '../../shared/api/schemas/conversations.ts';
import { AuditEntry } from '../../shared/db/entities/audit-entry.ts';
import { Conversation, ConversationClientMessage, ConversationMessage, ConversationRead, SupportTicket } from '../../shared/db/entities/conversation.ts';
import { Lead } from '../../shared/db/entities/lead.ts';
import { OutboxEvent } from '../../shared/db/entities/outbox-event.ts';
import { auditAndEvent, commitTransaction, outboxItem, type ChangeContext } from '../../shared/db/mutation.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { nextPosition, previewOf, type Position } from '../../shared/domain/conversations/conversations.ts';
import { slaDue, ticketOnCustomerMessage, type TicketSla } from '../../shared/domain/conversations/tickets.ts';
import { lastOf, type ConversationItem } from './access.ts';
import { slaOf } from './ticket-access.ts';

export const database = databaseOf({
  conversation: Conversation,
  message: ConversationMessage,
  clientMessage: ConversationClientMessage,
  read: ConversationRead,
  ticket: SupportTicket,
  lead: Lead,
  audit: AuditEntry,
  outbox: OutboxEvent,
});

export type MessageItem = EntityItem<typeof ConversationMessage>;

/** How often a send is tried when other messages took the next number first. */
const SEND_TRIES = 8;

/** A message as shown; `attachments` as the reader may see them (attachmentViews), or by name only (live). */
export const messageView = (
  { seq, publicNo, clientMessageId, senderId, senderName, senderKind, body, internal, attachedDocuments, editedAt, deletedAt, createdAt }: MessageItem,
  attachments: MessageView['attachments'] = attachedDocuments,
): MessageView => ({
  seq,
  publicNo,
  clientMessageId,
  senderId,
  senderName,
  senderKind,
  body,
  internal,
  ...(attachments?.length && { attachments }),
  ...(editedAt && { editedAt }),
  ...(deletedAt && { deletedAt }),
  createdAt,
});

export interface Sending {
  clientMessageId: string;
  body: string;
  internal: boolean;
  sender: { userId: string; name: string; email: string; kind: 'staff' | 'contact' | 'lead' };
  /** Documents of the customer, checked by the caller (functions/requests/attachments.ts). */
  attachedDocuments?: { documentId?: string; name: string }[];
}

/** The message stored for this sender id, if any (a resend). */
async function alreadySent(c: ConversationItem, clientMessageId: string): Promise<MessageItem | undefined> {
  const { entities } = database();
  const { data: claim } = await entities.clientMessage.get({ tenantId: c.tenantId, conversationId: c.conversationId, clientMessageId }).go();
  if (!claim) return undefined;
  const { data } = await entities.message.get({ tenantId: c.tenantId, conversationId: c.conversationId, seq: claim.seq }).go();
  return data ?? undefined;
}

/** A conversation made with its first message, in the same transaction, with whatever else its making writes. */
export interface Starting {
  writes: (e: Entities) => ReturnType<typeof auditAndEvent>;
}

/**
 * Sends the message; `created` is false when the sender's id was already used (the stored
 * message is answered). With `starting`, `first` is a new conversation, made by the same write.
 */
export async function sendMessage(
  first: ConversationItem,
  sending: Sending,
  ctx: ChangeContext,
  starting?: Starting,
): Promise<{ message: MessageItem; created: boolean }> {
  let conversation = first;
  for (let attempt = 1; ; attempt++) {
    const earlier = starting ? undefined : await alreadySent(conversation, sending.clientMessageId);
    if (earlier) return { message: earlier, created: false };
    try {
      return { message: await write(conversation, sending, ctx, starting), created: true };
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'conflict') || attempt === SEND_TRIES || starting) throw error;
      // Another message took the number (or the same one was sent at the same moment): read again.
      const { data } = await database().entities.conversation.get({ tenantId: conversation.tenantId, conversationId: conversation.conversationId }).go();
      if (!data) throw error;
      conversation = data;
    }
  }
}

async function write(c: ConversationItem, sending: Sending, ctx: ChangeContext, starting?: Starting): Promise<MessageItem> {
  const { entities } = database();
  const key = { tenantId: c.tenantId, conversationId: c.conversationId };
  const at = new Date().toISOString();
  const position = nextPosition(lastOf(c), sending.internal);
  const fromCustomer = sending.sender.kind !== 'staff';
  const ticket = c.ticketId ? (await entities.ticket.get({ tenantId: c.tenantId, ticketId: c.ticketId }).go()).data : null;
  const onTicket = fromCustomer
    ? ticketOnCustomerMessage(ticket ?? undefined, { from: c.customerName || sending.sender.email, body: sending.body, assigneeId: c.assigneeId })
    : undefined;
  const newTicketId = onTicket && 'create' in onTicket ? randomUUID() : undefined;
  const sla = newTicketId ? await slaOf(c.tenantId) : undefined;
  // A member of staff's first public reply is the ticket's first response.
  const firstResponse = !fromCustomer && !sending.internal && ticket && !ticket.firstResponseAt;
  const message: MessageItem = {
    ...key,
    ...position,
    clientMessageId: sending.clientMessageId,
    senderId: sending.sender.userId,
    senderName: sending.sender.name,
    senderKind: sending.sender.kind,
    body: sending.body,
    internal: sending.internal,
    ...(sending.attachedDocuments?.length && { attachedDocuments: sending.attachedDocuments }),
    createdAt: at,
  };
  const preview = previewOf(sending.body);
  const moved = {
    lastSeq: position.seq,
    lastPublicNo: position.publicNo,
    lastActivityAt: at,
    preview,
    ...(!sending.internal && { publicPreview: preview }),
    // A customer writing again opens what was pending, resolved or closed.
    ...(fromCustomer && { status: 'OPEN' as const }),
    ...(newTicketId && { ticketId: newTicketId }),
    version: c.version + 1,
  };
  await commitTransaction(
    database(),
    (e) => [
      starting
        ? e.conversation.create({ ...c, ...moved }).commit()
        : e.conversation
            .patch(key)
            .set(moved)
            .composite({ customerKey: c.customerKey, assigneeKey: c.assigneeKey, conversationId: c.conversationId })
            .where((a, op) => op.eq(a.lastSeq, c.lastSeq))
            .commit(),
      ...(starting?.writes(e) ?? []),
      e.message.create(message).commit(),
      e.clientMessage.create({ ...key, clientMessageId: sending.clientMessageId, seq: position.seq }).commit(),
      e.read.put({ ...key, userId: sending.sender.userId, ...position, at }).commit(),
      ...ticketWrites(e, c, ctx, { onTicket, newTicketId, sla, ticket, firstResponse: Boolean(firstResponse), at }),
      e.outbox
        .create(
          outboxItem(
            c.tenantId,
            {
              type: 'conversation.message_sent',
              detail: {
                conversationId: c.conversationId,
                ...position,
                internal: sending.internal,
                senderId: sending.sender.userId,
                senderKind: sending.sender.kind,
                ...(c.customerId && { customerId: c.customerId }),
                ...(c.assigneeId && { assigneeId: c.assigneeId }),
              },
            },
            { entityId: c.conversationId, actorId: ctx.actorId, correlationId: ctx.correlationId },
          ),
        )
        .commit(),
    ],
    'Another message took this place at the same moment.',
  );
  return message;
}

type Entities = Parameters<Parameters<ReturnType<typeof database>['transaction']['write']>[0]>[0];

/** The ticket's part of a message's transaction: made, opened again, or its first response timed. */
function ticketWrites(
  e: Entities,
  c: ConversationItem,
  ctx: ChangeContext,
  t: {
    onTicket: ReturnType<typeof ticketOnCustomerMessage> | undefined;
    newTicketId: string | undefined;
    sla: TicketSla | undefined;
    ticket: EntityItem<typeof SupportTicket> | null;
    firstResponse: boolean;
    at: string;
  },
) {
  const customer = { ...(c.customerId && { customerId: c.customerId }) };
  if (t.onTicket && 'create' in t.onTicket && t.newTicketId) {
    const made = t.onTicket.create;
    return [
      e.ticket
        .create({
          tenantId: c.tenantId,
          ticketId: t.newTicketId,
          source: 'conversation',
          conversationId: c.conversationId,
          customerKey: c.customerKey,
          ...customer,
          customerName: c.customerName,
          subject: made.subject,
          description: made.description,
          status: made.status,
          priority: made.priority,
          // A contact's own conversation: theirs alone to see, as the ticket it made.
          ...(c.startedBy && { raisedBy: c.startedBy }),
          ...(c.assigneeId && { assigneeKey: c.assigneeId, assigneeId: c.assigneeId, assigneeName: c.assigneeName ?? '' }),
          ...(t.sla && slaDue(t.at, made.priority, t.sla)),
          createdAt: t.at,
        })
        .commit(),
      ...auditAndEvent(e, ctx, {
        action: 'ticket.created',
        entityType: 'support_ticket',
        entityId: t.newTicketId,
        ...customer,
        changes: [{ field: 'subject', from: null, to: made.subject }],
        event: {
          type: 'ticket.created',
          detail: {
            ticketId: t.newTicketId,
            source: 'conversation',
            conversationId: c.conversationId,
            ...customer,
            ...(c.assigneeId && { assigneeId: c.assigneeId }),
            subject: made.subject,
            priority: made.priority,
          },
        },
      }),
    ];
  }
  if (!t.ticket) return [];
  const ticketKey = { tenantId: c.tenantId, ticketId: t.ticket.ticketId };
  const ticketIndexes = { status: t.ticket.status, assigneeKey: t.ticket.assigneeKey, customerKey: t.ticket.customerKey, createdAt: t.ticket.createdAt };
  if (t.onTicket && 'reopen' in t.onTicket) {
    // Open already: only its time moves.
    if (t.ticket.status === 'open')
      return [
        e.ticket
          .patch(ticketKey)
          .set({ version: t.ticket.version + 1 })
          .composite(ticketIndexes)
          .commit(),
      ];
    return [
      e.ticket
        .patch(ticketKey)
        .set({ status: 'open', version: t.ticket.version + 1 })
        .remove(['resolvedAt'])
        .composite(ticketIndexes)
        .commit(),
      ...auditAndEvent(e, ctx, {
        action: 'ticket.reopened',
        entityType: 'support_ticket',
        entityId: t.ticket.ticketId,
        ...customer,
        changes: [{ field: 'status', from: t.ticket.status, to: 'open' }],
        event: {
          type: 'ticket.updated',
          detail: {
            ticketId: t.ticket.ticketId,
            ...customer,
            fields: ['status'],
            status: 'open',
            ...(t.ticket.assigneeId && { assigneeId: t.ticket.assigneeId }),
          },
        },
      }),
    ];
  }
  if (t.firstResponse)
    return [
      e.ticket
        .patch(ticketKey)
        .set({ firstResponseAt: t.at, version: t.ticket.version + 1 })
        .composite(ticketIndexes)
        .commit(),
    ];
  return [];
}

/**
 * Moves a reader's position forward to message `to.seq` (never back), with the read receipt for
 * those following. Its `publicNo`, when the caller holds the message, saves reading it again.
 * Undefined when the position was already there or further (another tab read on meanwhile).
 */
export async function moveReadTo(
  c: ConversationItem,
  userId: string,
  to: { seq: number; publicNo?: number },
  current: Position,
  correlationId?: string,
): Promise<Position | undefined> {
  const { seq } = to;
  if (seq <= current.seq) return undefined;
  const key = { tenantId: c.tenantId, conversationId: c.conversationId };
  // The public number at that message: the message's own, or (none there) the last before it.
  const publicNo =
    to.publicNo ??
    (
      await database()
        .entities.message.get({ ...key, seq })
        .go()
    ).data?.publicNo;
  const position = { seq, publicNo: publicNo ?? current.publicNo };
  try {
    await commitTransaction(database(), (e) => [
      // Forward only: a late, older mark never moves it back.
      e.read
        .put({ ...key, userId, ...position, at: new Date().toISOString() })
        .where((a, op) => `(${op.notExists(a.seq)} OR ${op.lt(a.seq, seq)})`)
        .commit(),
      e.outbox
        .create(
          outboxItem(
            c.tenantId,
            { type: 'conversation.read', detail: { conversationId: c.conversationId, userId, ...position } },
            { entityId: c.conversationId, actorId: userId, ...(correlationId && { correlationId }) },
          ),
        )
        .commit(),
    ]);
  } catch (error) {
    if (error instanceof AppError && error.code === 'conflict') return undefined;
    throw error;
  }
  return position;
}
