/** Which support tickets a caller may open, and how each is shown to them (ADR 0033). */
import type { EntityItem } from 'electrodb';
import { notFound } from '../../shared/api/errors.ts';
import type { TicketView } from '../../shared/api/schemas/tickets.ts';
import { ConversationSettings, SupportTicket } from '../../shared/db/entities/conversation.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { mayOpen, readerOf, type Reader } from '../../shared/domain/conversations/conversations.ts';
import { DEFAULT_TICKET_SLA, overdueOf, type TicketSla } from '../../shared/domain/conversations/tickets.ts';
import type { AuthenticatedActor } from '../lib/auth.ts';

export type TicketItem = EntityItem<typeof SupportTicket>;

const database = databaseOf({ ticket: SupportTicket, settings: ConversationSettings });

/** As a conversation (shared/domain/conversations): the contact who raised it stands for the one who started it. */
export const mayOpenTicket = (reader: Reader, t: Pick<TicketItem, 'assigneeId' | 'customerId' | 'raisedBy'>): boolean =>
  mayOpen(reader, { customerId: t.customerId, startedBy: t.raisedBy, assigneeId: t.assigneeId });

/** The ticket the caller may open; another firm's, one they may not open or none: not found alike. */
export async function ticketFor(actor: AuthenticatedActor, ticketId: string): Promise<TicketItem> {
  const { data } = await database().entities.ticket.get({ tenantId: actor.tenantId, ticketId }).go();
  if (!data || !mayOpenTicket(readerOf(actor), data)) throw notFound('Ticket');
  return data;
}

/** The firm's SLA: its own, or the defaults. */
export async function slaOf(tenantId: string): Promise<TicketSla> {
  const { data } = await database()
    .entities.settings.get({ tenantId })
    .go({ attributes: ['ticketSla'] });
  return { ...DEFAULT_TICKET_SLA, ...data?.ticketSla };
}

/** A ticket as its reader sees it: the SLA's times are for staff. */
export function ticketView(t: TicketItem, staff: boolean, now = new Date().toISOString()): TicketView {
  const { tenantId: _t, customerKey: _c, assigneeKey: _a, overdueAlerted: _o, firstResponseDueAt, resolutionDueAt, ...shown } = t;
  return {
    ...shown,
    ...(staff && {
      ...(firstResponseDueAt && { firstResponseDueAt }),
      ...(resolutionDueAt && { resolutionDueAt }),
      overdue: overdueOf(t, now),
    }),
  };
}
