import { useCallback, useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { CalendarEntryView } from '../../../../shared/api/schemas/bookings.ts';
import type { Session } from '../../../../shared/api/schemas/user.ts';
import { BOOKING_TYPES } from '../../../../shared/domain/bookings/settings.ts';
import { addDays, instantAt, localDateOf, parseDate, weekdayOf } from '../../../../shared/domain/time/zoned.ts';
import { call } from '../api.ts';
import { format, useLocale } from '../i18n/index.ts';
import { bookingsText } from '../i18n/bookings/index.ts';
import { useText } from '../i18n/text.ts';
import { subscribeLive } from '../live.ts';
import { AppointmentDetails } from './AppointmentDetails.tsx';
import { HourGrid, type Proposal } from './HourGrid.tsx';
import { personHue } from './hour-grid.ts';
import { ProposedMove } from './ProposedMove.tsx';
import { visitorZone } from './SlotPicker.tsx';
import { ErrorNotice, Loading } from '../components/Status.tsx';
import { useLatest } from '../components/useLatest.ts';

type View = 'day' | 'week' | 'month' | 'list';
type Entry = CalendarEntryView;

const params = new URLSearchParams(location.search);
const VIEWS: View[] = ['day', 'week', 'month', 'list'];
const KEYS: Record<string, View> = { d: 'day', w: 'week', m: 'month', l: 'list' };
const control = 'mt-1 block rounded border border-slate-300 px-2 py-1';

/** The local dates a view shows around `anchor`: a day, a week from Monday, a month, or four weeks of appointments from the day. */
function periodOf(view: View, anchor: string): { first: string; days: number } {
  if (view === 'day') return { first: anchor, days: 1 };
  if (view === 'list') return { first: anchor, days: 28 };
  if (view === 'month') {
    const { year, month } = parseDate(anchor);
    const first = `${anchor.slice(0, 8)}01`;
    return { first, days: new Date(Date.UTC(year, month, 0)).getUTCDate() };
  }
  const back = (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).indexOf(weekdayOf(anchor) as 'mon');
  return { first: addDays(anchor, -back), days: 7 };
}

function step(view: View, anchor: string, direction: 1 | -1): string {
  if (view === 'day') return addDays(anchor, direction);
  if (view === 'month') {
    const { year, month } = parseDate(anchor);
    const d = new Date(Date.UTC(year, month - 1 + direction, 1));
    return d.toISOString().slice(0, 10);
  }
  return addDays(anchor, 7 * direction * (view === 'list' ? 4 : 1));
}

/**
 * The staff calendar: day and week as hour grids (drag or Alt+arrows to move: HourGrid.tsx), the
 * month, or a list of appointments in time order from a date. Those who see all requests see the
 * firm's (by person and service), others their own; everyone may narrow by type. Arrow keys
 * move through periods; it follows bookings live. `embedded` (the requests page's Appointments
 * tab) shows the list only.
 */
export default function BookingCalendar({ session, area, embedded = false }: { session: Session; area: 'staff' | 'admin'; embedded?: boolean }) {
  const t = useText(bookingsText);
  const { locale } = useLocale();
  const zone = visitorZone();
  const seesAll = session.permissions.includes('service_requests.read.all');
  const mayChange = session.permissions.includes('service_requests.update');
  const [view, setView] = useState<View>(() => (embedded ? 'list' : VIEWS.includes(params.get('view') as View) ? (params.get('view') as View) : 'week'));
  const [anchor, setAnchor] = useState(() => params.get('date') ?? localDateOf(zone, Date.now()));
  const [filters, setFilters] = useState<{ staffId?: string; serviceId?: string; bookingType?: string }>({});
  const [entries, setEntries] = useState<Entry[] | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const [selected, setSelected] = useState<Entry | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [proposal, setProposal] = useState<Proposal | undefined>();
  const wide = useWide();
  const [people, setPeople] = useState<{ userId: string; name: string }[]>([]);
  const [services, setServices] = useState<{ serviceId: string; name: string }[]>([]);
  const dateId = useId();

  const { first, days } = periodOf(view, anchor);
  const dates = useMemo(() => Array.from({ length: days }, (_, i) => addDays(first, i)), [first, days]);
  const begin = useLatest();
  const load = useCallback(() => {
    const isLatest = begin();
    const from = new Date(instantAt(zone, first, 0, 'compatible')!).toISOString();
    const to = new Date(instantAt(zone, addDays(first, days), 0, 'compatible')!).toISOString();
    call('listBookings', { query: { from, to, ...filters } })
      .then((r) => isLatest() && (setEntries(r.items), setFailure(null)))
      .catch((e: unknown) => isLatest() && setFailure(e));
  }, [begin, zone, first, days, filters]);
  useEffect(load, [load]);
  useEffect(() => subscribeLive({ onMessage: (m) => m.type === 'booking.changed' && load(), onResync: load }), [load]);
  useEffect(() => {
    if (!seesAll) return;
    void call('listTeamWorkload').then(
      (r) => setPeople(r.items.map((m) => ({ userId: m.userId, name: m.name }))),
      () => setPeople([]),
    );
    void call('listServices', { query: { limit: 100, status: 'active' } }).then(
      (r) => setServices(r.items.map((s) => ({ serviceId: s.serviceId, name: s.name }))),
      () => setServices([]),
    );
  }, [seesAll]);

  const byDay = useMemo(() => {
    const grouped = new Map<string, Entry[]>();
    for (const e of entries ?? []) grouped.set(localDateOf(zone, Date.parse(e.start)), [...(grouped.get(localDateOf(zone, Date.parse(e.start))) ?? []), e]);
    return grouped;
  }, [entries, zone]);
  const time = (iso: string) => new Intl.DateTimeFormat(locale, { timeZone: zone, timeStyle: 'short' }).format(Date.parse(iso));
  const when = (iso: string) => new Intl.DateTimeFormat(locale, { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(iso));
  const dayName = (date: string, style: 'long' | 'short') =>
    new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...(style === 'long' ? { dateStyle: 'full' } : { weekday: 'short', day: 'numeric' }) }).format(
      Date.parse(`${date}T12:00:00Z`),
    );
  const title =
    view === 'month'
      ? new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(Date.parse(`${first}T12:00:00Z`))
      : view === 'day'
        ? dayName(first, 'long')
        : `${dayName(first, 'long')} – ${dayName(addDays(first, days - 1), 'long')}`;

  function onKey(e: KeyboardEvent<HTMLDivElement>) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLTextAreaElement) return;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') setAnchor(step(view, anchor, (e.key === 'ArrowRight') !== (document.dir === 'rtl') ? 1 : -1));
    else if (e.key.toLowerCase() === 't') setAnchor(localDateOf(zone, Date.now()));
    else if (!embedded && KEYS[e.key.toLowerCase()]) setView(KEYS[e.key.toLowerCase()]!);
  }

  const entryButton = (e: Entry, compact = false) => (
    <button
      type="button"
      onClick={() => (setSelected(e), setNotice(undefined))}
      className={`w-full rounded border px-2 py-1 text-start text-sm ${e.confirmed ? 'border-brand-200 bg-brand-50' : 'border-amber-300 bg-amber-50'}`}
    >
      <span className="font-medium">
        {time(e.start)}–{time(e.end)}
      </span>{' '}
      {compact ? e.clientName : `${e.serviceName} · ${e.clientName} · ${e.staffName}`}
      {!e.confirmed && <span className="sr-only"> ({t.calendar.pending})</span>}
    </button>
  );

  let body;
  if (failure !== null) body = <ErrorNotice error={failure} onRetry={load} />;
  else if (!entries) body = <Loading />;
  else if (view === 'day' || (view === 'week' && wide)) {
    const shown = new Set(entries.map((e) => e.staffId));
    body = (
      <>
        {seesAll && shown.size > 1 && (
          <ul aria-label={t.calendar.colours} className="mb-2 flex flex-wrap gap-3 text-xs text-slate-700">
            {[...shown].map((staffId) => (
              <li key={staffId} className="flex items-center gap-1">
                <span aria-hidden="true" className="person-tint inline-block h-3 w-3 rounded-sm" style={{ ['--hue' as string]: personHue(staffId) }} />
                {entries.find((e) => e.staffId === staffId)!.staffName}
              </li>
            ))}
          </ul>
        )}
        <HourGrid
          dates={dates}
          entries={entries}
          zone={zone}
          dayName={dayName}
          hourLabel={(minutes) => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', hour: 'numeric' }).format(minutes * 60_000)}
          describe={(e) => `${time(e.start)}–${time(e.end)} ${view === 'day' ? `${e.serviceName} · ${e.clientName} · ${e.staffName}` : e.clientName}`}
          canMove={(e) => mayChange && Date.parse(e.start) > Date.now()}
          proposal={proposal}
          onOpen={(e) => (setSelected(e), setNotice(undefined))}
          onPropose={(p) => (setProposal(p), setNotice(undefined))}
        />
        {mayChange && <p className="mt-2 text-xs text-slate-600">{t.calendar.dragHint}</p>}
      </>
    );
  } else if (view === 'list' || view === 'week') {
    body =
      entries.length === 0 ? (
        <p role="status" className="rounded bg-white p-6 text-slate-600 shadow">
          {t.calendar.empty}
        </p>
      ) : (
        <div className="space-y-4">
          {dates
            .filter((d) => byDay.has(d))
            .map((d) => (
              <section key={d} aria-label={dayName(d, 'long')} className="rounded-lg bg-white p-4 shadow">
                <h2 className="mb-2 font-semibold">{dayName(d, 'long')}</h2>
                <ul className="space-y-1">
                  {byDay.get(d)!.map((e) => (
                    <li key={e.bookingId}>{entryButton(e)}</li>
                  ))}
                </ul>
              </section>
            ))}
        </div>
      );
  } else {
    const limit = 3;
    body = (
      <ul className="grid grid-cols-1 gap-2 sm:grid-cols-7">
        {dates.map((d) => {
          const list = byDay.get(d) ?? [];
          return (
            <li
              key={d}
              aria-label={dayName(d, 'long')}
              className={`min-h-24 rounded bg-white p-2 shadow ${d === localDateOf(zone, Date.now()) ? 'ring-2 ring-brand-600' : ''}`}
            >
              <p className="mb-1 text-xs font-semibold text-slate-700">{dayName(d, 'short')}</p>
              <ul className="space-y-1">
                {list.slice(0, limit).map((e) => (
                  <li key={e.bookingId}>{entryButton(e, true)}</li>
                ))}
              </ul>
              {list.length > limit && (
                <button type="button" onClick={() => (setView('day'), setAnchor(d))} className="mt-1 text-xs text-brand-700 underline">
                  {format(t.calendar.more, { n: String(list.length - limit) })}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    );
  }

  return (
    <div onKeyDown={onKey}>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        {embedded ? (
          <h2 className="me-auto text-lg font-semibold">{t.calendar.views.list}</h2>
        ) : (
          <h1 className="me-auto text-2xl font-semibold">{t.calendar.title}</h1>
        )}
        {session.permissions.includes('service_requests.create') && (
          <a href={`/${area}/book/`} className="rounded bg-brand-600 px-4 py-2 text-white">
            {t.calendar.newBooking}
          </a>
        )}
      </div>
      <div
        role="toolbar"
        aria-label={t.calendar.title}
        aria-keyshortcuts={embedded ? 'ArrowLeft ArrowRight T' : 'ArrowLeft ArrowRight T D W M L'}
        className="mb-4 flex flex-wrap items-center gap-2"
      >
        <button type="button" onClick={() => setAnchor(step(view, anchor, -1))} className="rounded border bg-white px-3 py-1">
          ← {t.calendar.prev}
        </button>
        <button type="button" onClick={() => setAnchor(localDateOf(zone, Date.now()))} className="rounded border bg-white px-3 py-1">
          {t.calendar.today}
        </button>
        <button type="button" onClick={() => setAnchor(step(view, anchor, 1))} className="rounded border bg-white px-3 py-1">
          {t.calendar.next} →
        </button>
        <span className="mx-2 font-medium" aria-live="polite">
          {title}
        </span>
        {!embedded && (
          <span className="ms-auto flex gap-1">
            {VIEWS.map((v) => (
              <button
                key={v}
                type="button"
                aria-pressed={view === v}
                onClick={() => setView(v)}
                className="rounded border bg-white px-3 py-1 aria-pressed:bg-brand-600 aria-pressed:text-white"
              >
                {t.calendar.views[v]}
              </button>
            ))}
          </span>
        )}
      </div>
      <p className="mb-4 text-sm text-slate-600">
        {format(t.calendar.zone, { zone })} · {embedded ? t.calendar.shortcutsList : t.calendar.shortcuts}
      </p>
      <div className="mb-4 flex flex-wrap gap-4">
        <div>
          <label htmlFor={dateId} className="text-sm font-medium">
            {view === 'list' ? t.calendar.from : t.calendar.goTo}
          </label>
          <input id={dateId} type="date" required value={anchor} onChange={(e) => e.target.value && setAnchor(e.target.value)} className={control} />
        </div>
        {seesAll && (
          <>
            <FilterSelect
              label={t.calendar.person}
              anyLabel={t.calendar.everyone}
              value={filters.staffId}
              options={people.map((p) => [p.userId, p.name])}
              onChange={(staffId) => setFilters((f) => ({ ...f, staffId }))}
            />
            <FilterSelect
              label={t.calendar.service}
              anyLabel={t.calendar.all}
              value={filters.serviceId}
              options={services.map((s) => [s.serviceId, s.name])}
              onChange={(serviceId) => setFilters((f) => ({ ...f, serviceId }))}
            />
          </>
        )}
        <FilterSelect
          label={t.calendar.type}
          anyLabel={t.calendar.all}
          value={filters.bookingType}
          options={BOOKING_TYPES.map((b) => [b, t.book.types[b] ?? b])}
          onChange={(bookingType) => setFilters((f) => ({ ...f, bookingType }))}
        />
      </div>
      {notice && (
        <p role="status" className="mb-4 rounded bg-green-50 p-3 text-green-900">
          {notice}
        </p>
      )}
      {selected && (
        <AppointmentDetails
          entry={selected}
          firm={session.tenant}
          mayChange={mayChange}
          time={time}
          when={when}
          dayName={dayName(localDateOf(zone, Date.parse(selected.start)), 'long')}
          onClose={(n) => (setSelected(undefined), setNotice(n))}
          onChanged={load}
        />
      )}
      {body}
      {/* Below the grid and kept in sight (sticky) wherever the appointment was dropped. */}
      {proposal && (
        <ProposedMove
          key={`${proposal.entry.bookingId} ${proposal.start}`}
          proposal={proposal}
          zone={zone}
          when={when}
          onKeep={() => setProposal(undefined)}
          onMoved={(summary) => (setProposal(undefined), setNotice(summary ?? t.calendar.done), load())}
        />
      )}
    </div>
  );
}

/** Whether the window is wide enough for the week's seven columns of hours (else the week is a list by day). */
function useWide() {
  const [wide, setWide] = useState(() => matchMedia('(min-width: 640px)').matches);
  useEffect(() => {
    const query = matchMedia('(min-width: 640px)');
    const changed = () => setWide(query.matches);
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, []);
  return wide;
}

/** One calendar filter: any, or one of the options (value → label). */
function FilterSelect(props: {
  label: string;
  anyLabel: string;
  value: string | undefined;
  options: [string, string][];
  onChange: (value: string | undefined) => void;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium">
        {props.label}
      </label>
      <select id={id} className={control} value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value || undefined)}>
        <option value="">{props.anyLabel}</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
