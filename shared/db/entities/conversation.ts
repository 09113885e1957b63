import { Entity } from '../entity.ts';
import { CONVERSATION_SOURCES, CONVERSATION_STATUSES } from '../../domain/conversations/conversations.ts';
import { TICKET_CATEGORIES, TICKET_PRIORITIES, TICKET_SOURCES, TICKET_STATUSES } from '../../domain/conversations/tickets.ts';
import { ATTACHMENTS_ATTRIBUTE } from './document.ts';

/** Who is assigned, as the assignee index keys it: nobody is `none`. */
export const UNASSIGNED = 'none';

/**
 * A conversation of a customer (or a lead) with the firm (ADR 0033). Its last position numbers
 * the next message; every index is by last activity, newest first, so a list is one Query.
 * A change of activity or assignee needs `.composite({ customerKey, assigneeKey, conversationId })`.
 */
export const Conversation = new Entity({
  model: { entity: 'conversation', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    conversationId: { type: 'string', required: true, readOnly: true },
    source: { type: CONVERSATION_SOURCES, required: true, readOnly: true },
    /** The customer, or for a lead `lead#<leadId>`: what the customer index keys. */
    customerKey: { type: 'string', required: true, readOnly: true },
    customerId: { type: 'string', readOnly: true },
    leadId: { type: 'string', readOnly: true },
    /** The name shown for the other side: the customer's, or the lead's (or their email). */
    customerName: { type: 'string', required: true },
    /** The contact who started it; a conversation of the whole customer has none (contacts with `own` access do not see it). */
    startedBy: { type: 'string', readOnly: true },
    assigneeKey: { type: 'string', required: true, default: UNASSIGNED },
    assigneeId: { type: 'string' },
    assigneeName: { type: 'string' },
    status: { type: CONVERSATION_STATUSES, required: true, default: 'OPEN' },
    subject: { type: 'string' },
    requestId: { type: 'string' },
    bookingId: { type: 'string' },
    ticketId: { type: 'string' },
    /** A website visitor's key to it (SHA-256 of the token they hold): the widget's conversations only. */
    widgetTokenHash: { type: 'string', readOnly: true },
    /** The key the latest email to that visitor carries (its link opens the conversation on the portal). */
    emailTokenHash: { type: 'string' },
    /** The page of the firm's site the widget was opened on. */
    sourcePage: { type: 'string', readOnly: true },
    /** The last message's numbers (shared/domain/conversations): every message, and those a client sees. */
    lastSeq: { type: 'number', required: true, default: 0 },
    lastPublicNo: { type: 'number', required: true, default: 0 },
    lastActivityAt: { type: 'string', required: true },
    /** The last message's first words: any for staff, the last public one for clients. */
    preview: { type: 'string' },
    publicPreview: { type: 'string' },
    createdAt: { type: 'string', required: true, readOnly: true },
    updatedAt: { type: 'string', required: true, default: () => new Date().toISOString(), watch: '*', set: () => new Date().toISOString() },
    version: { type: 'number', required: true, default: 1 },
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['tenantId', 'conversationId'], template: 't#${tenantId}#conversation#${conversationId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'conversation' },
    },
    byCustomer: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['tenantId', 'customerKey'], template: 't#${tenantId}#conversations-of#${customerKey}', casing: 'none' },
      sk: { field: 'gsi1sk', composite: ['lastActivityAt', 'conversationId'], template: '${lastActivityAt}#${conversationId}', casing: 'none' },
    },
    byAssignee: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['tenantId', 'assigneeKey'], template: 't#${tenantId}#conversations-assigned#${assigneeKey}', casing: 'none' },
      sk: { field: 'gsi2sk', composite: ['lastActivityAt', 'conversationId'], template: '${lastActivityAt}#${conversationId}', casing: 'none' },
    },
    byFirm: {
      index: 'gsi3',
      pk: { field: 'gsi3pk', composite: ['tenantId'], template: 't#${tenantId}#conversations', casing: 'none' },
      sk: { field: 'gsi3sk', composite: ['lastActivityAt', 'conversationId'], template: '${lastActivityAt}#${conversationId}', casing: 'none' },
    },
  },
});

