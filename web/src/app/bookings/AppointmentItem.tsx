import type { AppointmentView } from '../../../../shared/api/schemas/bookings.ts';
import { StatusChip } from '../components/ui.tsx';
import { format, textFor, useLocale } from '../i18n/index.ts';
import { bookingsText } from '../i18n/bookings/index.ts';
import { homeText } from '../i18n/home/index.ts';
import { useText } from '../i18n/text.ts';
import { RescheduleButton } from './RescheduleButton.tsx';
import { visitorZone } from './SlotPicker.tsx';

/**
 * One appointment in a client's list: when (in the reader's zone), what, with whom, whether it
 * is confirmed; its request a click away, and for one they booked that is still to come, the
 * manage page to reschedule or cancel it (which applies the firm's cut-off).
 */
export function AppointmentItem({ appointment: a, upcoming }: { appointment: AppointmentView; upcoming: boolean }) {
  const t = useText(bookingsText, homeText);
  const { locale } = useLocale();

  const zone = visitorZone();
  const day = new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long' }).format(Date.parse(a.start));
  const time = (iso: string) => new Intl.DateTimeFormat(locale, { timeZone: zone, timeStyle: 'short' }).format(Date.parse(iso));

  return (
    <li className="py-3">
      <p>
        <a href={`/portal/request/?id=${encodeURIComponent(a.bookingId)}`} className="font-medium text-brand-700 underline">
          <time dateTime={a.start}>{day}</time>, {time(a.start)}–{time(a.end)}
        </a>{' '}
        {upcoming && <StatusChip status={a.confirmed ? 'confirmed' : 'pending'}>{a.confirmed ? t.calendar.confirmed : t.calendar.pending}</StatusChip>}
      </p>
      <p className="text-sm text-slate-700">
        <bdi>{a.serviceName}</bdi> · {textFor(t.book.types, a.bookingType) ?? a.bookingType} · {format(t.myAppointments.with, { name: a.staffName })}
        {!a.mine && <> · {format(t.myAppointments.bookedBy, { name: a.clientName })}</>}
      </p>
      {upcoming && a.mine && <RescheduleButton bookingId={a.bookingId} label={t.calendar.reschedule} variant="secondary" className="mt-2" />}
    </li>
  );
}
