import { useCallback } from 'react';
import type { CustomerBooking } from '../../../../shared/api/schemas/customers.ts';
import { call } from '../api.ts';
import { dateTime } from '../format.ts';
import { DataTable } from '../components/TableScroll.tsx';
import { usePagedList } from '../components/usePagedList.tsx';
import { Card, StatusChip } from '../components/ui.tsx';
import { customersText } from '../i18n/customers/index.ts';
import { useLocale } from '../i18n/index.ts';
import { useText } from '../i18n/text.ts';

function AppointmentList({ area, customerId, when }: { area: 'staff' | 'admin'; customerId: string; when: 'upcoming' | 'past' }) {
  const t = useText(customersText);
  const b = t.client.bookings;
  const { locale } = useLocale();
  const fetchPage = useCallback(
    (cursor: string | undefined) => call('listCustomerBookings', { params: { customerId }, query: { when, limit: 10, cursor } }),
    [customerId, when],
  );
  const { items, show } = usePagedList<CustomerBooking>(fetchPage);
  const title = when === 'upcoming' ? b.upcoming : b.past;
  return (
    <section aria-label={title} className="mb-4">
      <h3 className="mb-2 font-semibold">{title}</h3>
      {show(when === 'upcoming' ? b.emptyUpcoming : b.emptyPast, () => (
        <DataTable label={title} headers={[b.when, b.service, b.with, b.bookedBy, b.state]}>
          {items.map((e) => (
            <tr key={e.bookingId} className="border-t border-slate-100">
              <td className="px-4 py-2 whitespace-nowrap">
                <a href={`/${area}/request/?id=${encodeURIComponent(e.bookingId)}`} className="text-brand-700 underline">
                  {dateTime(e.start, locale)}
                </a>
              </td>
              <td className="px-4 py-2">{e.serviceName}</td>
              <td className="px-4 py-2">{e.staffName}</td>
              <td className="px-4 py-2">{e.clientName}</td>
              <td className="px-4 py-2">
                <StatusChip status={e.confirmed ? 'confirmed' : 'pending'}>{e.confirmed ? b.confirmed : b.pending}</StatusChip>
              </td>
            </tr>
          ))}
        </DataTable>
      ))}
    </section>
  );
}

/** A customer's appointments, whichever contact booked them: to come and past, a page at a time. */
export function Appointments({ area, customerId }: { area: 'staff' | 'admin'; customerId: string }) {
  const t = useText(customersText);
  return (
    <Card aria-labelledby="appointments-title" className="mb-8">
      <h2 id="appointments-title" className="mb-4 text-lg font-semibold">
        {t.client.bookings.title}
      </h2>
      <AppointmentList area={area} customerId={customerId} when="upcoming" />
      <AppointmentList area={area} customerId={customerId} when="past" />
    </Card>
  );
}