/** One message, numbered in the transaction that writes it, in its conversation's partition. */
export const ConversationMessage = new Entity({
  model: { entity: 'conversationMessage', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    conversationId: { type: 'string', required: true, readOnly: true },
    /** Zero-padded in the sort key, so that text order is number order. */
    seq: { type: 'number', required: true, readOnly: true, padding: { length: 9, char: '0' } },
    /** Its number among those a client sees (an internal note keeps the one before). */
    publicNo: { type: 'number', required: true, readOnly: true },
    /** The sender's own id for it, so that a resend is never stored twice. */
    clientMessageId: { type: 'string', required: true, readOnly: true },
    senderId: { type: 'string', required: true, readOnly: true },
    senderName: { type: 'string', required: true },
    senderKind: { type: ['staff', 'contact', 'lead'] as const, required: true, readOnly: true },
    body: { type: 'string', required: true },
    internal: { type: 'boolean', required: true, default: false, readOnly: true },
    attachedDocuments: ATTACHMENTS_ATTRIBUTE,
    editedAt: { type: 'string' },
    deletedAt: { type: 'string' },
    createdAt: { type: 'string', required: true, readOnly: true },
  },
  indexes: {
    bySeq: {
      pk: { field: 'pk', composite: ['tenantId', 'conversationId'], template: 't#${tenantId}#conversation#${conversationId}', casing: 'none' },
      sk: { field: 'sk', composite: ['seq'], template: 'message#${seq}', casing: 'none' },
    },
  },
});

/** A sender's id for a message, taken once in the transaction that writes it: a resend finds the message it made. */
export const ConversationClientMessage = new Entity({
  model: { entity: 'conversationClientMessage', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    conversationId: { type: 'string', required: true, readOnly: true },
    clientMessageId: { type: 'string', required: true, readOnly: true },
    seq: { type: 'number', required: true, readOnly: true },
  },
  indexes: {
    byClientId: {
      pk: { field: 'pk', composite: ['tenantId', 'conversationId'], template: 't#${tenantId}#conversation#${conversationId}', casing: 'none' },
      sk: { field: 'sk', composite: ['clientMessageId'], template: 'client-message#${clientMessageId}', casing: 'none' },
    },
  },
});

/** How far a person has read a conversation: both numbers of the last message they saw. */
export const ConversationRead = new Entity({
  model: { entity: 'conversationRead', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    conversationId: { type: 'string', required: true, readOnly: true },
    userId: { type: 'string', required: true, readOnly: true },
    seq: { type: 'number', required: true },
    publicNo: { type: 'number', required: true },
    at: { type: 'string', required: true },
  },
  indexes: {
    byReader: {
      pk: { field: 'pk', composite: ['tenantId', 'conversationId'], template: 't#${tenantId}#conversation#${conversationId}', casing: 'none' },
      sk: { field: 'sk', composite: ['userId'], template: 'read#${userId}', casing: 'none' },
    },
  },
});

/**
 * The email a person who was away is owed for a conversation's new messages: one pending at a
 * time (later messages join it), due a minute after the first and never within 10 minutes of the
 * last one sent. Indexed by the UTC hour it falls due, across firms, for the job that sends it
 * (claimed from pending first, so it goes once).
 */
export const ConversationEmail = new Entity({
  model: { entity: 'conversationEmail', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    conversationId: { type: 'string', required: true, readOnly: true },
    userId: { type: 'string', required: true, readOnly: true },
    state: { type: ['pending', 'sending', 'sent', 'skipped'] as const, required: true },
    dueAt: { type: 'string', required: true },
    /** UTC 'YYYY-MM-DDTHH' of dueAt. */
    dueHour: { type: 'string', required: true },
    sentAt: { type: 'string' },
    /** The last message the last email quoted: the next tells only of later ones. */
    emailedSeq: { type: 'number' },
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    byPerson: {
      pk: { field: 'pk', composite: ['tenantId', 'conversationId'], template: 't#${tenantId}#conversation#${conversationId}', casing: 'none' },
      sk: { field: 'sk', composite: ['userId'], template: 'email#${userId}', casing: 'none' },
    },
    byDueHour: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['dueHour'], template: 'conversation-emails-due#${dueHour}', casing: 'none' },
      sk: {
        field: 'gsi1sk',
        composite: ['dueAt', 'tenantId', 'conversationId', 'userId'],
        template: '${dueAt}#${tenantId}#${conversationId}#${userId}',
        casing: 'none',
      },
    },
  },
});

