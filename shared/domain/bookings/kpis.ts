/**
 * Booking KPIs as counters per firm-local day of the appointment: bookings held, their minutes,
 * and how they ended (attended, no-show, cancelled). Each booking change carries the booking's
 * state before and after; the difference is what the counters gain, so they never drift.
 */
import { localDateOf } from '../time/zoned.ts';
import { MINUTE, windowsOn, type Interval, type WeeklyHours } from './availability.ts';

export const BOOKING_COUNTERS = ['bookings', 'bookedMinutes', 'attended', 'noShows', 'bookingsCancelled'] as const;
export type BookingCounter = (typeof BOOKING_COUNTERS)[number];

export interface BookingKpiState {
  /** Firm-local date of the appointment. */
  date: string;
  minutes: number;
  outcome: 'booked' | 'attended' | 'no_show' | 'cancelled';
}

export const bookingDayBucket = (date: string) => `booking-day#${date}`;

export function bookingKpiStateOf(b: { scheduledAt?: string | undefined; durationMinutes?: number | undefined; firmZone?: string | undefined; status: string; noShow?: boolean | undefined }): BookingKpiState {
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
export function bookingKpiChanges(before: BookingKpiState | undefined, after: BookingKpiState | undefined): { bucket: string; add: Partial<Record<BookingCounter, number>> }[] {
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

/**
 * A person's bookable minutes on a date: their working windows that day on their own clock
 * (a DST change shortens or lengthens them as it does the day), less the time they are away.
 */
export function bookableMinutesOn(zone: string, hours: WeeklyHours, timeOff: readonly Interval[], date: string): number {
  const away = [...timeOff].sort((a, b) => a.start - b.start);
  let total = 0;
  for (const w of windowsOn(zone, hours, date)) {
    // Walk the absences in order, so overlapping ones are not taken off twice.
    let covered = w.start;
    let free = 0;
    for (const off of away) {
      if (off.end <= covered || off.start >= w.end) continue;
      free += Math.max(0, off.start - covered);
      covered = Math.max(covered, Math.min(off.end, w.end));
    }
    total += free + Math.max(0, w.end - covered);
  }
  return total / MINUTE;
}

/** Share of bookable minutes that were booked, 0–100; undefined without bookable time. */
export const utilization = (bookedMinutes: number, bookableMinutes: number) => (bookableMinutes > 0 ? Math.round((bookedMinutes / bookableMinutes) * 100) : undefined);

/** No-shows among the bookings whose outcome was recorded, 0–100. */
export const noShowRate = (noShows: number, attended: number) => (noShows + attended > 0 ? Math.round((noShows / (noShows + attended)) * 100) : undefined);
