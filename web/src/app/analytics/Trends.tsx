import { useCallback, useId } from 'react';
import { addDays, localDateOf } from '../../../../shared/domain/time/zoned.ts';
import { call } from '../api.ts';
import { visitorZone } from '../bookings/SlotPicker.tsx';
import { useAddressFilters } from '../components/list-controls.ts';
import { useLoad } from '../components/useLoad.tsx';
import { format, useLocale } from '../i18n/index.ts';
import { analyticsText } from '../i18n/analytics/index.ts';
import { useText } from '../i18n/text.ts';

const PRESET_WEEKS = [4, 12, 26, 52] as const;
const DEFAULT_WEEKS = 12;
const control = 'mt-1 block rounded border border-slate-300 bg-white px-2 py-1';

interface Bar {
  key: string;
  label: string;
  value: number;
}

/**
 * Requests sent per week and appointments per day, over a period the reader picks (a few
 * weeks back, or any dates up to a year apart); the period stays in the address.
 */
export function Trends() {
  const t = useText(analyticsText);
  const { locale } = useLocale();
  const [period, setPeriod] = useAddressFilters(['from', 'to'], { from: '', to: '' });
  const today = localDateOf(visitorZone(), Date.now());
  const trends = useLoad(
    useCallback(
      () => call('getKpiTrends', { query: { ...(period.from && { from: period.from }), ...(period.to && { to: period.to }) } }),
      [period.from, period.to],
    ),
  );
  const preset = !period.from && !period.to ? DEFAULT_WEEKS : PRESET_WEEKS.find((n) => period.to === today && period.from === weeksBack(today, n));
  const ids = { period: useId(), from: useId(), to: useId() };
  const day = (date: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options }).format(Date.parse(`${date}T12:00:00Z`));

  return (
    <section aria-labelledby="trends-title" className="mt-8">
      <div className="flex flex-wrap items-end gap-4">
        <h3 id="trends-title" className="me-auto font-semibold">
          {t.trends.title}
        </h3>
        <div>
          <label htmlFor={ids.period} className="text-sm">
            {t.trends.period}
          </label>
          <select
            id={ids.period}
            className={control}
            value={preset ?? ''}
            onChange={(e) => {
              const weeks = Number(e.target.value);
              if (weeks) setPeriod(weeks === DEFAULT_WEEKS ? { from: '', to: '' } : { from: weeksBack(today, weeks), to: today });
            }}
          >
            {PRESET_WEEKS.map((n) => (
              <option key={n} value={n}>
                {format(t.trends.weeks, { n: String(n) })}
              </option>
            ))}
            {preset === undefined && <option value="">{t.trends.custom}</option>}
          </select>
        </div>
        {(['from', 'to'] as const).map((end) => (
          <div key={end}>
            <label htmlFor={ids[end]} className="text-sm">
              {t.trends[end]}
            </label>
            <input
              id={ids[end]}
              type="date"
              className={control}
              value={period[end] || (trends.data?.[end] ?? '')}
              {...(end === 'from' ? { max: period.to || trends.data?.to } : { min: period.from || trends.data?.from })}
              onChange={(e) =>
                e.target.value && setPeriod({ from: period.from || (trends.data?.from ?? ''), to: period.to || (trends.data?.to ?? ''), [end]: e.target.value })
              }
            />
          </div>
        ))}
      </div>
      {trends.show((data) => (
        <div className="mt-4 grid gap-4 lg:grid-cols-2">
          <TrendChart
            title={t.trends.requestsPerWeek}
            bars={data.weeks.map((w) => ({
              key: w.week,
              label: format(t.trends.weekOf, { date: day(w.week, { day: 'numeric', month: 'short' }) }),
              value: w.created,
            }))}
          />
          <TrendChart
            title={t.trends.bookingsPerDay}
            bars={data.days.map((d) => ({ key: d.date, label: day(d.date, { weekday: 'short', day: 'numeric', month: 'short' }), value: d.bookings }))}
          />
        </div>
      ))}
    </section>
  );
}

/** The Monday-aligned start `weeks` back, so the first week is whole. */
function weeksBack(today: string, weeks: number) {
  const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(today, -weekday - 7 * (weeks - 1));
}

/** Small bars with a sentence that says what they show; the figures themselves a click away, as a table. */
function TrendChart({ title, bars }: { title: string; bars: Bar[] }) {
  const t = useText(analyticsText);
  const top = Math.max(0, ...bars.map((b) => b.value));
  const total = bars.reduce((sum, b) => sum + b.value, 0);
  const busiest = bars.find((b) => b.value === top);
  const summary = total === 0 ? t.trends.none : format(t.trends.summary, { total: String(total), most: String(top), when: busiest!.label });
  const width = 100 / Math.max(1, bars.length);
  return (
    <figure className="rounded-lg bg-white p-4 shadow">
      <figcaption className="font-semibold">{title}</figcaption>
      <p className="text-sm text-slate-600">{summary}</p>
      <svg viewBox="0 0 100 40" preserveAspectRatio="none" className="mt-3 h-24 w-full rtl:-scale-x-100" aria-hidden="true">
        <line x1="0" y1="40" x2="100" y2="40" className="stroke-slate-300" strokeWidth="0.5" vectorEffect="non-scaling-stroke" />
        {bars.map((b, i) =>
          b.value > 0 ? (
            <rect
              key={b.key}
              x={i * width + width * 0.1}
              width={width * 0.8}
              y={40 - (b.value / top) * 38}
              height={(b.value / top) * 38}
              className="fill-brand-600"
            >
              <title>{`${b.label}: ${b.value}`}</title>
            </rect>
          ) : null,
        )}
      </svg>
      <div className="flex justify-between text-xs text-slate-600" aria-hidden="true">
        <span>{bars[0]?.label}</span>
        <span>{bars.at(-1)?.label}</span>
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-brand-700">{t.trends.figures}</summary>
        <table className="mt-2 w-full">
          <thead>
            <tr>
              <th scope="col" className="text-start">
                {t.trends.when}
              </th>
              <th scope="col" className="text-end">
                {t.trends.count}
              </th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.key} className="border-t border-slate-100">
                <td>{b.label}</td>
                <td className="text-end tabular-nums">{b.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
