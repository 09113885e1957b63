import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { ApiError, call } from '../../api.ts';
import { useFirmLook } from '../../brand.ts';
import { errorsByField, errorText } from '../../errors.ts';
import { format, useLocale } from '../../i18n/index.ts';
import { commonText } from '../../i18n/common/index.ts';
import { bookingsText } from '../../i18n/bookings/index.ts';
import { signInText } from '../../i18n/sign-in/index.ts';
import { useText } from '../../i18n/text.ts';
import { allClients } from '../ClientSelect.tsx';
import { planRequest, type Series } from '../SeriesRepeat.tsx';
import { visitorZone, type Slot } from '../SlotPicker.tsx';
import { ErrorNotice } from '../../components/Status.tsx';
import { useLoad } from '../../components/useLoad.tsx';
import { DetailsStep } from './DetailsStep.tsx';
import { DoneStep } from './DoneStep.tsx';
import { ReviewStep } from './ReviewStep.tsx';
import { ServiceStep } from './ServiceStep.tsx';
import { initialWizard, reachableStep, wizard, type Booked } from './state.ts';
import { TimeStep } from './TimeStep.tsx';

/**
 * Who is booking: a guest on the public page (name and email asked), a signed-in client (for
 * themselves), or staff (for a client they choose, and past warnings when they say so).
 */
export type Booker = { kind: 'guest' } | { kind: 'client'; name: string; email: string } | { kind: 'staff' };

const STEPS = 5;

