import { useEffect, useId, useState } from 'react';
import type { ResponseOf } from '../../../../shared/api/routes.ts';
import { ApiError, call } from '../api.ts';
import { useFirmLook } from '../brand.ts';
import { followingSummary, SeriesScopeChoice, type SeriesScope } from './SeriesScopeChoice.tsx';
import { PublicFrame } from '../components/PublicFrame.tsx';
import { SlotPicker, type Slot } from './SlotPicker.tsx';
import { ErrorNotice, Loading } from '../components/Status.tsx';
import { format, textFor, useLocale } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { bookingsText } from '../i18n/bookings/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { Button, Card } from '../components/ui.tsx';

type Managed = ResponseOf<'getManagedBooking'>;
type State = { kind: 'loading' } | { kind: 'invalid' } | { kind: 'expired' } | { kind: 'error'; error: unknown } | { kind: 'ready'; managed: Managed };

const token = new URLSearchParams(location.search).get('token') ?? '';

/** The emailed link: `/book/manage/?token=…` — see the booking, move it or cancel it until the firm's cut-off. */
function ManageBookingPage() {
  const t = useText(commonText, bookingsText);
  const { locale } = useLocale();
  const showFirm = useFirmLook();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [mode, setMode] = useState<'view' | 'reschedule' | 'cancel'>('view');
  const [zone, setZone] = useState('UTC');
  const [slot, setSlot] = useState<Slot | undefined>();
  const [reason, setReason] = useState('');
  const [scope, setScope] = useState<SeriesScope>('one');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const [suggestions, setSuggestions] = useState<Slot[]>([]);
  const [reloadKey, setReloadKey] = useState(0);
  const reasonId = useId();

  const load = () =>
    call('getManagedBooking', { params: { token } })
      .then((managed) => {
        showFirm(managed.firm);
        setState({ kind: 'ready', managed });
        setZone((z) => (z === 'UTC' ? managed.booking.clientZone : z));
      })
      .catch((e: unknown) =>
        setState(
          e instanceof ApiError && e.status === 404
            ? { kind: 'invalid' }
            : e instanceof ApiError && e.status === 410
              ? { kind: 'expired' }
              : { kind: 'error', error: e },
        ),
      );
  useEffect(() => {
    if (!token) setState({ kind: 'invalid' });
    else void load();
  }, []);

  const when = (iso: string) => new Intl.DateTimeFormat(locale, { timeZone: zone, dateStyle: 'full', timeStyle: 'short' }).format(Date.parse(iso));

  if (state.kind === 'loading')
    return (
      <PublicFrame>
        <Loading />
      </PublicFrame>
    );
  if (state.kind === 'invalid' || state.kind === 'expired')
    return (
      <PublicFrame>
        <p role="alert" className="rounded border border-amber-200 bg-amber-50 p-4">
          {t.manage[state.kind]}
        </p>
      </PublicFrame>
    );
  if (state.kind === 'error')
    return (
      <PublicFrame>
        <ErrorNotice error={state.error} onRetry={() => void load()} />
      </PublicFrame>
    );
  const { booking, firm } = state.managed;
  const over = booking.status === 'cancelled' || booking.status === 'completed' || Date.parse(booking.start) <= Date.now();
  const changeable = !over && Date.now() <= Date.parse(booking.changeableUntil);
  const held = !over && !!booking.awaitingOwnerUntil;
  const status = booking.status === 'cancelled' ? 'cancelled' : over ? 'done' : held ? 'held' : booking.confirmed ? 'confirmed' : 'pending';

  async function act(run: () => Promise<unknown>, done: (result: ResponseOf<'rescheduleManagedBooking'>) => string) {
    setBusy(true);
    setFailure(null);
    setSuggestions([]);
    try {
      const result = (await run()) as ResponseOf<'rescheduleManagedBooking'>;
      setNotice(done(result));
      setMode('view');
      setSlot(undefined);
      await load();
    } catch (error) {
      if (error instanceof ApiError && error.extra.reason === 'slot_taken') {
        setSuggestions((error.extra.suggestions as Slot[] | undefined) ?? []);
        setReloadKey((k) => k + 1);
      }
      setFailure(error);
    }
    setBusy(false);
  }

  const reschedule = (to: Slot) =>
    void act(
      () => call('rescheduleManagedBooking', { params: { token }, body: { start: to.start, version: booking.version, scope } }),
      (moved) => followingSummary(t, when, moved) ?? format(t.manage.moved, { date: when(moved.start) }),
    );

  return (
    <PublicFrame>
      <h1 className="text-2xl font-semibold">{format(t.manage.title, { firm: firm.name })}</h1>
      {notice && (
        <p role="status" className="mt-4 rounded bg-green-50 p-4 text-green-900">
          {notice}
        </p>
      )}
      <Card as="dl" className="mt-6 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-medium">{booking.serviceName}</dt>
        <dd>{booking.reference}</dd>
        <dt className="font-medium">{t.manage.when}</dt>
        <dd>
          {when(booking.start)} ({zone})
        </dd>
        {booking.staffName && (
          <>
            <dt className="font-medium">{t.manage.with}</dt>
            <dd>{booking.staffName}</dd>
          </>
        )}
        <dt className="font-medium">{t.manage.how}</dt>
        <dd>{textFor(t.book.types, booking.bookingType) ?? booking.bookingType}</dd>
        <dt className="font-medium">{t.manage.status}</dt>
        <dd>{t.manage.statuses[status]}</dd>
      </Card>

      {held && (
        <section className="mt-4 space-y-3 rounded-lg border border-amber-200 bg-amber-50 p-4" aria-label={t.manage.claim}>
          <p>{format(t.manage.heldLead, { date: when(booking.awaitingOwnerUntil!) })}</p>
          <Button
            type="button"
            disabled={busy}
            onClick={() =>
              void act(
                () => call('claimManagedBooking', { params: { token }, body: { version: booking.version } }),
                () => t.manage.claimed,
              )
            }
          >
            {busy ? t.manage.claiming : t.manage.claim}
          </Button>
        </section>
      )}
      {!over && !changeable && <p className="mt-4 rounded bg-amber-50 p-4">{format(t.manage.cutoff, { date: when(booking.changeableUntil) })}</p>}
      {failure !== null && (
        <div className="mt-4">
          <ErrorNotice error={failure} />
        </div>
      )}
      {suggestions.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-2" aria-label={t.book.taken}>
          {suggestions.map((s) => (
            <li key={s.start}>
              <button type="button" disabled={busy} onClick={() => reschedule(s)} className="rounded border bg-white px-3 py-1">
                {when(s.start)}
              </button>
            </li>
          ))}
        </ul>
      )}

      {changeable && mode === 'view' && (
        <div className="mt-6 flex flex-wrap gap-3">
          <Button type="button" onClick={() => (setMode('reschedule'), setNotice(undefined))}>
            {t.manage.reschedule}
          </Button>
          <button type="button" onClick={() => (setMode('cancel'), setNotice(undefined))} className="rounded border border-red-300 px-4 py-2 text-red-800">
            {t.manage.cancel}
          </button>
        </div>
      )}
      {changeable && mode === 'reschedule' && (
        <Card className="mt-6" aria-label={t.manage.pickNew}>
          <h2 className="mb-4 text-lg font-semibold">{t.manage.pickNew}</h2>
          <SlotPicker
            load={(from, to) => call('getManagedBookingSlots', { params: { token }, query: { from, to } })}
            zone={zone}
            onZone={setZone}
            currency={booking.price?.currency ?? 'USD'}
            selected={slot}
            onSelect={setSlot}
            reloadKey={reloadKey}
          />
          {booking.seriesId && (
            <div className="mt-4">
              <SeriesScopeChoice action="move" value={scope} onChange={setScope} />
            </div>
          )}
          <div className="mt-4 flex justify-between">
            <button type="button" onClick={() => setMode('view')} className="rounded border px-4 py-2">
              {t.book.back}
            </button>
            <Button type="button" disabled={!slot || busy} onClick={() => slot && reschedule(slot)}>
              {busy ? t.manage.moving : t.manage.move}
            </Button>
          </div>
        </Card>
      )}
      {changeable && mode === 'cancel' && (
        <Card className="mt-6 space-y-3" aria-label={t.manage.cancel}>
          <label htmlFor={reasonId} className="block text-sm font-medium">
            {t.manage.cancelReason}
          </label>
          <textarea
            id={reasonId}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={500}
            rows={2}
            className="w-full rounded border border-slate-300 px-3 py-2"
          />
          {booking.seriesId && <SeriesScopeChoice action="cancel" value={scope} onChange={setScope} />}
          <div className="flex gap-3">
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                void act(
                  () => call('cancelManagedBooking', { params: { token }, body: { version: booking.version, reason, scope } }),
                  (r) => followingSummary(t, when, r) ?? t.manage.cancelled,
                )
              }
              className="rounded bg-red-700 px-4 py-2 text-white disabled:opacity-50"
            >
              {busy ? t.manage.cancelling : t.manage.cancelConfirm}
            </button>
            <button type="button" onClick={() => setMode('view')} className="rounded border px-4 py-2">
              {t.manage.keep}
            </button>
          </div>
        </Card>
      )}
      {booking.status === 'cancelled' && (
        <p className="mt-6">
          <a href={`/book/?firm=${firm.slug}`} className="text-brand-700 underline">
            {t.manage.bookAgain}
          </a>
        </p>
      )}
    </PublicFrame>
  );
}

mount(ManageBookingPage);
