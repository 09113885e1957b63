import { useEffect, useRef, useState, type FormEvent } from 'react';
import { HOLD_HOURS } from '../../../../shared/domain/identity/guests.ts';
import type { ResponseOf } from '../../../../shared/api/routes.ts';
import type { UserView } from '../../../../shared/api/schemas/user.ts';
import { ApiError, call } from '../api.ts';
import { Field } from './Field.tsx';
import { errorsByField, errorText } from '../errors.ts';
import { allClients, ClientSelect } from './ClientSelect.tsx';
import { NO_REPEAT, PlannedDates, planRequest, RepeatFields, SeriesOutcome, type Plan, type Repeat, type Series } from './SeriesRepeat.tsx';
import { PriceBreakdown } from './PriceBreakdown.tsx';
import { SlotPicker, visitorZone, type Slot } from './SlotPicker.tsx';
import { ErrorNotice, Loading } from './Status.tsx';
import { money } from '../format.ts';
import { format, textFor, useLocale } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { bookingsText } from '../i18n/bookings/index.ts';
import { signInText } from '../i18n/sign-in/index.ts';
import { useText } from '../i18n/text.ts';
import { Button, Card } from './ui.tsx';

type Page = ResponseOf<'getBookingPage'>;
type Service = Page['services'][number];
type Quote = ResponseOf<'quoteBooking'>;
type Booked = ResponseOf<'createBooking'>;
type Details = { name: string; email: string; phone: string; notes: string; bookingType: string; clientId: string };

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
  return [
    step,
    (n: number) => {
      history.pushState({ step: n }, '');
      setStep(n);
    },
  ];
}

