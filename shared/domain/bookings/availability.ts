/**
 * Availability: the bookable slots of a service in a time range. Pure; the caller loads the
 * service's settings, the eligible staff's schedules and the busy bookings of the range.
 *
 * Slots are laid out on the firm's wall clock (business hours are the firm's), stepping in
 * local minutes, so spring-forward day has no 02:30 and fall-back day no second 01:30. Staff
 * working hours are read in each person's own zone. Times are on a 15-minute grid, which is
 * also the grain of the slot locks that stop double booking (see ADR 0010).
 */
import { addDays, instantAt, localDateOf, minutesOf, weekdayOf, type Weekday } from '../time/zoned.ts';

export const GRID_MINUTES = 15;
export const MINUTE = 60_000;
const DAY = 86_400_000;

export interface TimeWindow {
  start: string; // 'HH:MM' local
  end: string; // 'HH:MM' local, '24:00' allowed
}

export type WeeklyHours = Partial<Record<Weekday, TimeWindow[]>>;

export interface BookingRules {
  durationMinutes: number;
  /** How far ahead a slot may be booked. */
  advanceDays: number;
  /** How soon a slot may start, from now. */
  minNoticeHours: number;
  /** Bookings of this service per firm-local day; 0 = no limit. */
  maxPerDay: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  businessHours: WeeklyHours;
  /** Firm-local dates with no bookings at all. */
  blackoutDates: string[];
}

export interface Interval {
  start: number;
  end: number;
}

export interface StaffSchedule {
  staffId: string;
  zone: string;
  hours: WeeklyHours;
  timeOff: readonly Interval[];
  /** Bookings this person can hold at the same time (group sessions, parallel calls). */
  maxConcurrent: number;
  /** Bookings per day in the person's zone; 0 = no limit. */
  maxPerDay: number;
}

/** A booking that already holds time: its own buffers keep their meaning. */
export interface BusyBooking extends Interval {
  bookingId: string;
  staffId: string;
  serviceId: string;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
}

export interface AvailabilityQuery {
  serviceId: string;
  rules: BookingRules;
  firmZone: string;
  staff: readonly StaffSchedule[];
  busy: readonly BusyBooking[];
  range: Interval;
  now: number;
  /** Distance between slot starts; defaults to the duration rounded up to the grid. */
  stepMinutes?: number;
}

export interface Slot extends Interval {
  staffIds: string[];
}

/** The UTC instants of a day's local windows; windows that a DST gap swallows are cut to what exists. */
export function windowsOn(zone: string, hours: WeeklyHours, date: string): Interval[] {
  const windows: Interval[] = [];
  for (const w of hours[weekdayOf(date)] ?? []) {
    const start = instantAt(zone, date, minutesOf(w.start), 'compatible')!;
    const end = instantAt(zone, date, minutesOf(w.end), 'compatible')!;
    if (end > start) windows.push({ start, end });
  }
  return windows;
}

/** Intervals in time order, those that touch or overlap joined. */
export function unionOf(intervals: readonly Interval[]): Interval[] {
  const merged: Interval[] = [];
  for (const i of [...intervals].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else merged.push({ ...i });
  }
  return merged;
}

/** Windows of consecutive local days, those that touch joined (so 22:00–24:00 and 00:00–02:00 hold a slot across midnight). */
const windowsAcross = (zone: string, hours: WeeklyHours, dates: readonly string[]): Interval[] =>
  unionOf([...new Set(dates)].flatMap((d) => windowsOn(zone, hours, d)));

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;
const within = (inner: Interval, outer: Interval) => inner.start >= outer.start && inner.end <= outer.end;

/** Two bookings clash when either one's buffered time reaches into the other's meeting. */
function clashes(slot: Interval, rules: Pick<BookingRules, 'bufferBeforeMinutes' | 'bufferAfterMinutes'>, other: BusyBooking): boolean {
  const padded = { start: slot.start - rules.bufferBeforeMinutes * MINUTE, end: slot.end + rules.bufferAfterMinutes * MINUTE };
  const otherPadded = { start: other.start - other.bufferBeforeMinutes * MINUTE, end: other.end + other.bufferAfterMinutes * MINUTE };
  return overlaps(padded, other) || overlaps(otherPadded, slot);
}

