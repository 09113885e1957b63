/** Tickets as the reader may see them, newest first, a page at a time (ADR 0033). */
import type { TicketView } from '../../../../shared/api/schemas/tickets.ts';
import { StatusChip } from '../components/ui.tsx';
import { dateTime } from '../format.ts';
import { useLocale } from '../i18n/index.ts';
import { ticketsText } from '../i18n/tickets/index.ts';
import { useText } from '../i18n/text.ts';
import { ticketHref, type TicketArea } from './links.ts';

export function TicketList({ items, area }: { items: TicketView[]; area: TicketArea }) {
  const t = useText(ticketsText);
  const { locale } = useLocale();
  if (!items.length) return <p className="text-slate-600">{t.list.empty}</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {items.map((ticket) => (
        <li key={ticket.ticketId} className="py-2">
          <a className="font-medium text-brand-700 underline" href={ticketHref(area, ticket.ticketId)}>
            <bdi>{ticket.subject}</bdi>
          </a>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <StatusChip status={ticket.status}>{t.statuses[ticket.status]}</StatusChip>
            <span>
              {t.priorities[ticket.priority]} · {t.categories[ticket.category]} · {dateTime(ticket.createdAt, locale)}
            </span>
            {area !== 'portal' && <bdi>{ticket.customerName}</bdi>}
            {ticket.source === 'conversation' && <span>{t.list.fromConversation}</span>}
            {ticket.overdue && ticket.overdue.length > 0 && <span className="font-medium text-red-700">{t.list.overdue}</span>}
          </p>
        </li>
      ))}
    </ul>
  );
}
