/**
 * Support tickets (ADR 0033): one entity for tickets made from a conversation and those a client
 * raises in the portal, with one mapping between their statuses and the conversation's.
 */
import type { ConversationStatus } from './conversations.ts';

export const TICKET_STATUSES = ['open', 'in_progress', 'waiting_for_client', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** The specification calls the middle level "normal" for tickets from messages and "medium" for client tickets: one level, stored as `normal`. */
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export const PRIORITY_ALIASES: Readonly<Record<string, TicketPriority>> = { medium: 'normal' };

export const TICKET_CATEGORIES = ['general', 'billing', 'technical', 'documents', 'bookings', 'other'] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

export const TICKET_SOURCES = ['conversation', 'portal'] as const;

const DESCRIPTION_FROM_MESSAGE = 500;

/** What a conversation's status is while its ticket is in `status`. */
export const CONVERSATION_STATUS_OF: Readonly<Record<TicketStatus, ConversationStatus>> = {
  open: 'OPEN',
  in_progress: 'OPEN',
  waiting_for_client: 'PENDING',
  resolved: 'RESOLVED',
  closed: 'CLOSED',
};

/** What a ticket's status becomes when its conversation is set to `status` (an open one keeps being worked on). */
export function ticketStatusFor(status: ConversationStatus, current: TicketStatus): TicketStatus {
  if (status === 'OPEN') return current === 'in_progress' ? 'in_progress' : 'open';
  return status === 'PENDING' ? 'waiting_for_client' : status === 'RESOLVED' ? 'resolved' : 'closed';
}

/**
 * A customer's message and the conversation's ticket, as the specification says: with none, a
 * new one (subject "Support request from <customer name or email>", the message's first 500
 * characters, open, normal, the conversation's assignee); with one, it opens again.
 */
export function ticketOnCustomerMessage(
  ticket: { status: TicketStatus } | undefined,
  message: { from: string; body: string; assigneeId?: string | undefined },
):
  | { create: { subject: string; description: string; status: 'open'; priority: 'normal'; assigneeId?: string } }
  | { reopen: { status: 'open'; from: TicketStatus } } {
  if (!ticket)
    return {
      create: {
        subject: `Support request from ${message.from}`,
        description: message.body.slice(0, DESCRIPTION_FROM_MESSAGE),
        status: 'open',
        priority: 'normal',
        ...(message.assigneeId && { assigneeId: message.assigneeId }),
      },
    };
  return { reopen: { status: 'open', from: ticket.status } };
}

/** Hours to a first response and to resolution, by priority: what a firm has until it sets its own. */
export type TicketSla = Record<TicketPriority, { firstResponseHours: number; resolutionHours: number }>;
export const DEFAULT_TICKET_SLA: TicketSla = {
  urgent: { firstResponseHours: 1, resolutionHours: 8 },
  high: { firstResponseHours: 4, resolutionHours: 24 },
  normal: { firstResponseHours: 8, resolutionHours: 72 },
  low: { firstResponseHours: 24, resolutionHours: 168 },
};

const HOUR_MS = 3_600_000;

/** When a ticket is due a first answer and a resolution, from its creation and its priority's SLA. */
export function slaDue(createdAt: string, priority: TicketPriority, sla: TicketSla): { firstResponseDueAt: string; resolutionDueAt: string } {
  const from = Date.parse(createdAt);
  const { firstResponseHours, resolutionHours } = sla[priority];
  return {
    firstResponseDueAt: new Date(from + firstResponseHours * HOUR_MS).toISOString(),
    resolutionDueAt: new Date(from + resolutionHours * HOUR_MS).toISOString(),
  };
}

/** Which of its SLA times a ticket has missed: still unanswered, or still unresolved, past due. */
export function overdueOf(
  t: { status: TicketStatus; firstResponseAt?: string | undefined; firstResponseDueAt?: string | undefined; resolutionDueAt?: string | undefined },
  now: string,
): ('firstResponse' | 'resolution')[] {
  if (t.status === 'resolved' || t.status === 'closed') return [];
  return [
    ...(!t.firstResponseAt && t.firstResponseDueAt && t.firstResponseDueAt < now ? (['firstResponse'] as const) : []),
    ...(t.resolutionDueAt && t.resolutionDueAt < now ? (['resolution'] as const) : []),
  ];
}

/** What a client may set a ticket's status to: close it, or open it again once resolved or closed. */
export function clientMayMove(from: TicketStatus, to: TicketStatus): boolean {
  if (to === 'closed') return from !== 'closed';
  if (to === 'open') return from === 'resolved' || from === 'closed' || from === 'waiting_for_client';
  return false;
}
