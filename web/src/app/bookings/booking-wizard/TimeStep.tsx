import { call } from '../../api.ts';
import { bookingsText } from '../../i18n/bookings/index.ts';
import { useText } from '../../i18n/text.ts';
import { SlotPicker } from '../SlotPicker.tsx';
import { Button } from '../../components/ui.tsx';
import type { Service, StepProps } from './state.ts';

/** Step 2: a free time for the service, in the zone the person reads times in. */
export function TimeStep({
  state,
  dispatch,
  heading,
  back,
  firmSlug,
  service,
  currency,
  title,
  onNext,
}: StepProps & {
  firmSlug: string;
  service: Service;
  currency: string;
  title: string;
  onNext: () => void;
}) {
  const t = useText(bookingsText);
  return (
    <>
      {heading(`${title} · ${service.name}`)}
      <div className="mt-4 rounded-lg bg-white p-4 shadow">
        <SlotPicker
          load={(from, to, staffId) => call('getBookingSlots', { params: { firmSlug, serviceId: service.serviceId }, query: { from, to, staffId } })}
          zone={state.zone}
          onZone={(zone) => dispatch({ type: 'zoneChosen', zone })}
          currency={currency}
          selected={state.slot?.slot}
          onSelect={(slot, staffId) => dispatch({ type: 'slotChosen', slot, staffId })}
          reloadKey={state.slotsVersion}
        />
      </div>
      <div className="mt-4 flex justify-between">
        {back(0)}
        <Button type="button" disabled={!state.slot} onClick={onNext}>
          {t.book.next}
        </Button>
      </div>
      {!state.slot && <p className="mt-2 text-sm text-slate-600">{t.book.pickTime}</p>}
    </>
  );
}