function Progress({ step, names }: { step: number; names: readonly string[] }) {
  const t = useText(commonText, bookingsText, signInText);
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
  const [page, setPage] = useState<Page | 'unknown' | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const [step, go] = useStep();
  const [service, setService] = useState<Service | undefined>();
  const [zone, setZone] = useState(visitorZone);
  const [slot, setSlot] = useState<{ slot: Slot; staffId: string | undefined } | undefined>();
  const [details, setDetails] = useState<Details>({ name: '', email: '', phone: '', notes: '', bookingType: '', clientId: '' });
  const [clients, setClients] = useState<UserView[] | undefined>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [promo, setPromo] = useState('');
  const [quote, setQuote] = useState<Quote | undefined>();
  const [conflict, setConflict] = useState<{ message: string; suggestions: Slot[]; canProceed: boolean; skipped?: Series['skipped'] } | undefined>();
  const [reloadKey, setReloadKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [booked, setBooked] = useState<Booked | undefined>();
  const [repeat, setRepeat] = useState<Repeat>(NO_REPEAT);
  const [plan, setPlan] = useState<Plan | undefined>();
  const [series, setSeries] = useState<Series | undefined>();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!firmSlug) return setPage('unknown');
    call('getBookingPage', { params: { firmSlug } })
      .then(setPage)
      .catch((e: unknown) => (e instanceof ApiError && e.status === 404 ? setPage('unknown') : setFailure(e)));
  }, []);
  useEffect(() => {
    if (booker.kind !== 'staff') return;
    allClients()
      .then((all) => setClients(all.filter((u) => u.status !== 'deactivated').sort((a, b) => a.name.localeCompare(b.name))))
      .catch(setFailure);
  }, [booker.kind]);
  // Whom the booking is for, as far as the page knows yet.
  const chosenClient = clients?.find((c) => c.userId === details.clientId);
  const who = booker.kind === 'client' ? booker : booker.kind === 'staff' ? { name: chosenClient?.name ?? '', email: chosenClient?.email ?? '' } : details;
  // Each step's heading takes focus, so keyboard and screen-reader users land on the new step.
  useEffect(() => heading.current?.focus(), [step]);
  // Going back past a step keeps its answers; arriving at a step that needs an earlier one sends you there.
  useEffect(() => {
    if ((step >= 1 && !service) || (step >= 2 && !slot) || (step === 4 && !booked && !series)) go(0);
    // A repeat is planned from the chosen time on the details step: a review without its plan goes back there.
    else if (step === 3 && repeat.frequency && !plan) go(2);
  }, [step, service, slot, booked, series, repeat.frequency, plan, go]);

  const priceQuote = (code: string, start = slot?.slot.start) => {
    if (!service || !start) return;
    setErrors({});
    call('quoteBooking', { params: { firmSlug }, body: { serviceId: service.serviceId, start, ...(code && { promoCode: code }) } })
      .then(setQuote)
      .catch((e: unknown) => (e instanceof ApiError && e.details.length ? setErrors(errorsByField(e.details, () => t.book.promo, t, locale)) : setFailure(e)));
  };
  // Priced afresh on arriving at the review (the time may have changed since).
  useEffect(() => {
    if (step === 3) priceQuote(plan ? '' : promo);
  }, [step]);

  if (failure !== null && !page) return <ErrorNotice error={failure} />;
  if (!page) return <Loading />;
  if (page === 'unknown')
    return (
      <p role="alert" className="rounded border border-amber-200 bg-amber-50 p-4">
        {t.book.unknown}
      </p>
    );
  const currency = page.firm.currency;
  const stepNames = booker.kind === 'staff' ? t.book.steps.map((name, i) => (i === 2 ? t.book.forClient : name)) : t.book.steps;

  async function onDetails(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!page || page === 'unknown' || !slot) return;
    const guest = booker.kind === 'guest';
    const missing = {
      ...(guest && !details.name.trim() && { name: `${t.book.name} ${t.login.required}` }),
      ...(guest && !details.email.trim() && { email: `${t.book.email} ${t.login.required}` }),
      ...(booker.kind === 'staff' && !details.clientId && { clientId: `${t.book.client} ${t.login.required}` }),
    };
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setPlan(undefined);
    // A repeat is planned on the firm's clock before the review, which lists its dates.
    if (booker.kind !== 'guest' && repeat.frequency) {
      try {
        setPlan(await call('planBookingSeries', { body: planRequest(repeat, slot.slot.start, page.firm.timeZone) }));
      } catch (error) {
        if (error instanceof ApiError && error.details.length)
          return setErrors(
            errorsByField(
              error.details,
              (f) => (f === 'until' ? t.book.repeat.until : f === 'interval' ? t.book.repeat.interval[repeat.frequency as 'daily'] : t.book.repeat.count),
              t,
              locale,
            ),
          );
        return setFailure(error);
      }
    }
    go(3);
  }

  /** Staff may book past warnings (`force`) once they have seen them. */
  async function onConfirm(force = false) {
    if (!service || !slot) return;
    setBusy(true);
    setConflict(undefined);
    setFailure(null);
    const booking = {
      serviceId: service.serviceId,
      start: slot.slot.start,
      ...(slot.staffId && { staffId: slot.staffId }),
      ...(details.bookingType && { bookingType: details.bookingType as 'video' }),
      timeZone: zone,
      notes: details.notes,
      ...(quote?.discount && { promoCode: quote.discount.code }),
    };
    try {
      if (plan) {
        const { promoCode: _, start: __, ...each } = booking;
        setSeries(await call('createBookingSeries', { body: { ...each, plan, ...(booker.kind === 'staff' && { clientId: details.clientId, force }) } }));
        setBusy(false);
        return go(4);
      }
      const result: Booked =
        booker.kind === 'guest'
          ? await call('createGuestBooking', {
              params: { firmSlug },
              body: { ...booking, name: details.name, email: details.email, ...(details.phone.trim() && { phone: details.phone.trim() }), locale },
            })
          : await call('createBooking', { body: { ...booking, ...(booker.kind === 'staff' && { clientId: details.clientId, force }) } });
      setBooked(result);
      go(4);
    } catch (error) {
      if (error instanceof ApiError && error.extra.reason === 'series_unbookable') {
        setConflict({
          message: errorText(error, t, locale),
          suggestions: [],
          canProceed: error.extra.canProceed === true,
          skipped: error.extra.skipped as Series['skipped'],
        });
      } else if (error instanceof ApiError && (error.extra.reason === 'slot_taken' || error.extra.reason === 'slot_unavailable')) {
        setConflict({
          message: errorText(error, t, locale),
          suggestions: (error.extra.suggestions as Slot[] | undefined) ?? [],
          canProceed: booker.kind === 'staff' && error.extra.canProceed === true,
        });
        setReloadKey((k) => k + 1);
      } else if (error instanceof ApiError && error.details.length) {
        setErrors(
          errorsByField(
            error.details,
            (f) => ({ name: t.book.name, email: t.book.email, phone: t.book.phone, promoCode: t.book.promo, clientId: t.book.client })[f] ?? f,
            t,
            locale,
          ),
        );
        if (error.details.some((d) => ['name', 'email', 'phone', 'clientId'].includes(d.field))) go(2);
      } else setFailure(error);
    }
    setBusy(false);
  }

  const when = (iso: string) => new Intl.DateTimeFormat(locale, { timeZone: zone, dateStyle: 'full', timeStyle: 'short' }).format(Date.parse(iso));
  const stepHeading = (text: string) => (
    <h2 ref={heading} tabIndex={-1} className="text-xl font-semibold outline-none">
      {text}
    </h2>
  );
  const back = (to: number) => (
    <button type="button" onClick={() => go(to)} className="rounded border px-4 py-2">
      {t.book.back}
    </button>
  );

  let content;
  if (step === 0) {
    content = (
      <>
        {stepHeading(stepNames[0]!)}
        {page.services.length === 0 ? (
          <p role="status" className="mt-4 rounded bg-slate-50 p-4">
            {format(t.book.none, { firm: page.firm.name })}
          </p>
        ) : (
          <ul className="mt-4 space-y-3">
            {page.services.map((s) => (
              <li key={s.serviceId} className="rounded-lg bg-white p-4 shadow">
                <h3 className="font-semibold">{s.name}</h3>
                <p className="text-sm text-slate-600">{s.description}</p>
                <p className="mt-1 text-sm">
                  {format(t.book.minutes, { n: String(s.durationMinutes) })} · {format(t.book.from, { price: money(s.basePrice, s.currency, locale) })}
                </p>
                <Button
                  type="button"
                  aria-label={`${t.book.choose}: ${s.name}`}
                  onClick={() => {
                    if (service?.serviceId !== s.serviceId) setSlot(undefined);
                    setService(s);
                    setDetails((d) => ({
                      ...d,
                      bookingType: d.bookingType && s.bookingTypes.includes(d.bookingType as 'video') ? d.bookingType : s.bookingTypes[0]!,
                    }));
                    go(1);
                  }}
                  className="mt-2"
                >
                  {t.book.choose}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </>
    );
  } else if (step === 1 && service) {
    content = (
      <>
        {stepHeading(`${stepNames[1]} · ${service.name}`)}
        <div className="mt-4 rounded-lg bg-white p-4 shadow">
          <SlotPicker
            load={(from, to, staffId) => call('getBookingSlots', { params: { firmSlug, serviceId: service.serviceId }, query: { from, to, staffId } })}
            zone={zone}
            onZone={setZone}
            currency={currency}
            selected={slot?.slot}
            onSelect={(s, staffId) => (setSlot({ slot: s, staffId }), setPlan(undefined))}
            reloadKey={reloadKey}
          />
        </div>
        <div className="mt-4 flex justify-between">
          {back(0)}
          <Button type="button" disabled={!slot} onClick={() => go(2)}>
            {t.book.next}
          </Button>
        </div>
        {!slot && <p className="mt-2 text-sm text-slate-600">{t.book.pickTime}</p>}
      </>
    );
  } else if (step === 2 && service && slot) {
    const set = (key: keyof Details) => (e: { target: { value: string } }) => setDetails((d) => ({ ...d, [key]: e.target.value }));
    content = (
      <form onSubmit={(e) => void onDetails(e)} noValidate className="space-y-4">
        {stepHeading(stepNames[2]!)}
        <p className="text-slate-600">
          {service.name} · {when(slot.slot.start)}
        </p>
        <Card as="div" className="space-y-4">
          {booker.kind === 'guest' && (
            <>
              <Field
                label={t.book.name}
                name="name"
                autoComplete="name"
                required
                maxLength={120}
                value={details.name}
                onChange={set('name')}
                error={errors.name}
              />
              <Field
                label={t.book.email}
                name="email"
                type="email"
                autoComplete="email"
                required
                value={details.email}
                onChange={set('email')}
                error={errors.email}
              />
              <Field label={t.book.phone} name="phone" type="tel" autoComplete="tel" value={details.phone} onChange={set('phone')} error={errors.phone} />
            </>
          )}
          {booker.kind === 'client' && <p>{format(t.book.bookingAs, { name: booker.name, email: booker.email })}</p>}
          {booker.kind === 'staff' && <ClientSelect clients={clients} value={details.clientId} onChange={set('clientId')} error={errors.clientId} />}
          {service.bookingTypes.length > 1 && (
            <fieldset>
              <legend className="text-sm font-medium">{t.book.how}</legend>
              <div className="mt-1 flex flex-wrap gap-4">
                {service.bookingTypes.map((type) => (
                  <label key={type} className="flex items-center gap-2">
                    <input type="radio" name="bookingType" value={type} checked={details.bookingType === type} onChange={set('bookingType')} />
                    {t.book.types[type] ?? type}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          {booker.kind !== 'guest' && <RepeatFields value={repeat} onChange={setRepeat} errors={errors} />}
          <label className="block text-sm font-medium">
            {t.book.notes}
            <textarea
              value={details.notes}
              onChange={set('notes')}
              maxLength={2000}
              rows={3}
              className="mt-1 w-full rounded border border-slate-300 px-3 py-2 font-normal"
            />
          </label>
        </Card>
        <div className="flex justify-between">
          {back(1)}
          <Button type="submit">{t.book.next}</Button>
        </div>
      </form>
    );
  } else if (step === 3 && service && slot) {
    content = (
      <>
        {stepHeading(t.book.review)}
        <Card as="div" className="mt-4 space-y-4">
          <p>
            <strong>{service.name}</strong> · {when(slot.slot.start)} ({zone})
          </p>
          <p>
            {who.name} · {who.email}
            {details.bookingType && ` · ${textFor(t.book.types, details.bookingType) ?? details.bookingType}`}
          </p>
          {quote ? <PriceBreakdown quote={quote} /> : <Loading />}
          {plan ? (
            <PlannedDates plan={plan} when={when} />
          ) : (
            <>
              <form
                className="flex items-end gap-2"
                onSubmit={(e) => {
                  e.preventDefault();
                  priceQuote(promo.trim());
                }}
              >
                <div className="flex-1">
                  <Field
                    label={t.book.promo}
                    name="promoCode"
                    value={promo}
                    onChange={(e) => setPromo(e.target.value)}
                    error={
                      errors.promoCode ?? (quote?.promoProblem && `${t.book.promo} ${textFor(t.book.promoProblems, quote.promoProblem) ?? quote.promoProblem}`)
                    }
                  />
                </div>
                <button type="submit" className="rounded border px-4 py-2">
                  {t.book.apply}
                </button>
              </form>
              {quote?.discount && (
                <p role="status" className="text-sm text-green-800">
                  {format(t.book.promoApplied, { code: quote.discount.code })}
                </p>
              )}
            </>
          )}
          <p className="rounded bg-slate-50 p-3 text-sm text-slate-700">{t.book.payLater}</p>
        </Card>
        {conflict && (
          <div role="alert" className="mt-4 rounded border border-amber-300 bg-amber-50 p-4">
            <p>{conflict.message}</p>
            {conflict.skipped && <SeriesOutcome series={{ booked: [], skipped: conflict.skipped }} when={when} />}
            {conflict.canProceed && (
              <button type="button" disabled={busy} onClick={() => void onConfirm(true)} className="mt-2 rounded border border-amber-400 bg-white px-3 py-1">
                {t.book.bookAnyway}
              </button>
            )}
            {conflict.suggestions.length > 0 && (
              <>
                <p className="mt-2">{t.book.taken}</p>
                <ul className="mt-2 flex flex-wrap gap-2">
                  {conflict.suggestions.map((s) => (
                    <li key={s.start}>
                      <button
                        type="button"
                        onClick={() => (
                          setSlot({ slot: s, staffId: undefined }),
                          setConflict(undefined),
                          setQuote(undefined),
                          priceQuote(promo.trim(), s.start)
                        )}
                        className="rounded border bg-white px-3 py-1"
                      >
                        {when(s.start)}
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
        {failure !== null && (
          <div className="mt-4">
            <ErrorNotice error={failure} />
          </div>
        )}
        <div className="mt-4 flex justify-between">
          {back(2)}
          <Button type="button" disabled={busy || !quote} onClick={() => void onConfirm()}>
            {busy ? t.book.confirming : plan ? t.book.repeat.confirm : t.book.confirm}
          </Button>
        </div>
      </>
    );
  } else if (step === 4 && series) {
    const first = series.booked[0]!;
    content = (
      <Card as="div" role="status" className="space-y-3">
        {stepHeading(first.confirmed ? t.book.doneTitle : t.book.pendingTitle)}
        <p>
          <strong>{first.serviceName}</strong> ({zone})
        </p>
        <SeriesOutcome series={series} when={when} />
        <p>{format(t.book.repeat.doneLead, { email: who.email })}</p>
        {calendarHref && (
          <p>
            <a href={calendarHref} className="text-brand-700 underline">
              {t.book.seeCalendar}
            </a>
          </p>
        )}
        <button
          type="button"
          onClick={() => (setSlot(undefined), setSeries(undefined), setPlan(undefined), setRepeat(NO_REPEAT), setQuote(undefined), go(0))}
          className="rounded border px-4 py-2"
        >
          {t.book.another}
        </button>
      </Card>
    );
  } else if (step === 4 && booked) {
    content = (
      <Card as="div" role="status" className="space-y-3">
        {stepHeading(booked.confirmed ? t.book.doneTitle : t.book.pendingTitle)}
        <p>
          <strong>{booked.serviceName}</strong> · {when(booked.start)} ({zone})
        </p>
        <p>
          {t.book.reference}: {booked.reference}
        </p>
        {/* A guest is told the same whoever the address belongs to: its owner learns the rest by email (ADR 0016). */}
        <p>
          {booker.kind === 'guest'
            ? format(t.book.guestLead, { email: who.email, firm: page.firm.name, hours: String(HOLD_HOURS) })
            : format(t.book.doneLead, { email: who.email })}
        </p>
        {calendarHref && (
          <p>
            <a href={calendarHref} className="text-brand-700 underline">
              {t.book.seeCalendar}
            </a>
          </p>
        )}
        {booker.kind === 'guest' && (
          <p>
            {format(t.book.claim, { firm: page.firm.name })}{' '}
            <a href={`/register/?${new URLSearchParams({ firm: page.firm.slug, email: who.email, name: who.name })}`} className="text-brand-700 underline">
              {t.book.createAccount}
            </a>
            {' · '}
            {t.book.haveAccount}{' '}
            <a href="/login/" className="text-brand-700 underline">
              {t.book.signIn}
            </a>
          </p>
        )}
        <button type="button" onClick={() => (setSlot(undefined), setBooked(undefined), setQuote(undefined), go(0))} className="rounded border px-4 py-2">
          {t.book.another}
        </button>
      </Card>
    );
  }

  return (
    <>
      <h1 className="text-2xl font-semibold">{format(t.book.title, { firm: page.firm.name })}</h1>
      <div className="mt-4">
        <Progress step={step} names={stepNames} />
      </div>
      {content}
    </>
  );
}