/** The step lives in the browser's history too, so Back and Forward move between steps and keep what was entered. */
function useStep(): [number, (n: number) => void] {
  const [step, setStep] = useState<number>(() => (history.state as { step?: number } | null)?.step ?? 0);
  useEffect(() => {
    const onPop = (e: PopStateEvent) => setStep((e.state as { step?: number } | null)?.step ?? 0);
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const go = useCallback((n: number) => {
    history.pushState({ step: n }, '');
    setStep(n);
  }, []);
  return [step, go];
}

function Progress({ step, names }: { step: number; names: readonly string[] }) {
  const t = useText(bookingsText);
  return (
    <ol className="mb-6 flex flex-wrap gap-2 text-sm" aria-label={format(t.book.stepOf, { n: String(step + 1), total: String(STEPS), name: names[step]! })}>
      {names.map((name, i) => (
        <li
          key={name}
          aria-current={i === step ? 'step' : undefined}
          className={`rounded-full px-3 py-1 ${i === step ? 'bg-brand-600 text-white' : i < step ? 'bg-brand-50 text-brand-800' : 'bg-slate-100 text-slate-700'}`}
        >
          {i + 1}. {name}
        </li>
      ))}
    </ol>
  );
}

/** The booking wizard — service, time, details, review, done — for a guest, a client or staff. */
export function BookingWizard({ firmSlug, booker, calendarHref }: { firmSlug: string; booker: Booker; calendarHref?: string }) {
  const t = useText(commonText, bookingsText, signInText);
  const { locale } = useLocale();
  const showFirm = useFirmLook();
  const [step, go] = useStep();
  const [state, dispatch] = useReducer(wizard, undefined, () => initialWizard(visitorZone()));
  const heading = useRef<HTMLHeadingElement>(null);

  const fetchPage = useCallback(
    () =>
      firmSlug
        ? call('getBookingPage', { params: { firmSlug } }).then(
            (found) => (showFirm(found.firm), found),
            (e: unknown) => (e instanceof ApiError && e.status === 404 ? ('unknown' as const) : Promise.reject(e)),
          )
        : Promise.resolve('unknown' as const),
    [firmSlug],
  );
  const page = useLoad(fetchPage);
  const fetchClients = useCallback(
    () =>
      booker.kind === 'staff'
        ? allClients().then((all) => all.filter((u) => u.status !== 'deactivated').sort((a, b) => a.name.localeCompare(b.name)))
        : Promise.resolve([]),
    [booker.kind],
  );
  const clients = useLoad(fetchClients);

  // Whom the booking is for, as far as the page knows yet.
  const { details, slot, service, repeat, plan, quote } = state;
  const chosenClient = clients.data?.find((c) => c.userId === details.clientId);
  const who = booker.kind === 'client' ? booker : booker.kind === 'staff' ? { name: chosenClient?.name ?? '', email: chosenClient?.email ?? '' } : details;
  // Each step's heading takes focus, so keyboard and screen-reader users land on the new step.
  useEffect(() => heading.current?.focus(), [step]);
  // Going back past a step keeps its answers; arriving at a step that needs an earlier one sends you there.
  useEffect(() => {
    const reachable = reachableStep(step, state);
    if (reachable !== step) go(reachable);
  }, [step, state, go]);

  const priceQuote = (code: string, start = slot?.slot.start) => {
    if (!service || !start) return;
    dispatch({ type: 'invalid', errors: {} });
    call('quoteBooking', { params: { firmSlug }, body: { serviceId: service.serviceId, start, ...(code && { promoCode: code }) } })
      .then((quote) => dispatch({ type: 'quoted', quote }))
      .catch((e: unknown) =>
        dispatch(
          e instanceof ApiError && e.details.length
            ? { type: 'invalid', errors: errorsByField(e.details, () => t.book.promo, t, locale) }
            : { type: 'failed', failure: e },
        ),
      );
  };
  // Priced afresh on arriving at the review (the time may have changed since).
  useEffect(() => {
    if (step === 3) priceQuote(plan ? '' : state.promo);
  }, [step]);

  return page.show((firmPage) => {
    if (firmPage === 'unknown')
      return (
        <p role="alert" className="rounded border border-amber-200 bg-amber-50 p-4">
          {t.book.unknown}
        </p>
      );
    const { firm } = firmPage;
    const stepNames = booker.kind === 'staff' ? t.book.steps.map((name, i) => (i === 2 ? t.book.forClient : name)) : t.book.steps;

    async function submitDetails() {
      if (!slot) return;
      const guest = booker.kind === 'guest';
      const missing = {
        ...(guest && !details.name.trim() && { name: `${t.book.name} ${t.login.required}` }),
        ...(guest && !details.email.trim() && { email: `${t.book.email} ${t.login.required}` }),
        ...(booker.kind === 'staff' && !details.clientId && { clientId: `${t.book.client} ${t.login.required}` }),
      };
      dispatch({ type: 'invalid', errors: missing });
      if (Object.keys(missing).length > 0) return;
      dispatch({ type: 'planned', plan: undefined });
      // A repeat is planned on the firm's clock before the review, which lists its dates.
      if (booker.kind !== 'guest' && repeat.frequency) {
        try {
          dispatch({ type: 'planned', plan: await call('planBookingSeries', { body: planRequest(repeat, slot.slot.start, firm.timeZone) }) });
        } catch (error) {
          if (!(error instanceof ApiError && error.details.length)) return dispatch({ type: 'failed', failure: error });
          const label = (f: string) =>
            f === 'until' ? t.book.repeat.until : f === 'interval' ? t.book.repeat.interval[repeat.frequency as 'daily'] : t.book.repeat.count;
          return dispatch({ type: 'invalid', errors: errorsByField(error.details, label, t, locale) });
        }
      }
      go(3);
    }

    async function confirm(force = false) {
      if (!service || !slot) return;
      dispatch({ type: 'confirming' });
      const booking = {
        serviceId: service.serviceId,
        start: slot.slot.start,
        ...(slot.staffId && { staffId: slot.staffId }),
        ...(details.bookingType && { bookingType: details.bookingType as 'video' }),
        timeZone: state.zone,
        notes: details.notes,
        ...(quote?.discount && { promoCode: quote.discount.code }),
      };
      try {
        if (plan) {
          const { promoCode: _, start: __, ...each } = booking;
          const series = await call('createBookingSeries', { body: { ...each, plan, ...(booker.kind === 'staff' && { clientId: details.clientId, force }) } });
          dispatch({ type: 'seriesBooked', series });
          return go(4);
        }
        const booked: Booked =
          booker.kind === 'guest'
            ? await call('createGuestBooking', {
                params: { firmSlug },
                body: { ...booking, name: details.name, email: details.email, ...(details.phone.trim() && { phone: details.phone.trim() }), locale },
              })
            : await call('createBooking', { body: { ...booking, ...(booker.kind === 'staff' && { clientId: details.clientId, force }) } });
        dispatch({ type: 'booked', booked });
        go(4);
      } catch (error) {
        refused(error);
      }
    }

    /** A refused booking: a time taken or a series that cannot be booked, fields at fault, or anything else. */
    function refused(error: unknown) {
      const reason = error instanceof ApiError ? error.extra.reason : undefined;
      if (error instanceof ApiError && reason === 'series_unbookable') {
        const conflict = {
          message: errorText(error, t, locale),
          suggestions: [],
          canProceed: error.extra.canProceed === true,
          skipped: error.extra.skipped as Series['skipped'],
        };
        return dispatch({ type: 'conflicted', conflict, slotTaken: false });
      }
      if (error instanceof ApiError && (reason === 'slot_taken' || reason === 'slot_unavailable')) {
        const suggestions = (error.extra.suggestions as Slot[] | undefined) ?? [];
        const conflict = { message: errorText(error, t, locale), suggestions, canProceed: booker.kind === 'staff' && error.extra.canProceed === true };
        return dispatch({ type: 'conflicted', conflict, slotTaken: true });
      }
      dispatch({ type: 'confirmFailed' });
      if (!(error instanceof ApiError && error.details.length)) return dispatch({ type: 'failed', failure: error });
      const labels: Record<string, string> = { name: t.book.name, email: t.book.email, phone: t.book.phone, promoCode: t.book.promo, clientId: t.book.client };
      dispatch({ type: 'invalid', errors: errorsByField(error.details, (f) => labels[f] ?? f, t, locale) });
      if (error.details.some((d) => ['name', 'email', 'phone', 'clientId'].includes(d.field))) go(2);
    }

    const when = (iso: string) => new Intl.DateTimeFormat(locale, { timeZone: state.zone, dateStyle: 'full', timeStyle: 'short' }).format(Date.parse(iso));
    const steps = {
      state,
      dispatch,
      heading: (text: string) => (
        <h2 ref={heading} tabIndex={-1} className="text-xl font-semibold outline-none">
          {text}
        </h2>
      ),
      back: (to: number) => (
        <button type="button" onClick={() => go(to)} className="rounded border px-4 py-2">
          {t.book.back}
        </button>
      ),
    };
    return (
      <>
        <h1 className="text-2xl font-semibold">{format(t.book.title, { firm: firm.name })}</h1>
        <div className="mt-4">
          <Progress step={step} names={stepNames} />
        </div>
        {step === 0 && (
          <ServiceStep
            {...steps}
            services={firmPage.services}
            firmName={firm.name}
            title={stepNames[0]!}
            onChosen={(chosen) => {
              dispatch({ type: 'serviceChosen', service: chosen });
              go(1);
            }}
          />
        )}
        {step === 1 && service && (
          <TimeStep {...steps} firmSlug={firmSlug} service={service} currency={firm.currency} title={stepNames[1]!} onNext={() => go(2)} />
        )}
        {step === 2 && service && slot && (
          <DetailsStep
            {...steps}
            booker={booker}
            service={service}
            clients={clients.data}
            clientsProblem={clients.error !== null && <ErrorNotice error={clients.error} onRetry={clients.reload} />}
            title={stepNames[2]!}
            when={when}
            onSubmit={() => void submitDetails()}
          />
        )}
        {step === 3 && service && slot && (
          <ReviewStep {...steps} service={service} who={who} when={when} onPromo={priceQuote} onConfirm={(force) => void confirm(force)} />
        )}
        {step === 4 && (
          <DoneStep
            {...steps}
            booker={booker}
            firm={firm}
            who={who}
            when={when}
            calendarHref={calendarHref}
            onAnother={() => {
              dispatch({ type: 'startOver' });
              go(0);
            }}
          />
        )}
      </>
    );
  });
}
