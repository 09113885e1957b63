/** Conversations and their messages: what the API takes and shows (ADR 0033). */
import * as z from 'zod/mini';
import {
  CONVERSATION_SOURCES,
  CONVERSATION_STATUSES,
  INBOX_VIEWS,
  MAX_CANNED_REPLIES,
  MAX_CANNED_TITLE_LENGTH,
  MAX_MESSAGE_LENGTH,
  MAX_SUBJECT_LENGTH,
} from '../../domain/conversations/conversations.ts';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '../../domain/conversations/tickets.ts';
import { ATTACHMENT_STATES } from '../../domain/documents/attachments.ts';
import { page, pageQuery } from './common.ts';
import { attachmentIds } from './request.ts';
import type { Schemas } from './types.ts';

const id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/, 'is not an id'));
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of: ${values.join(', ')}` });
const position = z.object({ seq: z.number(), publicNo: z.number() });

export const conversationView = z.object({
  conversationId: z.string(),
  source: z.enum(CONVERSATION_SOURCES),
  customerId: z.optional(z.string()),
  leadId: z.optional(z.string()),
  customerName: z.string(),
  assigneeId: z.optional(z.string()),
  assigneeName: z.optional(z.string()),
  status: z.enum(CONVERSATION_STATUSES),
  subject: z.optional(z.string()),
  requestId: z.optional(z.string()),
  bookingId: z.optional(z.string()),
  /** The last message the reader may see: its number (seq for staff, publicNo for clients are both given) and first words. */
  last: position,
  preview: z.optional(z.string()),
  lastActivityAt: z.string(),
  /** Messages after the reader's read position that they may see. */
  unread: z.number(),
  createdAt: z.string(),
});
export type ConversationView = z.infer<typeof conversationView>;

export const messageView = z.object({
  seq: z.number(),
  publicNo: z.number(),
  clientMessageId: z.string(),
  senderId: z.string(),
  senderName: z.string(),
  senderKind: z.enum(['staff', 'contact', 'lead']),
  body: z.string(),
  internal: z.boolean(),
  /** Documents attached, as the reader may see them now; over the WebSocket, by name only (`state` comes with the next read). */
  attachments: z.optional(z.array(z.object({ documentId: z.optional(z.string()), name: z.string(), state: z.optional(z.enum(ATTACHMENT_STATES)) }))),
  /** Changed by its sender (what it said before is in the audit); a deleted one has no body or attachments left. */
  editedAt: z.optional(z.string()),
  deletedAt: z.optional(z.string()),
  createdAt: z.string(),
});
export type MessageView = z.infer<typeof messageView>;

const ticketSummary = z.object({
  ticketId: z.string(),
  subject: z.string(),
  status: z.enum(TICKET_STATUSES),
  priority: z.enum(TICKET_PRIORITIES),
  assigneeName: z.optional(z.string()),
});

const messageBody = z
  .string()
  .check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(MAX_MESSAGE_LENGTH, `must be at most ${MAX_MESSAGE_LENGTH} characters`));

/** What staff see beside a thread: who the customer is, and what is open with them. */
export const conversationCustomerView = z.object({
  customerId: z.string(),
  name: z.string(),
  status: z.string(),
  /** Whether the reader may open the customer's 360° page. */
  openable: z.boolean(),
  contacts: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      email: z.string(),
      phone: z.optional(z.string()),
      contactRole: z.optional(z.string()),
      isPrimaryContact: z.boolean(),
    }),
  ),
  /** Open requests (not bookings) the reader may see, newest first. */
  openRequests: z.array(z.object({ requestId: z.string(), reference: z.string(), title: z.string(), status: z.string() })),
  /** Bookings to come the reader may see, soonest first. */
  upcomingBookings: z.array(z.object({ bookingId: z.string(), reference: z.string(), serviceName: z.string(), start: z.string() })),
});

const slaLevel = z.object({
  firstResponseHours: z.number().check(z.minimum(0.25, 'must be at least a quarter of an hour'), z.maximum(720, 'must be at most 720 hours')),
  resolutionHours: z.number().check(z.minimum(0.25, 'must be at least a quarter of an hour'), z.maximum(2160, 'must be at most 2160 hours')),
});
const cannedReply = z.object({
  replyId: z.optional(id),
  title: z
    .string()
    .check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(MAX_CANNED_TITLE_LENGTH, `must be at most ${MAX_CANNED_TITLE_LENGTH} characters`)),
  body: messageBody,
});
export const conversationSettingsView = z.object({
  cannedReplies: z.array(z.object({ replyId: z.string(), title: z.string(), body: z.string() })),
  ticketSla: z.object({ low: slaLevel, normal: slaLevel, high: slaLevel, urgent: slaLevel }),
  version: z.number(),
});
export type ConversationSettingsView = z.infer<typeof conversationSettingsView>;

export const CONVERSATIONS_SCHEMAS = {
  listConversations: {
    query: z.extend(pageQuery, {
      /** Staff: assigned to them (the default for team members), to nobody, or all (leads and admins; their default). */
      view: z.optional(oneOf(INBOX_VIEWS)),
      status: z.optional(oneOf(CONVERSATION_STATUSES)),
      source: z.optional(oneOf(CONVERSATION_SOURCES)),
      customerId: z.optional(id),
      /** Leads and admins: one member of staff's (with any view). */
      assigneeId: z.optional(id),
    }),
    response: page(conversationView),
  },
  /**
   * A client: their conversation, made on first use (201) or as it is (200). Staff: a new one
   * with a customer on a topic, optionally about a request or a booking.
   */
  startConversation: {
    body: z.object({
      customerId: z.optional(id),
      subject: z.optional(z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(MAX_SUBJECT_LENGTH))),
      requestId: z.optional(id),
      bookingId: z.optional(id),
      assigneeId: z.optional(id),
    }),
    response: conversationView,
  },
  getConversationUnread: {
    response: z.object({ total: z.number(), conversations: z.array(z.object({ conversationId: z.string(), unread: z.number() })) }),
  },
  getConversation: {
    response: z.extend(conversationView, {
      ticket: z.optional(ticketSummary),
      read: position,
      /** Staff, for a lead's conversation: who the lead is. */
      lead: z.optional(
        z.object({ name: z.string(), email: z.string(), company: z.optional(z.string()), status: z.string(), sourceUrl: z.optional(z.string()) }),
      ),
    }),
  },
  /** Leads and admins assign (null: to nobody); staff who see it set its status. */
  updateConversation: {
    body: z.object({ assigneeId: z.optional(z.nullable(id)), status: z.optional(oneOf(CONVERSATION_STATUSES)) }),
    response: conversationView,
  },
  /** In order; `after` a number seen (a reconnect's re-sync), or the latest page `before` one. */
  listConversationMessages: {
    query: z.object({
      after: z.optional(z.coerce.number().check(z.int('must be a message number'), z.minimum(0, 'must be a message number'))),
      before: z.optional(z.coerce.number().check(z.int('must be a message number'), z.minimum(1, 'must be a message number'))),
      limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1, 'must be at least 1'), z.maximum(100, 'must be at most 100'))),
    }),
    response: z.object({ items: z.array(messageView), last: position, read: position, more: z.boolean() }),
  },
  /** A message; sent again with the same clientMessageId (after a network error), the one stored is answered (200). */
  sendConversationMessage: {
    body: z.object({
      clientMessageId: z.string().check(z.minLength(8, 'must be an id of 8 to 64 characters'), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/, 'is not an id')),
      body: messageBody,
      /** A private note, for staff only: never shown to the client. */
      internal: z.optional(z.boolean()),
      /** The customer's documents to attach (upload them first), at most 10. */
      attachments: attachmentIds,
    }),
    response: messageView,
  },
  /** Read up to this message (never back). */
  markConversationRead: {
    body: z.object({ seq: z.number().check(z.int('must be a message number'), z.minimum(0, 'must be a message number')) }),
    response: z.object({ read: position, unread: z.number() }),
  },
  /** Its sender, within a day: new words (the audit keeps the old). */
  editConversationMessage: { body: z.object({ body: messageBody }), response: messageView },
  /** Its sender, within a day: gone for everyone, marked as deleted (the audit keeps what it said). */
  deleteConversationMessage: {},
  getConversationCustomer: { response: conversationCustomerView },
  /** Active staff a lead or admin may assign a conversation to. */
  listConversationAssignees: { response: z.object({ items: z.array(z.object({ userId: z.string(), name: z.string(), role: z.string() })) }) },
  /** Staff: the canned replies (and the SLA) to work with. */
  getConversationSettings: { response: conversationSettingsView },
  /** Admins: the whole list of canned replies (in order) and/or the SLA; `version` as read. */
  updateConversationSettings: {
    body: z.object({
      version: z.number().check(z.int()),
      cannedReplies: z.optional(z.array(cannedReply).check(z.maxLength(MAX_CANNED_REPLIES, `must hold at most ${MAX_CANNED_REPLIES} replies`))),
      ticketSla: z.optional(z.object({ low: slaLevel, normal: slaLevel, high: slaLevel, urgent: slaLevel })),
    }),
    response: conversationSettingsView,
  },
} satisfies Record<string, Schemas>;
