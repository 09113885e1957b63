import { useState } from 'react';
import type { ResponseOf } from '../../../../shared/api/routes.ts';
import { localDateOf } from '../../../../shared/domain/time/zoned.ts';
import { ClientBookingActions } from '../bookings/ClientBookingActions.tsx';
import { PriceBreakdown } from '../bookings/PriceBreakdown.tsx';
import { visitorZone } from '../bookings/SlotPicker.tsx';
import { Card, StatusChip } from '../components/ui.tsx';
import { format, textFor, useLocale } from '../i18n/index.ts';
import { bookingsText } from '../i18n/bookings/index.ts';
import { useText } from '../i18n/text.ts';

type Booking = NonNullable<ResponseOf<'getRequest'>['booking']>;

/**
 * The appointment a booking's request is for: its time in the reader's zone, how, with whom,
 * its price, and what the reader may do with it (a client reschedules or cancels their own until
 * the cut-off; staff change it in the calendar).
 */
export default function RequestBooking({ booking, area, isClient, onChanged }: { booking: Booking; area: string; isClient: boolean; onChanged: () => void }) {
  const t = useText(bookingsText);
  const { locale } = useLocale();
  const [notice, setNotice] = useState<string | undefined>();
  const zone = visitorZone();
  const day = new Intl.DateTimeFormat(locale, { timeZone: zone, dateStyle: 'full' }).format(Date.parse(booking.start));
  const time = (iso: string) => new Intl.DateTimeFormat(locale, { timeZone: zone, timeStyle: 'short' }).format(Date.parse(iso));
  const when = (iso: string) => new Intl.DateTimeFormat(locale, { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(iso));
  const state = booking.status === 'cancelled' ? 'cancelled' : booking.status === 'completed' ? 'done' : booking.confirmed ? 'confirmed' : 'pending';
  const open = state === 'confirmed' || state === 'pending';
  return (
    <Card aria-labelledby="booking-title" className="mt-6" data-testid="request-booking">
      <h2 id="booking-title" className="mb-3 text-lg font-semibold">
        {t.calendar.details}
      </h2>
      <p className="text-lg">
        <time dateTime={booking.start}>{day}</time>, {time(booking.start)}–{time(booking.end)}
      </p>
      <p className="text-sm text-slate-600">{format(t.calendar.zone, { zone })}</p>
      <p className="mt-2">
        {textFor(t.book.types, booking.bookingType) ?? booking.bookingType}
        {booking.staffName && ` · ${t.calendar.with}: ${booking.staffName}`} ·{' '}
        <StatusChip status={state === 'done' ? 'completed' : state}>{t.manage.statuses[state]}</StatusChip>
      </p>
      {booking.price && (
        <div className="mt-4 max-w-sm">
          <h3 className="text-sm font-medium">{t.calendar.price}</h3>
          <PriceBreakdown quote={booking.price} />
        </div>
      )}
      {notice && (
        <p role="status" className="mt-3 text-green-800">
          {notice}
        </p>
      )}
      {open && isClient && !notice && (
        <>
          {booking.mayChange ? (
            <ClientBookingActions bookingId={booking.bookingId} seriesId={booking.seriesId} when={when} onCancelled={(n) => (setNotice(n), onChanged())} />
          ) : (
            <p className="mt-3 text-sm text-slate-700">{format(t.manage.cutoff, { date: when(booking.changeableUntil) })}</p>
          )}
        </>
      )}
      {open && !isClient && booking.mayChange && (
        <a href={`/${area}/calendar/?view=day&date=${localDateOf(zone, Date.parse(booking.start))}`} className="mt-3 inline-block text-brand-700 underline">
          {t.calendar.openInCalendar}
        </a>
      )}
    </Card>
  );
}
