import { useId, useState } from 'react';
import type { CalendarEntryView } from '../../../../shared/api/schemas/bookings.ts';
import { call } from '../api.ts';
import { format, textFor } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { bookingsText } from '../i18n/bookings/index.ts';
import { useText } from '../i18n/text.ts';
import { MoveBookingForm } from './MoveBookingForm.tsx';
import { followingSummary, SeriesScopeChoice, type SeriesScope } from './SeriesScopeChoice.tsx';
import { ErrorNotice } from '../components/Status.tsx';
import { Button } from '../components/ui.tsx';
import { areaOfPage, clientHref } from '../customers/links.ts';

/** One appointment in the staff calendar, with what the reader may do with it. */
export function AppointmentDetails(props: {
  entry: CalendarEntryView;
  firm: { slug: string; currency: string };
  mayChange: boolean;
  time: (iso: string) => string;
  when: (iso: string) => string;
  dayName: string;
  onClose: (notice?: string) => void;
  onChanged: () => void;
}) {
  const t = useText(commonText, bookingsText);
  const { entry } = props;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | undefined>();
  const [cancelling, setCancelling] = useState(false);
  const [moving, setMoving] = useState(false);
  const [reason, setReason] = useState('');
  const [scope, setScope] = useState<SeriesScope>('one');
  const started = Date.parse(entry.start) <= Date.now();
  const headingId = useId();

  /** Runs a change against the booking's latest version; its result, or undefined when it failed. */
  async function act<T>(work: (version: number) => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setFailure(null);
    try {
      const { version } = await call('getRequest', { params: { requestId: entry.bookingId } });
      const result = await work(version);
      setNotice(t.calendar.done);
      props.onChanged();
      return result;
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={headingId} className="mb-4 rounded-lg border border-brand-200 bg-white p-4 shadow">
      <div className="flex items-start gap-3">
        <h2 id={headingId} className="me-auto text-lg font-semibold">
          {entry.serviceName} · {entry.reference}
        </h2>
        <button type="button" onClick={() => props.onClose()} className="rounded border px-2 py-1 text-sm">
          {t.calendar.close}
        </button>
      </div>
      <p>
        {props.dayName}, {props.time(entry.start)}–{props.time(entry.end)} · {textFor(t.book.types, entry.bookingType) ?? entry.bookingType}
      </p>
      <p>
        {t.calendar.client}:{' '}
        {entry.customerId ? (
          <a href={clientHref(areaOfPage(), entry.customerId)} className="text-brand-700 underline">
            {entry.clientName}
          </a>
        ) : (
          entry.clientName
        )}{' '}
        · {t.calendar.with}: {entry.staffName} ·{' '}
        {entry.awaitingOwnerUntil
          ? format(t.calendar.held, { date: props.when(entry.awaitingOwnerUntil) })
          : entry.confirmed
            ? t.calendar.confirmed
            : t.calendar.pending}
      </p>
      {notice && (
        <p role="status" className="mt-2 text-green-800">
          {notice}
        </p>
      )}
      {failure !== null && (
        <div className="mt-2">
          <ErrorNotice error={failure} />
        </div>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <>
          <a href={`/request/?id=${entry.bookingId}`} className="rounded border px-3 py-1">
            {t.calendar.openRequest}
          </a>
          {props.mayChange && !entry.confirmed && !started && (
            <Button
              size="sm"
              type="button"
              disabled={busy}
              onClick={() => void act((version) => call('confirmBooking', { params: { bookingId: entry.bookingId }, body: { version } }))}
            >
              {t.calendar.confirm}
            </Button>
          )}
          {props.mayChange && started && (
            <>
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  void act((version) => call('recordBookingOutcome', { params: { bookingId: entry.bookingId }, body: { version, outcome: 'attended' } }))
                }
                className="rounded border px-3 py-1"
              >
                {t.calendar.attended}
              </button>
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  void act((version) => call('recordBookingOutcome', { params: { bookingId: entry.bookingId }, body: { version, outcome: 'no_show' } }))
                }
                className="rounded border px-3 py-1"
              >
                {t.calendar.noShow}
              </button>
            </>
          )}
          {props.mayChange && !started && !moving && (
            <button type="button" onClick={() => (setMoving(true), setCancelling(false))} className="rounded border px-3 py-1">
              {t.calendar.move}
            </button>
          )}
          {props.mayChange && !started && !cancelling && (
            <button type="button" onClick={() => (setCancelling(true), setMoving(false))} className="rounded border border-red-300 px-3 py-1 text-red-800">
              {t.calendar.cancel}
            </button>
          )}
        </>
      </div>
      {moving && (
        <MoveBookingForm
          booking={entry}
          firm={props.firm}
          onMoved={(summary) => (setMoving(false), setNotice(summary ?? t.calendar.done), props.onChanged())}
        />
      )}
      {cancelling && (
        <div className="mt-3 space-y-2">
          <label className="block text-sm font-medium">
            {t.calendar.cancelReason}
            <textarea
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={500}
              rows={2}
              className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 font-normal"
            />
          </label>
          {entry.seriesId && <SeriesScopeChoice action="cancel" value={scope} onChange={setScope} />}
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void act((version) => call('cancelBooking', { params: { bookingId: entry.bookingId }, body: { version, reason, scope } })).then(
                (r) => r && props.onClose(followingSummary(t, props.when, r)),
              )
            }
            className="rounded bg-red-700 px-3 py-1 text-white"
          >
            {t.calendar.cancelConfirm}
          </button>
        </div>
      )}
    </section>
  );
}
