/** The admin dashboard's support figures (ADR 0033): open conversations, tickets by status and overdue, and the median first answer. */
import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../../../shared/api/routes.ts';
import { TICKET_STATUSES } from '../../../../shared/domain/conversations/tickets.ts';
import { call } from '../api.ts';
import { ErrorNotice, Loading } from '../components/Status.tsx';
import { Card } from '../components/ui.tsx';
import { format } from '../i18n/index.ts';
import { ticketsText } from '../i18n/tickets/index.ts';
import { useText } from '../i18n/text.ts';

type Summary = ResponseOf<'getSupportSummary'>;

/** Minutes as the reader reads a wait: minutes, then hours and minutes. */
const duration = (minutes: number, t: { minutes: string; hours: string }) =>
  minutes < 60 ? format(t.minutes, { n: String(minutes) }) : format(t.hours, { h: String(Math.floor(minutes / 60)), m: String(minutes % 60) });

export default function SupportSummary({ area }: { area: 'staff' | 'admin' }) {
  const t = useText(ticketsText);
  const s = t.summary;
  const [summary, setSummary] = useState<Summary | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const load = () => {
    setFailure(null);
    call('getSupportSummary').then(setSummary, setFailure);
  };
  useEffect(load, []);
  const figure = (label: string, value: string, href?: string) => (
    <div className="rounded border border-slate-200 p-3">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-xl font-semibold">
        {href ? (
          <a className="text-brand-700 underline" href={href}>
            {value}
          </a>
        ) : (
          value
        )}
      </dd>
    </div>
  );
  return (
    <Card aria-label={s.title} className="mt-8">
      <h2 className="mb-3 text-lg font-semibold">{s.title}</h2>
      {failure !== null && <ErrorNotice error={failure} onRetry={load} />}
      {!summary && failure === null && <Loading />}
      {summary && (
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {figure(s.openConversations, String(summary.openConversations), `/${area}/conversations/`)}
          {figure(s.medianFirstResponse, summary.medianFirstResponseMinutes === null ? s.noAnswers : duration(summary.medianFirstResponseMinutes, s))}
          {figure(s.overdue, String(summary.overdueTickets), `/${area}/tickets/`)}
          {TICKET_STATUSES.map((status) => figure(format(s.byStatus, { status: t.statuses[status] }), String(summary.ticketsByStatus[status])))}
        </dl>
      )}
    </Card>
  );
}
