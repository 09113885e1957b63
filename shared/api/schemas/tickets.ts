/** Support tickets and their comments: what the API takes and shows (ADR 0033). */
import * as z from 'zod/mini';
import { INBOX_VIEWS, MAX_MESSAGE_LENGTH, MAX_SUBJECT_LENGTH } from '../../domain/conversations/conversations.ts';
import { PRIORITY_ALIASES, TICKET_CATEGORIES, TICKET_PRIORITIES, TICKET_SOURCES, TICKET_STATUSES } from '../../domain/conversations/tickets.ts';
import { page, pageQuery } from './common.ts';
import type { Schemas } from './types.ts';

const id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/, 'is not an id'));
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of: ${values.join(', ')}` });
/** low, medium (stored as normal), high or urgent; `normal` is taken too. */
const priority = z.pipe(
  z.transform((v: unknown) => (typeof v === 'string' ? (PRIORITY_ALIASES[v] ?? v) : v)),
  z.enum(TICKET_PRIORITIES, { error: 'must be one of: low, medium, high, urgent' }),
);
const text = (max: number) => z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(max, `must be at most ${max} characters`));

export const ticketView = z.object({
  ticketId: z.string(),
  source: z.enum(TICKET_SOURCES),
  conversationId: z.optional(z.string()),
  customerId: z.optional(z.string()),
  customerName: z.string(),
  raisedBy: z.optional(z.string()),
  subject: z.string(),
  description: z.string(),
  category: z.enum(TICKET_CATEGORIES),
  priority: z.enum(TICKET_PRIORITIES),
  status: z.enum(TICKET_STATUSES),
  assigneeId: z.optional(z.string()),
  assigneeName: z.optional(z.string()),
  resolution: z.optional(z.string()),
  firstResponseAt: z.optional(z.string()),
  resolvedAt: z.optional(z.string()),
  /** Staff only: when the SLA wants a first answer and a resolution, and which of them is missed. */
  firstResponseDueAt: z.optional(z.string()),
  resolutionDueAt: z.optional(z.string()),
  overdue: z.optional(z.array(z.enum(['firstResponse', 'resolution']))),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type TicketView = z.infer<typeof ticketView>;

export const ticketCommentView = z.object({
  commentId: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  authorKind: z.enum(['staff', 'contact']),
  body: z.string(),
  internal: z.boolean(),
  createdAt: z.string(),
});
export type TicketCommentView = z.infer<typeof ticketCommentView>;

export const TICKETS_SCHEMAS = {
  /** As the reader may see them, newest first: a client their customer's (own access: theirs); staff assigned to them, or (leads and admins) unassigned or all. */
  listTickets: {
    query: z.extend(pageQuery, {
      view: z.optional(oneOf(INBOX_VIEWS)),
      status: z.optional(oneOf(TICKET_STATUSES)),
      priority: z.optional(priority),
      category: z.optional(oneOf(TICKET_CATEGORIES)),
      source: z.optional(oneOf(TICKET_SOURCES)),
      customerId: z.optional(id),
      assigneeId: z.optional(id),
    }),
    response: page(ticketView),
  },
  /** A client raises one for their customer; staff for a customer they may open (`customerId`). */
  createTicket: {
    body: z.object({
      subject: text(MAX_SUBJECT_LENGTH),
      description: text(MAX_MESSAGE_LENGTH),
      category: z._default(oneOf(TICKET_CATEGORIES), 'general'),
      priority: z._default(priority, 'normal'),
      customerId: z.optional(id),
    }),
    response: ticketView,
  },
  /** Leads and admins: open conversations, tickets by status (and how many are overdue), and the median time to a first answer over 30 days. */
  getSupportSummary: {
    response: z.object({
      openConversations: z.number(),
      ticketsByStatus: z.object({ open: z.number(), in_progress: z.number(), waiting_for_client: z.number(), resolved: z.number(), closed: z.number() }),
      overdueTickets: z.number(),
      /** Over tickets made in the last 30 days that were answered; null when none was. */
      medianFirstResponseMinutes: z.nullable(z.number()),
      answeredTickets: z.number(),
    }),
  },
  getTicket: { response: z.extend(ticketView, { comments: z.array(ticketCommentView), moreComments: z.boolean() }) },
  /**
   * Clients: subject, description, category and priority while it is open, and close it or
   * open it again. Staff: status, priority, category, resolution; leads and admins the assignee.
   */
  updateTicket: {
    body: z.object({
      version: z.number().check(z.int()),
      subject: z.optional(text(MAX_SUBJECT_LENGTH)),
      description: z.optional(text(MAX_MESSAGE_LENGTH)),
      category: z.optional(oneOf(TICKET_CATEGORIES)),
      priority: z.optional(priority),
      status: z.optional(oneOf(TICKET_STATUSES)),
      assigneeId: z.optional(z.nullable(id)),
      resolution: z.optional(z.nullable(text(MAX_MESSAGE_LENGTH))),
    }),
    response: ticketView,
  },
  /** A comment; `internal` (staff only) is a note clients never see. */
  addTicketComment: {
    body: z.object({ body: text(MAX_MESSAGE_LENGTH), internal: z.optional(z.boolean()) }),
    response: ticketCommentView,
  },
} satisfies Record<string, Schemas>;
