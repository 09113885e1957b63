/**
 * Where appointments sit on the week and day grids: a column per local day, minutes since
 * the reader's local midnight down the page, side by side where they overlap. Pure, so the
 * layout is tested without a browser.
 */
import { localDateOf, wallOf } from '../../../../shared/domain/time/zoned.ts';

/** Minutes a move snaps to, by drag or by key. */
export const SNAP_MINUTES = 15;
/** The working day shown when nothing falls outside it. */
const DAY_FROM = 8 * 60;
const DAY_TO = 18 * 60;

export interface Timed {
  start: string;
  end: string;
}

export interface Placed<T extends Timed> {
  entry: T;
  /** Minutes since local midnight; an appointment running past midnight is cut at it. */
  from: number;
  to: number;
  /** Its lane among those it overlaps, and how many lanes they need. */
  lane: number;
  lanes: number;
}

const minutesInto = (zone: string, instant: number) => {
  const wall = wallOf(zone, instant);
  return wall.hour * 60 + wall.minute;
};

/** The entries of each local date, placed in lanes: overlapping ones share the column's width. */
export function placeByDay<T extends Timed>(entries: readonly T[], zone: string): Map<string, Placed<T>[]> {
  const byDay = new Map<string, Placed<T>[]>();
  const sorted = [...entries].sort((a, b) => a.start.localeCompare(b.start) || b.end.localeCompare(a.end));
  for (const entry of sorted) {
    const start = Date.parse(entry.start);
    const date = localDateOf(zone, start);
    const from = minutesInto(zone, start);
    const sameDay = localDateOf(zone, Date.parse(entry.end)) === date;
    const to = sameDay ? Math.max(from + 1, minutesInto(zone, Date.parse(entry.end))) : 24 * 60;
    byDay.set(date, [...(byDay.get(date) ?? []), { entry, from, to, lane: 0, lanes: 1 }]);
  }
  for (const day of byDay.values()) assignLanes(day);
  return byDay;
}

/** Greedy lanes per cluster of overlapping entries (sorted by start): each takes the first lane free at its start. */
function assignLanes(day: Placed<Timed>[]) {
  let cluster: Placed<Timed>[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -1;
  const close = () => cluster.forEach((p) => (p.lanes = laneEnds.length));
  for (const placed of day) {
    if (placed.from >= clusterEnd) {
      close();
      cluster = [];
      laneEnds = [];
    }
    const free = laneEnds.findIndex((end) => end <= placed.from);
    placed.lane = free === -1 ? laneEnds.length : free;
    laneEnds[placed.lane] = placed.to;
    cluster.push(placed);
    clusterEnd = Math.max(clusterEnd, placed.to);
  }
  close();
}

/** The hours the grid shows: the working day, widened to whole hours around anything outside it. */
export function hoursShown(days: Iterable<Placed<Timed>[]>): { from: number; to: number } {
  let from = DAY_FROM;
  let to = DAY_TO;
  for (const day of days)
    for (const p of day) {
      from = Math.min(from, Math.floor(p.from / 60) * 60);
      to = Math.max(to, Math.ceil(p.to / 60) * 60);
    }
  return { from, to };
}

export const snap = (minutes: number) => Math.round(minutes / SNAP_MINUTES) * SNAP_MINUTES;

/** A hue of the person's own, the same on every page and week (a hash of their id over well-spaced hues). */
const HUES = [220, 145, 30, 285, 350, 185, 60, 255, 110, 320];
export function personHue(staffId: string): number {
  let hash = 0;
  for (const char of staffId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return HUES[hash % HUES.length]!;
}