/**
 * An open WebSocket following a conversation (subscribed once its person may open it): what a
 * new message, a read receipt or typing is pushed to. TTL forgets those whose close was missed.
 */
export const ConversationSubscription = new Entity({
  model: { entity: 'conversationSubscription', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    conversationId: { type: 'string', required: true, readOnly: true },
    connectionId: { type: 'string', required: true, readOnly: true },
    userId: { type: 'string', required: true, readOnly: true },
    name: { type: 'string', required: true },
    /** Staff see internal notes; clients never. */
    staff: { type: 'boolean', required: true, readOnly: true },
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    byConnection: {
      pk: { field: 'pk', composite: ['tenantId', 'conversationId'], template: 't#${tenantId}#conversation#${conversationId}', casing: 'none' },
      sk: { field: 'sk', composite: ['connectionId'], template: 'subscriber#${connectionId}', casing: 'none' },
    },
  },
});

/**
 * The conversation a customer (or, for a contact with `own` access, that contact) has by
 * default: taken on the condition that none is there, so two first messages at once make one.
 */
export const DefaultConversation = new Entity({
  model: { entity: 'defaultConversation', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    customerKey: { type: 'string', required: true, readOnly: true },
    /** `customer`, or the contact's user id. */
    owner: { type: 'string', required: true, readOnly: true },
    conversationId: { type: 'string', required: true, readOnly: true },
  },
  indexes: {
    byOwner: {
      pk: {
        field: 'pk',
        composite: ['tenantId', 'customerKey', 'owner'],
        template: 't#${tenantId}#default-conversation#${customerKey}#${owner}',
        casing: 'none',
      },
      sk: { field: 'sk', composite: [], template: 'default-conversation' },
    },
  },
});

/**
 * A support ticket (ADR 0033): made from a customer's first message in a conversation, or
 * raised by a client in the portal. First response and resolution are timed for the SLA.
 */
