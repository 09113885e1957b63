import { useId, useState } from 'react';

import type { CalendarEntryView } from '../../../../shared/api/schemas/bookings.ts';
import { instantAt } from '../../../../shared/domain/time/zoned.ts';
import { call } from '../api.ts';
import { format, useLocale } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { bookingsText } from '../i18n/bookings/index.ts';
import { useText } from '../i18n/text.ts';
import { SeriesScopeChoice, type SeriesScope } from './SeriesScopeChoice.tsx';
import { SlotPicker, visitorZone } from './SlotPicker.tsx';
import { ErrorNotice } from '../components/Status.tsx';
import { Button } from '../components/ui.tsx';
import { useMoveBooking, type MoveTarget } from './useMoveBooking.ts';

const control = 'mt-1 block rounded border border-slate-300 px-2 py-1';

/**
 * Staff move a booking: to a free time (with the person chosen there, else its own person when
 * free), or to any time they type, past warnings once they have seen them. A booking of a series
 * may take the series' later bookings along (`onMoved` then says how that went).
 */
export function MoveBookingForm({
  booking,
  firm,
  onMoved,
}: {
  booking: CalendarEntryView;
  firm: { slug: string; currency: string };
  onMoved: (summary?: string) => void;
}) {
  const t = useText(commonText, bookingsText);
  const { locale } = useLocale();
  const [zone, setZone] = useState(visitorZone);
  const [target, setTarget] = useState<MoveTarget | undefined>();
  const [typed, setTyped] = useState('');

  const [scope, setScope] = useState<SeriesScope>('one');
  const typedId = useId();
  const { move: moveTo, problem, failure, busy, reset } = useMoveBooking(booking, zone, onMoved);
  const move = (force: boolean) => target && moveTo(target, { force, scope });

  function onTyped(value: string) {
    setTyped(value);
    const [date, clock] = value.split('T');
    const [h, m] = (clock ?? '').split(':').map(Number);
    const at = date && h !== undefined && m !== undefined ? instantAt(zone, date, h * 60 + m, 'compatible') : undefined;
    setTarget(at === undefined ? undefined : { start: new Date(at).toISOString() });
  }

  return (
    <div className="mt-3 space-y-3 border-t pt-3">
      <h3 className="font-semibold">{t.calendar.moveTitle}</h3>
      <SlotPicker
        load={(from, to, staffId) => call('getBookingSlots', { params: { firmSlug: firm.slug, serviceId: booking.serviceId }, query: { from, to, staffId } })}
        zone={zone}
        onZone={setZone}
        currency={firm.currency}
        selected={undefined}
        onSelect={(slot, staffId) => (setTyped(''), reset(), setTarget({ start: slot.start, staffId }))}
      />
      <div>
        <label htmlFor={typedId} className="block text-sm font-medium">
          {format(t.calendar.otherTime, { zone })}
        </label>
        <input id={typedId} type="datetime-local" step={900} value={typed} onChange={(e) => onTyped(e.target.value)} className={control} />
      </div>
      {booking.seriesId && <SeriesScopeChoice action="move" value={scope} onChange={setScope} />}
      {target && (
        <p role="status">
          {t.calendar.moveTo}: {new Intl.DateTimeFormat(locale, { timeZone: zone, dateStyle: 'full', timeStyle: 'short' }).format(Date.parse(target.start))}
        </p>
      )}
      {problem && (
        <div role="alert" className="rounded border border-amber-300 bg-amber-50 p-3">
          <p>{problem.message}</p>
          {problem.canProceed && (
            <button type="button" disabled={busy} onClick={() => void move(true)} className="mt-2 rounded border border-amber-400 bg-white px-3 py-1">
              {t.calendar.moveAnyway}
            </button>
          )}
        </div>
      )}
      {failure !== null && <ErrorNotice error={failure} />}
      <Button size="sm" type="button" disabled={busy || !target} onClick={() => void move(false)}>
        {t.calendar.moveConfirm}
      </Button>
    </div>
  );
}