/** Candidate slot starts of a firm-local day: wall-clock steps inside business hours. */
const stepOf = (query: AvailabilityQuery) => query.stepMinutes ?? Math.ceil(query.rules.durationMinutes / GRID_MINUTES) * GRID_MINUTES;

function candidatesOn(query: AvailabilityQuery, date: string, step: number): Interval[] {
  const { rules, firmZone } = query;
  const slots: Interval[] = [];
  for (const w of query.rules.businessHours[weekdayOf(date)] ?? []) {
    const [open, close] = [minutesOf(w.start), minutesOf(w.end)];
    const closeAt = instantAt(firmZone, date, close, 'compatible')!;
    for (let m = Math.ceil(open / GRID_MINUTES) * GRID_MINUTES; m + rules.durationMinutes <= close; m += step) {
      const start = instantAt(firmZone, date, m, 'reject');
      if (start === undefined) continue; // this wall time does not exist today
      const end = start + rules.durationMinutes * MINUTE;
      if (end <= closeAt) slots.push({ start, end });
    }
  }
  return slots;
}

interface StaffDay {
  schedule: StaffSchedule;
  windows: Interval[];
  busy: BusyBooking[];
  bookedToday: number;
}

/** Everything about one person that the slots of one firm-local day need, computed once. */
function staffDay(schedule: StaffSchedule, dayStart: number, dayEnd: number, busy: readonly BusyBooking[]): StaffDay {
  // The firm's day may span two of the person's days when their zones differ, and a slot may run past midnight.
  const last = localDateOf(schedule.zone, dayEnd - 1);
  const windows = windowsAcross(schedule.zone, schedule.hours, [localDateOf(schedule.zone, dayStart), last, addDays(last, 1)]);
  const today = localDateOf(schedule.zone, dayStart);
  const mine = busy.filter((b) => b.staffId === schedule.staffId && b.start < dayEnd + DAY && b.end > dayStart - DAY);
  return { schedule, windows, busy: mine, bookedToday: mine.filter((b) => localDateOf(schedule.zone, b.start) === today).length };
}

function canTake(day: StaffDay, slot: Interval, rules: BookingRules): boolean {
  const { schedule } = day;
  if (!day.windows.some((w) => within(slot, w))) return false;
  if (schedule.timeOff.some((off) => overlaps(off, slot))) return false;
  if (schedule.maxPerDay > 0 && day.bookedToday >= schedule.maxPerDay) return false;
  let holding = 0;
  for (const b of day.busy) if (clashes(slot, rules, b) && ++holding >= schedule.maxConcurrent) return false;
  return true;
}

export function availableSlots(query: AvailabilityQuery): Slot[] {
  const { rules, firmZone, range, now } = query;
  const earliest = Math.max(range.start, now + rules.minNoticeHours * 60 * MINUTE);
  // The range is half-open; the advance window includes its last instant.
  const latest = Math.min(range.end - 1, now + rules.advanceDays * 24 * 60 * MINUTE);
  if (earliest >= latest) return [];
  const step = stepOf(query);
  const blackout = new Set(rules.blackoutDates);
  const busy = query.busy.filter((b) => b.end > earliest - DAY && b.start < latest + DAY);
  const slots: Slot[] = [];
  const lastDate = localDateOf(firmZone, latest);
  for (let date = localDateOf(firmZone, earliest); date <= lastDate; date = addDays(date, 1)) {
    if (blackout.has(date)) continue;
    const dayStart = instantAt(firmZone, date, 0, 'compatible')!;
    const dayEnd = instantAt(firmZone, addDays(date, 1), 0, 'compatible')!;
    const busyToday = busy.filter((b) => b.start < dayEnd + DAY && b.end > dayStart - DAY);
    if (rules.maxPerDay > 0) {
      const ofService = busyToday.filter((b) => b.serviceId === query.serviceId && b.start >= dayStart && b.start < dayEnd).length;
      if (ofService >= rules.maxPerDay) continue;
    }
    const days = query.staff.map((s) => staffDay(s, dayStart, dayEnd, busyToday));
    for (const slot of candidatesOn(query, date, step)) {
      if (slot.start < earliest || slot.start > latest) continue;
      const staffIds = days.filter((d) => canTake(d, slot, rules)).map((d) => d.schedule.staffId);
      if (staffIds.length > 0) slots.push({ ...slot, staffIds });
    }
  }
  return slots;
}

