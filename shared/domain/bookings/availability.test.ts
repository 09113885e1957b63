import { describe, expect, it } from 'vitest';
import { formatTime, instantAt, localDateOf, wallOf, type Weekday } from '../time/zoned.ts';
import {
  availableSlots,
  checkSlot,
  type AvailabilityQuery,
  type BookingRules,
  type BusyBooking,
  type StaffSchedule,
  type WeeklyHours,
} from './availability.ts';

const HOUR = 3_600_000;
const every = (start: string, end: string): WeeklyHours =>
  Object.fromEntries((['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as Weekday[]).map((d) => [d, [{ start, end }]]));

const rules = (overrides: Partial<BookingRules> = {}): BookingRules => ({
  durationMinutes: 60,
  advanceDays: 365,
  minNoticeHours: 0,
  maxPerDay: 0,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  businessHours: every('09:00', '17:00'),
  blackoutDates: [],
  ...overrides,
});

const person = (staffId: string, zone: string, overrides: Partial<StaffSchedule> = {}): StaffSchedule => ({
  staffId,
  zone,
  hours: every('00:00', '24:00'),
  timeOff: [],
  maxConcurrent: 1,
  maxPerDay: 0,
  ...overrides,
});

/** One firm-local day of slots, asked at its start (no notice or window in the way). */
function day(zone: string, date: string, overrides: Partial<AvailabilityQuery> = {}) {
  const start = instantAt(zone, date, 0, 'compatible')!;
  return {
    serviceId: 's1',
    rules: rules(),
    firmZone: zone,
    staff: [person('u1', zone)],
    busy: [],
    range: { start, end: instantAt(zone, date, 1440, 'compatible')! },
    now: start,
    ...overrides,
  } satisfies AvailabilityQuery;
}

const labels = (zone: string, query: AvailabilityQuery) => availableSlots(query).map((s) => formatTime(wallOf(zone, s.start)));

const booking = (zone: string, date: string, from: string, to: string, overrides: Partial<BusyBooking> = {}): BusyBooking => {
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  return {
    bookingId: `b-${from}`,
    staffId: 'u1',
    serviceId: 's1',
    start: instantAt(zone, date, minutes(from))!,
    end: instantAt(zone, date, minutes(to))!,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    ...overrides,
  };
};

describe('availability across DST and odd offsets', () => {
  const night = (duration = 30) => rules({ durationMinutes: duration, businessHours: every('00:00', '05:00') });

  it.each([
    // zone, date, slots that must not exist, slots that must
    ['America/New_York', '2026-03-08', ['02:00', '02:30'], ['01:30', '03:00']], // spring forward
    ['Europe/London', '2026-03-29', ['01:00', '01:30'], ['00:30', '02:00']],
    ['Australia/Lord_Howe', '2026-10-04', ['02:00'], ['01:30', '02:30']], // 30-minute DST
  ])('%s on %s has no slot in the skipped wall times', (zone, date, missing, present) => {
    const got = labels(zone, day(zone, date, { rules: night() }));
    for (const m of missing) expect(got).not.toContain(m);
    for (const p of present) expect(got).toContain(p);
  });

  it.each([
    ['America/New_York', '2026-11-01'],
    ['Europe/London', '2026-10-25'],
    ['Australia/Lord_Howe', '2026-04-05'],
  ])('%s on %s lists the repeated hour once', (zone, date) => {
    const got = labels(zone, day(zone, date, { rules: night() }));
    expect(new Set(got).size).toBe(got.length);
    expect(got).toEqual(['00:00', '00:30', '01:00', '01:30', '02:00', '02:30', '03:00', '03:30', '04:00', '04:30']);
  });

  it('lays slots on the local clock in +05:45 (Kathmandu)', () => {
    const zone = 'Asia/Kathmandu';
    const slots = availableSlots(day(zone, '2026-06-01', { rules: rules({ businessHours: every('09:00', '12:00') }) }));
    expect(slots.map((s) => new Date(s.start).toISOString())).toEqual(['2026-06-01T03:15:00.000Z', '2026-06-01T04:15:00.000Z', '2026-06-01T05:15:00.000Z']);
  });

  it('keeps a weekly 10:00 at 10:00 on both sides of a DST change', () => {
    const zone = 'America/New_York';
    for (const date of ['2026-03-06', '2026-03-09']) {
      expect(labels(zone, day(zone, date, { rules: rules({ businessHours: every('10:00', '11:00') }) }))).toEqual(['10:00']);
    }
  });

  it("reads staff hours in the person's zone, not the firm's", () => {
    const zone = 'America/New_York';
    const london = person('u1', 'Europe/London', { hours: every('14:00', '18:00') }); // 09:00–13:00 in New York in January
    expect(labels(zone, day(zone, '2026-01-14', { staff: [london] }))).toEqual(['09:00', '10:00', '11:00', '12:00']);
  });
});

describe('availability rules', () => {
  const zone = 'America/New_York';
  const date = '2026-01-14'; // a Wednesday

  it.each<[string, Partial<AvailabilityQuery>, string[]]>([
    ['business hours, stepping by the duration', {}, ['09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00']],
    ['a custom step', { rules: rules({ businessHours: every('09:00', '11:00') }), stepMinutes: 30 }, ['09:00', '09:30', '10:00']],
    ['a closed weekday', { rules: rules({ businessHours: { mon: [{ start: '09:00', end: '17:00' }] } }) }, []],
    [
      'split hours',
      {
        rules: rules({
          businessHours: {
            wed: [
              { start: '09:00', end: '11:00' },
              { start: '14:00', end: '15:30' },
            ],
          },
        }),
      },
      ['09:00', '10:00', '14:00'],
    ],
    ['a blackout date', { rules: rules({ blackoutDates: [date] }) }, []],
    ['an existing booking', { busy: [booking(zone, date, '10:00', '11:00')] }, ['09:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00']],
    [
      "the other booking's buffer after",
      { busy: [booking(zone, date, '10:00', '11:00', { bufferAfterMinutes: 15 })], rules: rules({ businessHours: every('09:00', '13:00') }), stepMinutes: 15 },
      ['09:00', '11:15', '11:30', '11:45', '12:00'],
    ],
    [
      "this service's buffer before",
      { busy: [booking(zone, date, '10:00', '11:00')], rules: rules({ businessHours: every('09:00', '13:00'), bufferBeforeMinutes: 30 }), stepMinutes: 15 },
      ['09:00', '11:30', '11:45', '12:00'],
    ],
    [
      'time off',
      { staff: [person('u1', zone, { timeOff: [{ start: instantAt(zone, date, 12 * 60)!, end: instantAt(zone, date, 14 * 60)! }] })] },
      ['09:00', '10:00', '11:00', '14:00', '15:00', '16:00'],
    ],
    [
      'the service daily limit reached',
      { rules: rules({ maxPerDay: 2 }), busy: [booking(zone, date, '09:00', '10:00'), booking(zone, date, '10:00', '11:00', { staffId: 'u2' })] },
      [],
    ],
    [
      'the daily limit of another service does not count',
      {
        rules: rules({ maxPerDay: 1, businessHours: every('09:00', '11:00') }),
        busy: [booking(zone, date, '09:00', '10:00', { serviceId: 's2', staffId: 'u2' })],
      },
      ['09:00', '10:00'],
    ],
    ['the staff daily limit reached', { staff: [person('u1', zone, { maxPerDay: 1 })], busy: [booking(zone, date, '09:00', '10:00')] }, []],
    [
      'room for two at once',
      {
        staff: [person('u1', zone, { maxConcurrent: 2 })],
        busy: [
          booking(zone, date, '09:00', '10:00'),
          booking(zone, date, '09:00', '10:00', { bookingId: 'b2' }),
          booking(zone, date, '10:00', '11:00', { bookingId: 'b3' }),
        ],
        rules: rules({ businessHours: every('09:00', '12:00') }),
      },
      ['10:00', '11:00'],
    ],
  ])('%s', (_, overrides, expected) => {
    expect(labels(zone, day(zone, date, overrides))).toEqual(expected);
  });

  it('honours minimum notice and the advance window from now', () => {
    const now = instantAt(zone, date, 9 * 60 + 10)!; // 09:10
    const query = day(zone, date, { now, rules: rules({ minNoticeHours: 2 }) });
    expect(labels(zone, query)[0]).toBe('12:00'); // 11:10 is the earliest; the next step is 12:00
    const week = { start: now, end: now + 7 * 24 * HOUR };
    const ahead = availableSlots({ ...query, range: week, rules: rules({ advanceDays: 2 }) });
    expect(new Set(ahead.map((s) => localDateOf(zone, s.start)))).toEqual(new Set(['2026-01-14', '2026-01-15', '2026-01-16']));
    expect(ahead.at(-1)!.start).toBeLessThanOrEqual(now + 48 * HOUR);
  });

  it('names every person who can take a slot', () => {
    const staff = [person('u1', zone), person('u2', zone, { hours: every('12:00', '17:00') })];
    const slots = availableSlots(day(zone, date, { staff, busy: [booking(zone, date, '13:00', '14:00')] }));
    const byLabel = Object.fromEntries(slots.map((s) => [formatTime(wallOf(zone, s.start)), s.staffIds]));
    expect(byLabel['09:00']).toEqual(['u1']);
    expect(byLabel['12:00']).toEqual(['u1', 'u2']);
    expect(byLabel['13:00']).toEqual(['u2']);
  });
});

describe('checkSlot', () => {
  const zone = 'America/New_York';
  const date = '2026-01-14';
  const at = (from: number, minutes = 60) => ({ start: instantAt(zone, date, from)!, end: instantAt(zone, date, from)! + minutes * 60_000 });
  const codes = (check: ReturnType<typeof checkSlot>) => check.problems.map((p) => `${p.code}:${p.severity}`);

  it('passes a free slot and tells hard clashes from soft ones', () => {
    const query = day(zone, date, { busy: [booking(zone, date, '10:00', '11:00', { bufferAfterMinutes: 30 })] });
    expect(checkSlot(query, at(13 * 60), 'u1')).toEqual({ problems: [], canProceed: true });
    expect(codes(checkSlot(query, at(11 * 60), 'u1'))).toEqual(['buffer:warning']);
    expect(codes(checkSlot(query, at(10 * 60 + 30), 'u1'))).toEqual(['not-offered:warning', 'double-booked:error']);
    const soft = checkSlot(query, at(11 * 60 + 15), 'u1');
    expect(codes(soft)).toEqual(['not-offered:warning', 'buffer:warning']);
    expect(soft.canProceed).toBe(true);
    expect(checkSlot(query, at(10 * 60 + 30), 'u1', 'b-10:00').canProceed).toBe(true); // moving that booking itself
  });

  it('offers only the starts the slot list shows: one between two of them is for staff to force', () => {
    const query = day(zone, date);
    expect(availableSlots(query).map((s) => s.start)).toContain(at(14 * 60).start);
    expect(checkSlot(query, at(14 * 60), 'u1').problems).toEqual([]);
    const between = checkSlot(query, at(14 * 60 + 30), 'u1');
    expect(codes(between)).toEqual(['not-offered:warning']);
    expect(between.canProceed).toBe(true);
  });

  it('reports limits, hours and time as the client or staff would need to hear them', () => {
    const query = day(zone, date, {
      rules: rules({ maxPerDay: 1, blackoutDates: ['2026-01-15'] }),
      busy: [booking(zone, date, '09:00', '10:00', { staffId: 'u2' })],
    });
    expect(codes(checkSlot(query, at(18 * 60), 'u1'))).toEqual(['outside-business-hours:warning', 'service-daily-limit:warning']);
    expect(codes(checkSlot(query, at(9 * 60 + 5), 'u1'))).toContain('off-grid:error');
    expect(codes(checkSlot(query, { start: instantAt(zone, '2026-01-15', 600)!, end: instantAt(zone, '2026-01-15', 660)! }, 'u1'))).toEqual([
      'blackout-date:error',
    ]);
    expect(codes(checkSlot({ ...query, now: instantAt(zone, date, 600)! }, at(9 * 60), 'u1'))).toContain('in-the-past:error');
    expect(codes(checkSlot(query, at(13 * 60), 'nobody'))).toContain('outside-working-hours:warning');
  });
});

describe('slots across midnight', () => {
  it('counts a slot that runs past midnight as within hours when both days are open to the end and from the start', () => {
    const zone = 'America/New_York';
    const query = day(zone, '2026-01-14', { rules: rules({ businessHours: every('00:00', '24:00') }) });
    const late = { start: instantAt(zone, '2026-01-14', 23 * 60 + 30)!, end: instantAt(zone, '2026-01-15', 30)! };
    // Within the hours; the list offers whole-hour starts, so only staff may place it.
    expect(checkSlot(query, late, 'u1')).toEqual({ problems: [{ code: 'not-offered', severity: 'warning' }], canProceed: true });
    const closing = day(zone, '2026-01-14', { rules: rules({ businessHours: { wed: [{ start: '20:00', end: '24:00' }] } }) });
    expect(checkSlot(closing, late, 'u1').problems.map((p) => p.code)).toEqual(['outside-business-hours']);
  });
});
