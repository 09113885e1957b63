import { useId, useState } from 'react';
import { call } from '../api.ts';
import { ErrorNotice } from '../components/Status.tsx';
import { Button } from '../components/ui.tsx';
import { bookingsText } from '../i18n/bookings/index.ts';
import { useText } from '../i18n/text.ts';
import { RescheduleButton } from './RescheduleButton.tsx';
import { followingSummary, SeriesScopeChoice, type SeriesScope } from './SeriesScopeChoice.tsx';

/**
 * A client's own booking: reschedule it on the manage page (the one their emails link to), or
 * cancel it here after saying so, with an optional reason. `when` formats an instant for the reader.
 */
export function ClientBookingActions(props: {
  bookingId: string;
  seriesId?: string | undefined;
  when: (iso: string) => string;
  onCancelled: (notice: string) => void;
}) {
  const t = useText(bookingsText);
  const m = t.manage;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [scope, setScope] = useState<SeriesScope>('one');
  const reasonId = useId();

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setFailure(null);
    try {
      await work();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const cancel = () =>
    run(async () => {
      const { version } = await call('getRequest', { params: { requestId: props.bookingId } });
      const result = await call('cancelBooking', { params: { bookingId: props.bookingId }, body: { version, reason, scope } });
      props.onCancelled(followingSummary(t, props.when, result) ?? m.cancelled);
    });

  return (
    <div className="mt-3 space-y-3">
      {failure !== null && <ErrorNotice error={failure} />}
      {!cancelling ? (
        <div className="flex flex-wrap gap-2">
          <RescheduleButton bookingId={props.bookingId} label={m.reschedule} />
          <Button size="sm" variant="secondary" type="button" onClick={() => setCancelling(true)}>
            {m.cancel}
          </Button>
        </div>
      ) : (
        <div className="space-y-2 rounded border border-red-200 bg-red-50 p-3">
          <label htmlFor={reasonId} className="block text-sm font-medium">
            {m.cancelReason}
          </label>
          <textarea
            id={reasonId}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={500}
            rows={2}
            className="block w-full rounded border border-slate-300 bg-white px-2 py-1"
          />
          {props.seriesId && <SeriesScopeChoice action="cancel" value={scope} onChange={setScope} />}
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              disabled={busy}
              onClick={() => void cancel()}
              className="rounded bg-red-700 px-3 py-1 text-sm text-white hover:bg-red-800 disabled:opacity-60"
            >
              {busy ? m.cancelling : m.cancelConfirm}
            </button>
            <Button size="sm" variant="secondary" type="button" onClick={() => setCancelling(false)}>
              {m.keep}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
