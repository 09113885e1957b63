import { useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { CalendarEntryView } from '../../../../shared/api/schemas/bookings.ts';
import { addDays, instantAt, localDateOf, wallOf } from '../../../../shared/domain/time/zoned.ts';
import { hoursShown, personHue, placeByDay, snap, SNAP_MINUTES, type Placed } from './hour-grid.ts';

type Entry = CalendarEntryView;
export interface Proposal {
  entry: Entry;
  start: string;
}

const HOUR_PX = 48;
/** A press that travels less than this is a click, not a drag. */
const DRAG_PX = 4;

interface Drag {
  placed: Placed<Entry>;
  date: string;
  x: number;
  y: number;
  dayWidth: number;
  days: number;
  minutes: number;
  /** Past the click threshold: a drag, not a click. */
  moved: boolean;
}

/**
 * The week or a day as columns of hours, each appointment at its time in its person's colour
 * and side by side where they overlap. Staff who may move an appointment drag it to another
 * time or day, or press Alt with the arrow keys on it (a quarter hour, a day); either only
 * proposes the move, which the calendar asks to confirm and the server checks.
 */
export function HourGrid(props: {
  dates: string[];
  entries: Entry[];
  zone: string;
  dayName: (date: string, style: 'long' | 'short') => string;
  hourLabel: (minutes: number) => string;
  describe: (e: Entry) => string;
  canMove: (e: Entry) => boolean;
  proposal: Proposal | undefined;
  onOpen: (e: Entry) => void;
  onPropose: (proposal: Proposal) => void;
}) {
  const { dates, zone } = props;
  const placed = useMemo(() => placeByDay(props.entries, zone), [props.entries, zone]);
  const { from, to } = hoursShown(placed.values());
  const columns = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<Drag | undefined>();
  /** Set by a drag's release, so the click that follows it does not open the appointment. */
  const justDragged = useRef(false);
  const today = localDateOf(zone, Date.now());
  const px = (minutes: number) => ((minutes - from) / 60) * HOUR_PX;
  const rtl = () => document.dir === 'rtl';

  /** The instant `days` and `minutes` away from a start (`date` at `from` minutes), kept within its day. */
  function shifted(date: string, from: number, days: number, minutes: number): string {
    const at = instantAt(zone, addDays(date, days), clampToDay(from + minutes), 'compatible')!;
    return new Date(at).toISOString();
  }

  function onPointerDown(e: PointerEvent<HTMLButtonElement>, p: Placed<Entry>, date: string) {
    justDragged.current = false;
    // Touch scrolls the page; on phones the appointment's own form moves it.
    if (e.button !== 0 || e.pointerType === 'touch' || !props.canMove(p.entry) || !columns.current) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ placed: p, date, x: e.clientX, y: e.clientY, dayWidth: columns.current.clientWidth / dates.length, days: 0, minutes: 0, moved: false });
  }
  function onPointerMove(e: PointerEvent<HTMLButtonElement>) {
    if (!drag) return;
    const dx = e.clientX - drag.x;
    const dy = e.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < DRAG_PX) return;
    const index = dates.indexOf(drag.date);
    const days = Math.max(-index, Math.min(dates.length - 1 - index, Math.round((rtl() ? -dx : dx) / drag.dayWidth)));
    setDrag({ ...drag, days, minutes: snap((dy / HOUR_PX) * 60), moved: true });
  }
  function onPointerUp() {
    justDragged.current = drag?.moved === true;
    if (drag?.moved && (drag.days || drag.minutes)) {
      props.onPropose({ entry: drag.placed.entry, start: shifted(drag.date, drag.placed.from, drag.days, drag.minutes) });
    }
    setDrag(undefined);
  }
  function onKeyDown(e: KeyboardEvent<HTMLButtonElement>, p: Placed<Entry>) {
    const step = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [rtl() ? 1 : -1, 0], ArrowRight: [rtl() ? -1 : 1, 0] }[e.key];
    if (!e.altKey || !step || !props.canMove(p.entry)) return;
    e.preventDefault();
    e.stopPropagation();
    // From where it is proposed to be, so presses add up.
    const start = props.proposal?.entry.bookingId === p.entry.bookingId ? Date.parse(props.proposal.start) : Date.parse(p.entry.start);
    const wall = wallOf(zone, start);
    props.onPropose({ entry: p.entry, start: shifted(localDateOf(zone, start), wall.hour * 60 + wall.minute, step[0]!, step[1]! * SNAP_MINUTES) });
  }

  /** Where the proposal (or the drag under way) puts an appointment: its day and minutes. */
  const ghost = (() => {
    if (drag?.moved) {
      const { placed: p } = drag;
      return { entry: p.entry, date: addDays(drag.date, drag.days), from: clampToDay(p.from + drag.minutes), length: p.to - p.from };
    }
    if (!props.proposal) return undefined;
    const start = Date.parse(props.proposal.start);
    const wall = wallOf(zone, start);
    const { entry } = props.proposal;
    return { entry, date: localDateOf(zone, start), from: wall.hour * 60 + wall.minute, length: (Date.parse(entry.end) - Date.parse(entry.start)) / 60_000 };
  })();

  const hours = Array.from({ length: (to - from) / 60 }, (_, i) => from + i * 60);
  const columnsClass = dates.length === 1 ? 'grid-cols-1' : 'grid-cols-7';
  return (
    <div className="rounded-lg bg-white shadow">
      <div className="flex border-b border-slate-200">
        <div className="w-14 shrink-0" />
        <div className={`grid flex-1 ${columnsClass}`}>
          {dates.map((d) => (
            <p key={d} className={`px-2 py-2 text-xs font-semibold ${d === today ? 'text-brand-700' : 'text-slate-700'}`}>
              {props.dayName(d, dates.length === 1 ? 'long' : 'short')}
            </p>
          ))}
        </div>
      </div>
      <div className="flex">
        <div className="relative w-14 shrink-0" aria-hidden="true" style={{ height: px(to) }}>
          {hours.map((h) => (
            <span key={h} className="absolute end-2 -translate-y-1/2 text-xs text-slate-600" style={{ top: px(h) }}>
              {h > from && props.hourLabel(h)}
            </span>
          ))}
        </div>
        <div ref={columns} className={`grid flex-1 ${columnsClass}`}>
          {dates.map((d) => (
            <section
              key={d}
              aria-label={props.dayName(d, 'long')}
              className="hour-lines relative overflow-hidden border-s border-slate-200"
              style={{ height: px(to) }}
            >
              {d === today && <NowLine zone={zone} px={px} from={from} to={to} />}
              <ul>
                {(placed.get(d) ?? []).map((p) => {
                  const moving = ghost?.entry.bookingId === p.entry.bookingId;
                  return (
                    <li
                      key={p.entry.bookingId}
                      className={`absolute p-0.5 ${moving ? 'grayscale' : ''}`}
                      style={{
                        top: px(p.from),
                        height: Math.max(20, px(p.to) - px(p.from)),
                        insetInlineStart: `${(p.lane / p.lanes) * 100}%`,
                        width: `${100 / p.lanes}%`,
                      }}
                    >
                      <button
                        type="button"
                        onClick={() => (justDragged.current ? (justDragged.current = false) : props.onOpen(p.entry))}
                        onPointerDown={(e) => onPointerDown(e, p, d)}
                        onPointerMove={onPointerMove}
                        onPointerUp={onPointerUp}
                        onPointerCancel={() => setDrag(undefined)}
                        onKeyDown={(e) => onKeyDown(e, p)}
                        aria-keyshortcuts={props.canMove(p.entry) ? 'Alt+ArrowUp Alt+ArrowDown Alt+ArrowLeft Alt+ArrowRight' : undefined}
                        className={`person-tint h-full w-full overflow-hidden rounded px-1.5 py-0.5 text-start text-xs leading-tight ${
                          p.entry.confirmed ? '' : 'outline-2 outline-offset-[-2px] outline-amber-500 outline-dashed'
                        } ${props.canMove(p.entry) ? 'cursor-grab' : ''}`}
                        style={{ ['--hue' as string]: personHue(p.entry.staffId) }}
                      >
                        {props.describe(p.entry)}
                      </button>
                    </li>
                  );
                })}
              </ul>
              {ghost && ghost.date === d && (
                <div
                  aria-hidden="true"
                  className="person-tint pointer-events-none absolute inset-x-1 rounded px-1.5 py-0.5 text-xs outline-2 outline-brand-600 outline-dashed"
                  style={{
                    top: px(ghost.from),
                    height: Math.max(20, px(ghost.from + ghost.length) - px(ghost.from)),
                    ['--hue' as string]: personHue(ghost.entry.staffId),
                  }}
                >
                  {props.describe(ghost.entry)}
                </div>
              )}
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}

const clampToDay = (minutes: number) => Math.min(24 * 60 - SNAP_MINUTES, Math.max(0, minutes));

/** A line across today's column at the present minute, when it falls within the hours shown. */
function NowLine({ zone, px, from, to }: { zone: string; px: (m: number) => number; from: number; to: number }) {
  const wall = wallOf(zone, Date.now());
  const minutes = wall.hour * 60 + wall.minute;
  if (minutes < from || minutes > to) return null;
  return <div aria-hidden="true" className="pointer-events-none absolute inset-x-0 z-10 border-t-2 border-red-600" style={{ top: px(minutes) }} />;
}
