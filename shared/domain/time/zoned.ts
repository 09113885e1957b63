/**
 * Wall-clock time in IANA zones on top of Intl (no time-zone library: every Lambda bundle
 * would pay for its data, and the runtime's ICU already has it). Instants are epoch
 * milliseconds; a local date is 'YYYY-MM-DD', a local time 'HH:MM'.
 */

export interface WallTime {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
}

/** What to do with a wall time that a zone skips (spring forward) or repeats (fall back). */
export type Disambiguation =
  /** Gap → undefined; overlap → the earlier instant. For slots: no 02:30 on spring-forward day. */
  | 'reject'
  /** Gap → shifted forward by the gap; overlap → the earlier instant (RFC 5545, Temporal's default). */
  | 'compatible';

const MINUTE = 60_000;
const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

export function isTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

const offsets = new Map<string, Map<number, number>>();

/** The zone's offset from UTC at an instant, in minutes (New York in winter: -300). Memoized per minute: slots and bookings ask about the same instants over and over. */
export function offsetAt(zone: string, instant: number): number {
  const minute = Math.floor(instant / MINUTE) * MINUTE;
  let known = offsets.get(zone);
  if (!known) offsets.set(zone, (known = new Map()));
  let offset = known.get(minute);
  if (offset === undefined) {
    const parts: Record<string, number> = {};
    for (const { type, value } of formatterFor(zone).formatToParts(minute)) parts[type] = Number(value);
    offset = (Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!) - minute) / MINUTE;
    if (known.size > 200_000) known.clear();
    known.set(minute, offset);
  }
  return offset;
}

export function wallOf(zone: string, instant: number): WallTime {
  const local = new Date(Math.floor(instant / MINUTE) * MINUTE + offsetAt(zone, instant) * MINUTE);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate(), hour: local.getUTCHours(), minute: local.getUTCMinutes() };
}

const wallAsUtc = (w: WallTime): number => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);

export function instantOf(zone: string, wall: WallTime, disambiguation: Disambiguation = 'reject'): number | undefined {
  const asUtc = wallAsUtc(wall);
  // Offsets change at most once within a day either side, so the candidates are these two.
  const before = offsetAt(zone, asUtc - DAY);
  const after = offsetAt(zone, asUtc + DAY);
  const valid = [...new Set([before, after])]
    .map((offset) => ({ offset, instant: asUtc - offset * MINUTE }))
    .filter(({ offset, instant }) => offsetAt(zone, instant) === offset)
    .map(({ instant }) => instant)
    .sort((a, b) => a - b);
  if (valid.length > 0) return valid[0];
  if (disambiguation === 'reject') return undefined;
  // In a gap: read the wall time with the offset from before the gap, which lands after it.
  return asUtc - before * MINUTE;
}

/** Whether the wall time of `instant` happens twice in `zone`: the repeated hour of a fall-back night. */
export function wallTimeRepeats(zone: string, instant: number): boolean {
  const asUtc = wallAsUtc(wallOf(zone, instant));
  const offsets = new Set([offsetAt(zone, asUtc - DAY), offsetAt(zone, asUtc + DAY)]);
  return [...offsets].filter((offset) => offsetAt(zone, asUtc - offset * MINUTE) === offset).length > 1;
}

// --- local dates and times as strings ---

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

export function parseDate(date: string): { year: number; month: number; day: number } {
  const match = DATE.exec(date);
  if (!match) throw new RangeError(`Not a date: ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** Minutes since midnight for 'HH:MM' ('24:00' is the end of the day). */
export function minutesOf(time: string): number {
  const match = TIME.exec(time);
  if (!match || (match[1] === '24' && match[2] !== '00')) throw new RangeError(`Not a time: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export const isLocalTime = (time: string): boolean => TIME.test(time) && (!time.startsWith('24') || time === '24:00');

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export const formatDate = (w: { year: number; month: number; day: number }): string => `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;

export const formatTime = (w: { hour: number; minute: number }): string => `${pad(w.hour)}:${pad(w.minute)}`;

export const localDateOf = (zone: string, instant: number): string => formatDate(wallOf(zone, instant));

export function addDays(date: string, days: number): string {
  const { year, month, day } = parseDate(date);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return formatDate({ year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() });
}

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export function weekdayOf(date: string): Weekday {
  const { year, month, day } = parseDate(date);
  return WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!;
}

/** The instant a local date and minutes-since-midnight name in a zone ('24:00' = next midnight). */
export function instantAt(zone: string, date: string, minutes: number, disambiguation: Disambiguation = 'reject') {
  const day = minutes >= 1440 ? parseDate(addDays(date, 1)) : parseDate(date);
  const within = minutes % 1440;
  return instantOf(zone, { ...day, hour: Math.floor(within / 60), minute: within % 60 }, disambiguation);
}
