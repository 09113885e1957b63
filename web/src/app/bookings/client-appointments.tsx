/** A client's appointments (`/portal/appointments/`): to come and past, a page at a time; not the staff calendar. */
import { useCallback } from 'react';
import type { AppointmentView } from '../../../../shared/api/schemas/bookings.ts';
import type { Session } from '../../../../shared/api/schemas/user.ts';
import { call } from '../api.ts';
import { Shell } from '../components/Shell.tsx';
import { usePagedList } from '../components/usePagedList.tsx';
import { Card, PageHeader } from '../components/ui.tsx';
import { format } from '../i18n/index.ts';
import { homeText } from '../i18n/home/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { AppointmentItem } from './AppointmentItem.tsx';
import { visitorZone } from './SlotPicker.tsx';

function AppointmentList({ when }: { when: 'upcoming' | 'past' }) {
  const t = useText(homeText);
  const fetchPage = useCallback((cursor: string | undefined) => call('listMyAppointments', { query: { when, limit: 10, cursor } }), [when]);
  const { items, show } = usePagedList<AppointmentView>(fetchPage);
  const title = when === 'upcoming' ? t.myAppointments.upcoming : t.myAppointments.past;
  return (
    <Card aria-labelledby={`${when}-title`}>
      <h2 id={`${when}-title`} className="mb-2 text-lg font-semibold">
        {title}
      </h2>
      {show(when === 'upcoming' ? t.myAppointments.emptyUpcoming : t.myAppointments.emptyPast, () => (
        <ul className="divide-y divide-slate-100">
          {items.map((a) => (
            <AppointmentItem key={a.bookingId} appointment={a} upcoming={when === 'upcoming'} />
          ))}
        </ul>
      ))}
    </Card>
  );
}

function ClientAppointments({ session }: { session: Session }) {
  const t = useText(homeText);
  return (
    <>
      <PageHeader
        title={t.myAppointments.title}
        lead={format(t.myAppointments.lead, { zone: visitorZone() })}
        actions={
          session.permissions.includes('service_requests.create') && (
            <a href="/portal/book/" className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
              {t.clientHome.book}
            </a>
          )
        }
      />
      <div className="space-y-6">
        <AppointmentList when="upcoming" />
        <AppointmentList when="past" />
      </div>
    </>
  );
}

mount(() => <Shell area="portal">{(session) => <ClientAppointments session={session} />}</Shell>);