export const SupportTicket = new Entity({
  model: { entity: 'supportTicket', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    ticketId: { type: 'string', required: true, readOnly: true },
    source: { type: TICKET_SOURCES, required: true, readOnly: true },
    conversationId: { type: 'string', readOnly: true },
    customerKey: { type: 'string', required: true, readOnly: true },
    customerId: { type: 'string', readOnly: true },
    customerName: { type: 'string', required: true },
    /** The contact who raised it (portal tickets; contacts with `own` access see theirs only). */
    raisedBy: { type: 'string', readOnly: true },
    subject: { type: 'string', required: true },
    description: { type: 'string', required: true },
    category: { type: TICKET_CATEGORIES, required: true, default: 'general' },
    priority: { type: TICKET_PRIORITIES, required: true, default: 'normal' },
    status: { type: TICKET_STATUSES, required: true, default: 'open' },
    assigneeKey: { type: 'string', required: true, default: UNASSIGNED },
    assigneeId: { type: 'string' },
    assigneeName: { type: 'string' },
    resolution: { type: 'string' },
    firstResponseAt: { type: 'string' },
    resolvedAt: { type: 'string' },
    /** From the firm's SLA for its priority (shared/domain/conversations/tickets.ts): set at creation, again when the priority changes. */
    firstResponseDueAt: { type: 'string' },
    resolutionDueAt: { type: 'string' },
    /** Who was alerted that it is overdue, and for what (alerts go once). */
    overdueAlerted: { type: 'list', items: { type: 'string' } },
    createdAt: { type: 'string', required: true, readOnly: true },
    updatedAt: { type: 'string', required: true, default: () => new Date().toISOString(), watch: '*', set: () => new Date().toISOString() },
    version: { type: 'number', required: true, default: 1 },
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['tenantId', 'ticketId'], template: 't#${tenantId}#ticket#${ticketId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'ticket' },
    },
    byCustomer: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['tenantId', 'customerKey'], template: 't#${tenantId}#tickets-of#${customerKey}', casing: 'none' },
      sk: { field: 'gsi1sk', composite: ['createdAt', 'ticketId'], template: '${createdAt}#${ticketId}', casing: 'none' },
    },
    byAssignee: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['tenantId', 'assigneeKey'], template: 't#${tenantId}#tickets-assigned#${assigneeKey}', casing: 'none' },
      sk: { field: 'gsi2sk', composite: ['createdAt', 'ticketId'], template: '${createdAt}#${ticketId}', casing: 'none' },
    },
    byStatus: {
      index: 'gsi3',
      pk: { field: 'gsi3pk', composite: ['tenantId', 'status'], template: 't#${tenantId}#tickets#${status}', casing: 'none' },
      sk: { field: 'gsi3sk', composite: ['createdAt', 'ticketId'], template: '${createdAt}#${ticketId}', casing: 'none' },
    },
    /** Every ticket of the firm, newest first: leads' and admins' list without a status. */
    byFirm: {
      index: 'gsi4',
      pk: { field: 'gsi4pk', composite: ['tenantId'], template: 't#${tenantId}#tickets', casing: 'none' },
      sk: { field: 'gsi4sk', composite: ['createdAt', 'ticketId'], template: '${createdAt}#${ticketId}', casing: 'none' },
    },
  },
});

/** A comment on a ticket, in order; `internal` ones are staff's notes, never shown to clients. */
export const TicketComment = new Entity({
  model: { entity: 'ticketComment', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    ticketId: { type: 'string', required: true, readOnly: true },
    commentId: { type: 'string', required: true, readOnly: true },
    authorId: { type: 'string', required: true, readOnly: true },
    authorName: { type: 'string', required: true, readOnly: true },
    authorKind: { type: ['staff', 'contact'] as const, required: true, readOnly: true },
    body: { type: 'string', required: true, readOnly: true },
    internal: { type: 'boolean', required: true, readOnly: true },
    createdAt: { type: 'string', required: true, readOnly: true },
  },
  indexes: {
    byTicket: {
      pk: { field: 'pk', composite: ['tenantId', 'ticketId'], template: 't#${tenantId}#ticket#${ticketId}', casing: 'none' },
      sk: { field: 'sk', composite: ['createdAt', 'commentId'], template: 'comment#${createdAt}#${commentId}', casing: 'none' },
    },
  },
});

const SLA_LEVEL = {
  type: 'map',
  properties: { firstResponseHours: { type: 'number', required: true }, resolutionHours: { type: 'number', required: true } },
} as const;

/**
 * A firm's conversation settings (one item): the canned replies its staff insert, and its
 * ticket SLA (hours to first response and to resolution by priority); none set: the defaults.
 */
export const ConversationSettings = new Entity({
  model: { entity: 'conversationSettings', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    cannedReplies: {
      type: 'list',
      items: {
        type: 'map',
        properties: { replyId: { type: 'string', required: true }, title: { type: 'string', required: true }, body: { type: 'string', required: true } },
      },
    },
    ticketSla: {
      type: 'map',
      properties: { low: SLA_LEVEL, normal: SLA_LEVEL, high: SLA_LEVEL, urgent: SLA_LEVEL },
    },
    version: { type: 'number', required: true, default: 0 },
    updatedAt: { type: 'string', required: true, default: () => new Date().toISOString(), watch: '*', set: () => new Date().toISOString() },
  },
  indexes: {
    byFirm: {
      pk: { field: 'pk', composite: ['tenantId'], template: 't#${tenantId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'conversation-settings' },
    },
  },
});
