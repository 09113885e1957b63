/**
 * Repeating a booking (signed-in clients and staff): the rule's fields, the dates it plans, and
 * what a booked series came to. The portal plans the dates on the firm's clock (ADR 0011).
 */
import { useId } from 'react';
import type { BodyOf, ResponseOf } from '../../../../shared/api/routes.ts';
import { Field } from '../components/Field.tsx';
import { format } from '../i18n/index.ts';
import { bookingsText } from '../i18n/bookings/index.ts';
import { useText } from '../i18n/text.ts';

export type Plan = ResponseOf<'planBookingSeries'>;
export type Series = ResponseOf<'createBookingSeries'>;
export type Repeat = { frequency: '' | 'daily' | 'weekly' | 'monthly'; interval: string; ends: 'count' | 'until'; count: string; until: string };

export const NO_REPEAT: Repeat = { frequency: '', interval: '1', ends: 'count', count: '4', until: '' };

/** What the planner is asked for a chosen rule, from the first appointment's start. */
export function planRequest(repeat: Repeat, start: string, zone: string): BodyOf<'planBookingSeries'> {
  const frequency = repeat.frequency || 'weekly';
  return {
    start,
    zone,
    frequency,
    interval: Number(repeat.interval),
    ...(repeat.ends === 'count' ? { count: Number(repeat.count) } : { until: repeat.until }),
  };
}

export function RepeatFields({ value, onChange, errors }: { value: Repeat; onChange: (r: Repeat) => void; errors: Record<string, string | undefined> }) {
  const t = useText(bookingsText);
  const r = t.book.repeat;
  const id = useId();
  const set = (patch: Partial<Repeat>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium">{r.title}</legend>
      <div>
        <label htmlFor={`${id}-frequency`} className="block text-sm">
          {r.often}
        </label>
        <select
          id={`${id}-frequency`}
          value={value.frequency}
          onChange={(e) => set({ frequency: e.target.value as Repeat['frequency'] })}
          className="mt-1 rounded border border-slate-300 px-2 py-2"
        >
          <option value="">{r.never}</option>
          <option value="daily">{r.daily}</option>
          <option value="weekly">{r.weekly}</option>
          <option value="monthly">{r.monthly}</option>
        </select>
      </div>
      {value.frequency && (
        <>
          <Field
            label={r.interval[value.frequency]}
            name="interval"
            type="number"
            inputMode="numeric"
            min={1}
            max={12}
            value={value.interval}
            onChange={(e) => set({ interval: e.target.value })}
            error={errors.interval}
          />
          <div role="radiogroup" aria-label={r.ends} className="flex flex-wrap gap-4">
            <label className="flex items-center gap-2">
              <input type="radio" name="ends" checked={value.ends === 'count'} onChange={() => set({ ends: 'count' })} />
              {r.afterCount}
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="ends" checked={value.ends === 'until'} onChange={() => set({ ends: 'until' })} />
              {r.onDate}
            </label>
          </div>
          {value.ends === 'count' ? (
            <Field
              label={r.count}
              name="count"
              type="number"
              inputMode="numeric"
              min={2}
              max={52}
              value={value.count}
              onChange={(e) => set({ count: e.target.value })}
              error={errors.count}
            />
          ) : (
            <Field
              label={r.until}
              name="until"
              type="date"
              value={value.until}
              onChange={(e) => set({ until: e.target.value })}
              error={errors.until ?? errors.count}
            />
          )}
        </>
      )}
    </fieldset>
  );
}

/** The planned dates on the review step, in the reader's zone. */
export function PlannedDates({ plan, when }: { plan: Plan; when: (iso: string) => string }) {
  const t = useText(bookingsText);
  return (
    <section aria-label={t.book.repeat.planned}>
      <p className="font-medium">{format(t.book.repeat.plannedCount, { count: String(plan.occurrences.length) })}</p>
      <ol className="mt-1 max-h-48 list-decimal overflow-y-auto ps-6 text-sm" tabIndex={0}>
        {plan.occurrences.map((start) => (
          <li key={start}>{when(start)}</li>
        ))}
      </ol>
      {plan.truncated && <p className="mt-1 text-sm text-slate-600">{t.book.repeat.truncated}</p>}
      <p className="mt-1 text-sm text-slate-600">{t.book.repeat.eachPriced}</p>
    </section>
  );
}

/** What a series came to: each booked date, and each that was not with the reason. */
export function SeriesOutcome({ series, when }: { series: Pick<Series, 'booked' | 'skipped'>; when: (iso: string) => string }) {
  const t = useText(bookingsText);
  return (
    <>
      {series.booked.length > 0 && (
        <>
          <p>{format(t.book.repeat.bookedCount, { count: String(series.booked.length) })}</p>
          <ul className="list-disc ps-6 text-sm">
            {series.booked.map((b) => (
              <li key={b.bookingId}>
                {when(b.start)} · {b.staffName} · {b.reference}
              </li>
            ))}
          </ul>
        </>
      )}
      {series.skipped.length > 0 && (
        <>
          <p>{t.book.repeat.skipped}</p>
          <ul className="list-disc ps-6 text-sm">
            {series.skipped.map((s) => (
              <li key={s.start}>
                {when(s.start)}: {s.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
