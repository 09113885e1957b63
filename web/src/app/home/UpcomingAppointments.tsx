import { useCallback } from 'react';
import { call } from '../api.ts';
import { AppointmentItem } from '../bookings/AppointmentItem.tsx';
import { useLoad } from '../components/useLoad.tsx';
import { Card } from '../components/ui.tsx';
import { homeText } from '../i18n/home/index.ts';
import { useText } from '../i18n/text.ts';

export const useUpcoming = () => useLoad(useCallback(() => call('listMyAppointments', { query: { when: 'upcoming', limit: 3 } }), []));

/** The client's next three appointments, each to reschedule; the appointments page has the rest. */
export function UpcomingAppointments({ next }: { next: ReturnType<typeof useUpcoming> }) {
  const t = useText(homeText);
  return (
    <Card aria-labelledby="upcoming-title">
      <h2 id="upcoming-title" className="mb-3 text-lg font-semibold">
        {t.clientHome.upcoming.title}
      </h2>
      {next.show(({ items }) =>
        items.length === 0 ? (
          <p className="text-slate-600">{t.clientHome.upcoming.empty}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {items.map((a) => (
              <AppointmentItem key={a.bookingId} appointment={a} upcoming />
            ))}
          </ul>
        ),
      )}
      <a href="/portal/appointments/" className="mt-3 inline-block text-brand-700 underline">
        {t.clientHome.upcoming.all}
      </a>
    </Card>
  );
}
