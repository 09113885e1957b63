import { format, textFor } from '../../i18n/index.ts';
import { bookingsText } from '../../i18n/bookings/index.ts';
import { useText } from '../../i18n/text.ts';
import { Field } from '../../components/Field.tsx';
import { PlannedDates, SeriesOutcome } from '../SeriesRepeat.tsx';
import { PriceBreakdown } from '../PriceBreakdown.tsx';
import { ErrorNotice, Loading } from '../../components/Status.tsx';
import { Button, Card } from '../../components/ui.tsx';
import type { Service, StepProps } from './state.ts';

/** Step 4: what will be booked, its price (with a promo code for one booking), then confirm. */
export function ReviewStep({
  state,
  dispatch,
  heading,
  back,
  service,
  who,
  when,
  onPromo,
  onConfirm,
}: StepProps & {
  service: Service;
  who: { name: string; email: string };
  when: (iso: string) => string;
  onPromo: (code: string, start?: string) => void;
  /** `force`: staff book past the warnings they have seen. */
  onConfirm: (force?: boolean) => void;
}) {
  const t = useText(bookingsText);
  const { slot, details, quote, plan, conflict, busy, promo, errors, failure } = state;
  return (
    <>
      {heading(t.book.review)}
      <Card as="div" className="mt-4 space-y-4">
        <p>
          <strong>{service.name}</strong> · {slot && when(slot.slot.start)} ({state.zone})
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
                onPromo(promo.trim());
              }}
            >
              <div className="flex-1">
                <Field
                  label={t.book.promo}
                  name="promoCode"
                  value={promo}
                  onChange={(e) => dispatch({ type: 'promoChanged', promo: e.target.value })}
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
            <button type="button" disabled={busy} onClick={() => onConfirm(true)} className="mt-2 rounded border border-amber-400 bg-white px-3 py-1">
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
                      onClick={() => {
                        dispatch({ type: 'suggestionChosen', slot: s });
                        onPromo(promo.trim(), s.start);
                      }}
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
        <Button type="button" disabled={busy || !quote} onClick={() => onConfirm()}>
          {busy ? t.book.confirming : plan ? t.book.repeat.confirm : t.book.confirm}
        </Button>
      </div>
    </>
  );
}
