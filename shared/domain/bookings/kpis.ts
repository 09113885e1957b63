/**
 * Booking KPIs as counters per firm-local day of the appointment: bookings held, their minutes,
 * and how they ended (attended, no-show, cancelled). Each booking change carries the booking's
 * state before and after; the difference is what the counters gain, so they never drift.
 */
import { addDays, localDateOf } from '../time/zoned.ts';
import { MINUTE, unionOf, windowsOn, type Interval, type WeeklyHours } from './availability.ts';

export const BOOKING_COUNTERS = ['bookings', 'bookedMinutes', 'attended', 'noShows', 'bookingsCancelled'] as const;
export type BookingCounter = (typeof BOOKING_COUNTERS)[number];

export interface BookingKpiState {
  /** Firm-local date of the appointment. */
  date: string;
  minutes: number;
  outcome: 'booked' | 'attended' | 'no_show' | 'cancelled';
}

export const bookingDayBucket = (date: string) => `booking-day#${date}`;

export function bookingKpiStateOf(b: {
  scheduledAt?: string | undefined;
  durationMinutes?: number | undefined;
  firmZone?: string | undefined;
  status: string;
  noShow?: boolean | undefined;
}): BookingKpiState {
  const outcome = b.status === 'cancelled' ? 'cancelled' : b.status === 'completed' ? (b.noShow ? 'no_show' : 'attended') : 'booked';
  return { date: localDateOf(b.firmZone ?? 'UTC', Date.parse(b.scheduledAt!)), minutes: b.durationMinutes ?? 0, outcome };
}

function counts(s: BookingKpiState): Record<BookingCounter, number> {
  const held = s.outcome !== 'cancelled';
  return {
    bookings: held ? 1 : 0,
    bookedMinutes: held ? s.minutes : 0,
    attended: s.outcome === 'attended' ? 1 : 0,
    noShows: s.outcome === 'no_show' ? 1 : 0,
    bookingsCancelled: s.outcome === 'cancelled' ? 1 : 0,
  };
}

/** What each day's counters gain from a change (a reschedule to another day moves them). */
export function bookingKpiChanges(
  before: BookingKpiState | undefined,
  after: BookingKpiState | undefined,
): { bucket: string; add: Partial<Record<BookingCounter, number>> }[] {
  const byBucket = new Map<string, Partial<Record<BookingCounter, number>>>();
  const addAll = (s: BookingKpiState, sign: 1 | -1) => {
    const bucket = bookingDayBucket(s.date);
    const add = byBucket.get(bucket) ?? {};
    for (const [k, v] of Object.entries(counts(s)) as [BookingCounter, number][]) if (v) add[k] = (add[k] ?? 0) + sign * v;
    byBucket.set(bucket, add);
  };
  if (before) addAll(before, -1);
  if (after) addAll(after, 1);
  return [...byBucket]
    .map(([bucket, add]) => ({ bucket, add: Object.fromEntries(Object.entries(add).filter(([, v]) => v !== 0)) }))
    .filter((c) => Object.keys(c.add).length > 0);
}

/** The parts of `a` inside `b` (both sorted unions). */
function within(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const x of a) for (const y of b) if (x.start < y.end && y.start < x.end) out.push({ start: Math.max(x.start, y.start), end: Math.min(x.end, y.end) });
  return out;
}

/** The parts of `a` outside every interval of `away`. */
function without(a: readonly Interval[], away: readonly Interval[]): Interval[] {
  let left = [...a];
  for (const off of away)
    left = left.flatMap((x) =>
      off.end <= x.start || off.start >= x.end
        ? [x]
        : [
            { start: x.start, end: off.start },
            { start: off.end, end: x.end },
          ].filter((p) => p.end > p.start),
    );
  return left;
}

/**
 * When a service takes bookings around a local date (the day either side too, so a person in
 * another zone meets the hours that reach into their day): its business hours on the firm's
 * clock, blackout dates left out.
 */
export function openWindows(firmZone: string, service: { businessHours: WeeklyHours; blackoutDates: readonly string[] }, date: string): Interval[] {
  const dates = [addDays(date, -1), date, addDays(date, 1)].filter((d) => !service.blackoutDates.includes(d));
  return unionOf(dates.flatMap((d) => windowsOn(firmZone, service.businessHours, d)));
}

/**
 * A person's bookable minutes on a date: their working windows that day on their own clock (a
 * DST change shortens or lengthens them as it does the day), within the hours some service
 * they take is open (`open`: a union of `openWindows`), less the time they are away.
 */
export function bookableMinutesOn(zone: string, hours: WeeklyHours, timeOff: readonly Interval[], date: string, open: readonly Interval[]): number {
  const bookable = without(within(unionOf(windowsOn(zone, hours, date)), open), unionOf(timeOff));
  return bookable.reduce((sum, i) => sum + i.end - i.start, 0) / MINUTE;
}

/** Share of bookable minutes that were booked, 0–100; undefined without bookable time. */
export const utilization = (bookedMinutes: number, bookableMinutes: number) =>
  bookableMinutes > 0 ? Math.round((bookedMinutes / bookableMinutes) * 100) : undefined;

/** No-shows among the bookings whose outcome was recorded, 0–100. */
export const noShowRate = (noShows: number, attended: number) => (noShows + attended > 0 ? Math.round((noShows / (noShows + attended)) * 100) : undefined);
