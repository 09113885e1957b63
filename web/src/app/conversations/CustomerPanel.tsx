/** Beside a thread: who the client is and what is open with them, as far as the reader may see (ADR 0033). */
import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../../../shared/api/routes.ts';
import { call } from '../api.ts';
import { ErrorNotice, Loading } from '../components/Status.tsx';
import { clientHref } from '../customers/links.ts';
import { dateTime } from '../format.ts';
import { useLocale } from '../i18n/index.ts';
import { conversationsText } from '../i18n/conversations/index.ts';
import { useText } from '../i18n/text.ts';

type Panel = ResponseOf<'getConversationCustomer'>;

export function CustomerPanel({ conversationId, area }: { conversationId: string; area: 'staff' | 'admin' }) {
  const t = useText(conversationsText).panel;
  const { locale } = useLocale();
  const [panel, setPanel] = useState<Panel | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const load = () => {
    setFailure(null);
    call('getConversationCustomer', { params: { conversationId } }).then(setPanel, setFailure);
  };
  useEffect(load, [conversationId]);

  return (
    <section aria-label={t.title} className="space-y-4 rounded-lg bg-white p-4 text-sm shadow">
      <h2 className="text-base font-semibold">{t.title}</h2>
      {failure !== null && <ErrorNotice error={failure} onRetry={load} />}
      {!panel && failure === null && <Loading inline />}
      {panel && (
        <>
          <p>
            <bdi className="font-medium">{panel.name}</bdi>
            {panel.openable && (
              <>
                {' · '}
                <a className="text-brand-700 underline" href={clientHref(area, panel.customerId)}>
                  {t.open360}
                </a>
              </>
            )}
          </p>
          <div>
            <h3 className="font-medium">{t.contacts}</h3>
            <ul className="mt-1 space-y-1">
              {panel.contacts.map((c) => (
                <li key={c.userId}>
                  <bdi>{c.name}</bdi>
                  {c.isPrimaryContact && <span className="ms-1 text-xs text-slate-600">({t.primary})</span>}
                  <br />
                  <a className="text-brand-700 underline" href={`mailto:${c.email}`}>
                    {c.email}
                  </a>
                  {c.phone && (
                    <>
                      {' · '}
                      <a className="text-brand-700 underline" href={`tel:${c.phone}`} dir="ltr">
                        {c.phone}
                      </a>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h3 className="font-medium">{t.openRequests}</h3>
            {!panel.openRequests.length && <p className="text-slate-600">{t.noRequests}</p>}
            <ul className="mt-1 space-y-1">
              {panel.openRequests.map((r) => (
                <li key={r.requestId}>
                  <a className="text-brand-700 underline" href={`/${area}/request/?id=${encodeURIComponent(r.requestId)}`}>
                    {r.reference} · <bdi>{r.title}</bdi>
                  </a>
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h3 className="font-medium">{t.upcoming}</h3>
            {!panel.upcomingBookings.length && <p className="text-slate-600">{t.noBookings}</p>}
            <ul className="mt-1 space-y-1">
              {panel.upcomingBookings.map((b) => (
                <li key={b.bookingId}>
                  <a className="text-brand-700 underline" href={`/${area}/request/?id=${encodeURIComponent(b.bookingId)}`}>
                    {dateTime(b.start, locale)} · <bdi>{b.serviceName}</bdi>
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </>
      )}
    </section>
  );
}

/** Beside a lead's thread: who they are, and where they wrote from (not yet a client: no records). */
export function LeadPanel({ lead }: { lead: NonNullable<ResponseOf<'getConversation'>['lead']> }) {
  const t = useText(conversationsText).panel;
  return (
    <section aria-label={t.leadTitle} className="space-y-2 rounded-lg bg-white p-4 text-sm shadow">
      <h2 className="text-base font-semibold">{t.leadTitle}</h2>
      <p>
        <bdi className="font-medium">{lead.name}</bdi>
        {lead.company && (
          <>
            {' · '}
            <bdi>{lead.company}</bdi>
          </>
        )}
      </p>
      <p>
        <a className="text-brand-700 underline" href={`mailto:${lead.email}`}>
          {lead.email}
        </a>
      </p>
      <p>{t.leadStatuses[lead.status as keyof typeof t.leadStatuses] ?? lead.status}</p>
      {lead.sourceUrl && (
        <p className="break-all text-slate-600">
          {t.wroteFrom} <bdi>{lead.sourceUrl}</bdi>
        </p>
      )}
    </section>
  );
}
