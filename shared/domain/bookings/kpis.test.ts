import { describe, expect, it } from 'vitest';
import { unionOf, type Interval } from './availability.ts';
import { bookableMinutesOn, bookingKpiChanges, bookingKpiStateOf, noShowRate, openWindows, utilization } from './kpis.ts';

/** Open at every hour: the person's own hours alone decide. */
const ALWAYS: Interval[] = [{ start: 0, end: Number.MAX_SAFE_INTEGER }];

const state = (date: string, outcome: 'booked' | 'attended' | 'no_show' | 'cancelled', minutes = 60) => ({ date, minutes, outcome });

describe('booking KPI counters', () => {
  it.each([
    ['booked', undefined, state('2026-12-01', 'booked'), [{ bucket: 'booking-day#2026-12-01', add: { bookings: 1, bookedMinutes: 60 } }]],
    ['moved within the day', state('2026-12-01', 'booked'), state('2026-12-01', 'booked'), []],
    [
      'moved to another day',
      state('2026-12-01', 'booked'),
      state('2026-12-03', 'booked', 90),
      [
        { bucket: 'booking-day#2026-12-01', add: { bookings: -1, bookedMinutes: -60 } },
        { bucket: 'booking-day#2026-12-03', add: { bookings: 1, bookedMinutes: 90 } },
      ],
    ],
    [
      'cancelled',
      state('2026-12-01', 'booked'),
      state('2026-12-01', 'cancelled'),
      [{ bucket: 'booking-day#2026-12-01', add: { bookings: -1, bookedMinutes: -60, bookingsCancelled: 1 } }],
    ],
    ['a no-show', state('2026-12-01', 'booked'), state('2026-12-01', 'no_show'), [{ bucket: 'booking-day#2026-12-01', add: { noShows: 1 } }]],
  ])('%s', (_, before, after, expected) => {
    expect(bookingKpiChanges(before, after)).toEqual(expected);
  });

  it('dates a booking on the firm’s calendar and reads its outcome', () => {
    // 01:30 UTC on 2 December is still 1 December in New York.
    expect(
      bookingKpiStateOf({ scheduledAt: '2026-12-02T01:30:00Z', durationMinutes: 45, firmZone: 'America/New_York', status: 'completed', noShow: true }),
    ).toEqual(state('2026-12-01', 'no_show', 45));
    expect(bookingKpiStateOf({ scheduledAt: '2026-12-02T15:00:00Z', durationMinutes: 60, firmZone: 'America/New_York', status: 'assigned' }).outcome).toBe(
      'booked',
    );
  });

  it('turns counters into rates', () => {
    expect(utilization(90, 360)).toBe(25);
    expect(utilization(0, 0)).toBeUndefined();
    expect(noShowRate(1, 3)).toBe(25);
    expect(noShowRate(0, 0)).toBeUndefined();
  });
});

describe('bookable minutes of a person on a date', () => {
  const nineToFive = {
    mon: [
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ],
    sun: [{ start: '01:00', end: '04:00' }],
  };
  const at = (iso: string) => Date.parse(iso);
  const away = (start: string, end: string) => ({ start: at(start), end: at(end) });

  it.each([
    ['a working day, nobody away', [], '2026-11-30', 420],
    ['a day off', [], '2026-12-01', 0],
    ['an afternoon away (14:00–16:00 New York)', [away('2026-11-30T19:00:00Z', '2026-11-30T21:00:00Z')], '2026-11-30', 300],
    [
      'two overlapping absences count once',
      [away('2026-11-30T19:00:00Z', '2026-11-30T21:00:00Z'), away('2026-11-30T20:00:00Z', '2026-11-30T22:30:00Z')],
      '2026-11-30',
      240,
    ],
    ['a week away', [away('2026-11-28T00:00:00Z', '2026-12-05T00:00:00Z')], '2026-11-30', 0],
    ['time away on another day', [away('2026-12-01T14:00:00Z', '2026-12-01T22:00:00Z')], '2026-11-30', 420],
    // 01:00–04:00 on the spring-forward Sunday loses the hour that does not exist.
    ['the night the clocks go forward', [], '2027-03-14', 120],
  ])('%s', (_name, timeOff, date, minutes) => {
    expect(bookableMinutesOn('America/New_York', nineToFive, timeOff, date, ALWAYS)).toBe(minutes);
  });

  describe('only while a service they take is open', () => {
    const weekdays = (start: string, end: string) => Object.fromEntries((['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((d) => [d, [{ start, end }]]));
    const open = (hours: ReturnType<typeof weekdays>, blackoutDates: string[] = []) =>
      openWindows('America/New_York', { businessHours: hours, blackoutDates }, '2026-11-30');
    const minutes = (open: Interval[], timeOff: Interval[] = []) => bookableMinutesOn('America/New_York', nineToFive, timeOff, '2026-11-30', open);

    it.each([
      // Working 09:00–12:00 and 13:00–17:00; the service is open 10:00–16:00: 2 h + 3 h.
      ['one service’s hours', () => open(weekdays('10:00', '16:00')), 300],
      // Two services, 08:00–10:00 and 15:00–18:00, together: 1 h + 2 h.
      ['two services’ hours together', () => unionOf([...open(weekdays('08:00', '10:00')), ...open(weekdays('15:00', '18:00'))]), 180],
      ['a blackout date', () => open(weekdays('10:00', '16:00'), ['2026-11-30']), 0],
      ['no service to take', () => [], 0],
    ])('%s', (_name, windows, expected) => {
      expect(minutes(windows())).toBe(expected);
    });

    it('takes time away off what is left, once', () => {
      // Open 10:00–16:00, away 14:00–16:00 New York: 2 h + 1 h.
      expect(minutes(open(weekdays('10:00', '16:00')), [away('2026-11-30T19:00:00Z', '2026-11-30T21:00:00Z')])).toBe(180);
    });

    it('meets a person in another zone where the firm’s hours reach into their day', () => {
      // The firm in New York is open 18:00–23:00 on Monday; for someone in Kathmandu (+05:45) that is Tuesday 04:45–09:45.
      const late = openWindows('America/New_York', { businessHours: { mon: [{ start: '18:00', end: '23:00' }] }, blackoutDates: [] }, '2026-12-01');
      const early = { tue: [{ start: '08:00', end: '12:00' }] };
      expect(bookableMinutesOn('Asia/Kathmandu', early, [], '2026-12-01', late)).toBe(105);
    });
  });
});