export type ProblemCode =
  | 'off-grid'
  | 'in-the-past'
  | 'blackout-date'
  | 'time-off'
  | 'double-booked'
  | 'too-soon'
  | 'too-far-ahead'
  | 'outside-business-hours'
  | 'not-offered'
  | 'outside-working-hours'
  | 'buffer'
  | 'service-daily-limit'
  | 'staff-daily-limit';

export interface Problem {
  code: ProblemCode;
  /** Errors stop everyone; warnings stop clients but staff may book past them. */
  severity: 'error' | 'warning';
}

export interface SlotCheck {
  problems: Problem[];
  canProceed: boolean;
}

const ERRORS: ReadonlySet<ProblemCode> = new Set(['off-grid', 'in-the-past', 'blackout-date', 'time-off', 'double-booked']);

/**
 * Everything wrong with one slot for one person, hard and soft. `ignoreBookingId` leaves out
 * the booking being moved, so a reschedule does not clash with itself.
 */
export function checkSlot(query: AvailabilityQuery, slot: Interval, staffId: string, ignoreBookingId?: string): SlotCheck {
  const { rules, firmZone, now } = query;
  const codes = new Set<ProblemCode>();
  const schedule = query.staff.find((s) => s.staffId === staffId);
  const busy = query.busy.filter((b) => b.bookingId !== ignoreBookingId);
  const date = localDateOf(firmZone, slot.start);
  const dayStart = instantAt(firmZone, date, 0, 'compatible')!;
  const dayEnd = instantAt(firmZone, addDays(date, 1), 0, 'compatible')!;

  if (slot.start % (GRID_MINUTES * MINUTE) !== 0 || (slot.end - slot.start) % (GRID_MINUTES * MINUTE) !== 0) codes.add('off-grid');
  if (slot.start < now) codes.add('in-the-past');
  else if (slot.start < now + rules.minNoticeHours * 60 * MINUTE) codes.add('too-soon');
  if (slot.start > now + rules.advanceDays * 24 * 60 * MINUTE) codes.add('too-far-ahead');
  if (rules.blackoutDates.includes(date)) codes.add('blackout-date');
  if (!windowsAcross(firmZone, rules.businessHours, [date, addDays(date, 1)]).some((w) => within(slot, w))) codes.add('outside-business-hours');
  // Within the hours but between two offered starts (14:30 when 14:00 and 15:00 are offered).
  else if (!codes.has('off-grid') && !candidatesOn(query, date, stepOf(query)).some((c) => c.start === slot.start)) codes.add('not-offered');
  const ofService = busy.filter((b) => b.serviceId === query.serviceId && b.start >= dayStart && b.start < dayEnd).length;
  if (rules.maxPerDay > 0 && ofService >= rules.maxPerDay) codes.add('service-daily-limit');
  if (schedule) {
    const day = staffDay(schedule, dayStart, dayEnd, busy);
    if (!day.windows.some((w) => within(slot, w))) codes.add('outside-working-hours');
    if (schedule.timeOff.some((off) => overlaps(off, slot))) codes.add('time-off');
    if (schedule.maxPerDay > 0 && day.bookedToday >= schedule.maxPerDay) codes.add('staff-daily-limit');
    const meetings = day.busy.filter((b) => overlaps(b, slot)).length;
    if (meetings >= schedule.maxConcurrent) codes.add('double-booked');
    else if (day.busy.filter((b) => clashes(slot, rules, b)).length >= schedule.maxConcurrent) codes.add('buffer');
  } else codes.add('outside-working-hours');

  const problems = [...codes].map((code) => ({ code, severity: ERRORS.has(code) ? ('error' as const) : ('warning' as const) }));
  return { problems, canProceed: problems.every((p) => p.severity === 'warning') };
}
