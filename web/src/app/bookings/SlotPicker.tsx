import { useEffect, useId, useMemo, useState } from 'react';
import { addDays, instantAt, localDateOf } from '../../../../shared/domain/time/zoned.ts';
import { money } from '../format.ts';
import { format, useLocale } from '../i18n/index.ts';
import { bookingsText } from '../i18n/bookings/index.ts';
import { useText } from '../i18n/text.ts';
import { ErrorNotice, Loading } from '../components/Status.tsx';

export interface Slot {
  start: string;
  end: string;
  staffIds: string[];
  price: number;
}

export interface SlotsView {
  firmZone: string;
  durationMinutes: number;
  staff: { userId: string; name: string }[];
  slots: Slot[];
}

/** How often the free times refresh while someone looks at them: others may be booking. */
const REFRESH_MS = 20_000;

export const visitorZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

const zonesWith = (...first: string[]) => [...new Set([...first, ...Intl.supportedValuesOf('timeZone')])];

/**
 * A week of free times in the visitor's chosen zone: the zone (shown, switchable), the person
 * (anyone or someone in particular), the days with free times, then the times of the chosen day.
 * Plain buttons throughout, so it works by keyboard and reads well to a screen reader.
 */
export function SlotPicker(props: {
  load: (from: string, to: string, staffId?: string) => Promise<SlotsView>;
  zone: string;
  onZone: (zone: string) => void;
  currency: string;
  selected: Slot | undefined;
  /** The slot, and the person when the visitor chose one rather than anyone. */
  onSelect: (slot: Slot, staffId: string | undefined) => void;
  /** Bumped by the page to reload at once (e.g. after a conflict). */
  reloadKey?: number;
}) {
  const t = useText(bookingsText);
  const { locale } = useLocale();
  const { zone } = props;
  const ids = { zone: useId(), staff: useId(), times: useId() };
  const [week, setWeek] = useState(0);
  const [staffId, setStaffId] = useState('');
  const [view, setView] = useState<SlotsView | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [day, setDay] = useState<string | undefined>();
  const firstDay = addDays(localDateOf(zone, Date.now()), week * 7);
  const days = useMemo(() => Array.from({ length: 7 }, (_, i) => addDays(firstDay, i)), [firstDay]);

  useEffect(() => {
    let live = true;
    const from = new Date(instantAt(zone, firstDay, 0, 'compatible')!).toISOString();
    const to = new Date(instantAt(zone, addDays(firstDay, 7), 0, 'compatible')!).toISOString();
    const fetchSlots = () =>
      props
        .load(from, to, staffId || undefined)
        .then((v) => live && (setView(v), setError(null)))
        .catch((e: unknown) => live && setError(e));
    void fetchSlots();
    const timer = setInterval(() => document.visibilityState === 'visible' && void fetchSlots(), REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
    // `load` is left out: the page makes a new one each render.
  }, [zone, firstDay, staffId, props.reloadKey]);

  const byDay = useMemo(() => {
    const grouped = new Map<string, Slot[]>();
    for (const slot of view?.slots ?? []) {
      const date = localDateOf(zone, Date.parse(slot.start));
      grouped.set(date, [...(grouped.get(date) ?? []), slot]);
    }
    return grouped;
  }, [view, zone]);
  const shownDay = day && byDay.has(day) ? day : days.find((d) => byDay.has(d));
  const dayLabel = (date: string, style: 'short' | 'full') =>
    new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      ...(style === 'short' ? { weekday: 'short', day: 'numeric', month: 'short' } : { dateStyle: 'full' }),
    }).format(Date.parse(`${date}T12:00:00Z`));
  const timeLabel = (iso: string) => new Intl.DateTimeFormat(locale, { timeZone: zone, timeStyle: 'short' }).format(Date.parse(iso));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor={ids.zone} className="block text-sm font-medium">
            {t.book.zone}
          </label>
          <select id={ids.zone} value={zone} onChange={(e) => props.onZone(e.target.value)} className="mt-1 max-w-xs rounded border border-slate-300 px-2 py-1">
            {zonesWith(visitorZone(), view?.firmZone ?? zone).map((z) => (
              <option key={z} value={z}>
                {z.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
        </div>
        {view && view.staff.length > 1 && (
          <div>
            <label htmlFor={ids.staff} className="block text-sm font-medium">
              {t.book.staff}
            </label>
            <select id={ids.staff} value={staffId} onChange={(e) => setStaffId(e.target.value)} className="mt-1 rounded border border-slate-300 px-2 py-1">
              <option value="">{t.book.anyone}</option>
              {view.staff.map((s) => (
                <option key={s.userId} value={s.userId}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>

      <div className="flex items-center justify-between">
        <button type="button" onClick={() => setWeek((w) => w - 1)} disabled={week === 0} className="rounded border px-3 py-1 disabled:opacity-40">
          ← {t.book.prevWeek}
        </button>
        <button type="button" onClick={() => setWeek((w) => w + 1)} className="rounded border px-3 py-1">
          {t.book.nextWeek} →
        </button>
      </div>

      {error !== null && <ErrorNotice error={error} />}
      {!view && error === null && <Loading />}
      {view && (
        <>
          <ul className="grid grid-cols-7 gap-1" aria-label={t.book.steps[1]}>
            {days.map((d) => {
              const count = byDay.get(d)?.length ?? 0;
              return (
                <li key={d}>
                  <button
                    type="button"
                    disabled={count === 0}
                    aria-pressed={d === shownDay}
                    onClick={() => setDay(d)}
                    className="w-full rounded border px-1 py-2 text-sm aria-pressed:border-brand-600 aria-pressed:bg-brand-50 disabled:opacity-40"
                  >
                    {dayLabel(d, 'short')}
                  </button>
                </li>
              );
            })}
          </ul>
          {!shownDay ? (
            <p role="status" className="rounded bg-slate-50 p-4 text-slate-600">
              {t.book.noSlots}
            </p>
          ) : (
            <section aria-labelledby={ids.times}>
              <h3 id={ids.times} className="font-medium">
                {format(t.book.slotsFor, { date: dayLabel(shownDay, 'full') })}
              </h3>
              <ul className="mt-2 grid grid-cols-3 gap-2 sm:grid-cols-4">
                {byDay.get(shownDay)!.map((slot) => (
                  <li key={slot.start}>
                    <button
                      type="button"
                      aria-pressed={props.selected?.start === slot.start}
                      onClick={() => props.onSelect(slot, staffId || undefined)}
                      className="w-full rounded border px-2 py-2 text-sm aria-pressed:border-brand-600 aria-pressed:bg-brand-600 aria-pressed:text-white"
                    >
                      <span className="block font-medium">{timeLabel(slot.start)}</span>
                      <span className="block text-xs">{money(slot.price, props.currency, locale)}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}
