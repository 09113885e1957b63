import { describe, expect, it } from 'vitest';
import { bookableMinutesOn, bookingKpiChanges, bookingKpiStateOf, noShowRate, utilization } from './kpis.ts';

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
    ['cancelled', state('2026-12-01', 'booked'), state('2026-12-01', 'cancelled'), [{ bucket: 'booking-day#2026-12-01', add: { bookings: -1, bookedMinutes: -60, bookingsCancelled: 1 } }]],
    ['a no-show', state('2026-12-01', 'booked'), state('2026-12-01', 'no_show'), [{ bucket: 'booking-day#2026-12-01', add: { noShows: 1 } }]],
  ])('%s', (_, before, after, expected) => {
    expect(bookingKpiChanges(before, after)).toEqual(expected);
  });

  it('dates a booking on the firm’s calendar and reads its outcome', () => {
    // 01:30 UTC on 2 December is still 1 December in New York.
    expect(bookingKpiStateOf({ scheduledAt: '2026-12-02T01:30:00Z', durationMinutes: 45, firmZone: 'America/New_York', status: 'completed', noShow: true })).toEqual(state('2026-12-01', 'no_show', 45));
    expect(bookingKpiStateOf({ scheduledAt: '2026-12-02T15:00:00Z', durationMinutes: 60, firmZone: 'America/New_York', status: 'assigned' }).outcome).toBe('booked');
  });

  it('turns counters into rates', () => {
    expect(utilization(90, 360)).toBe(25);
    expect(utilization(0, 0)).toBeUndefined();
    expect(noShowRate(1, 3)).toBe(25);
    expect(noShowRate(0, 0)).toBeUndefined();
  });
});

describe('bookable minutes of a person on a date', () => {
  const nineToFive = { mon: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }], sun: [{ start: '01:00', end: '04:00' }] };
  const at = (iso: string) => Date.parse(iso);
  const away = (start: string, end: string) => ({ start: at(start), end: at(end) });

  it.each([
    ['a working day, nobody away', [], '2026-11-30', 420],
    ['a day off', [], '2026-12-01', 0],
    ['an afternoon away (14:00–16:00 New York)', [away('2026-11-30T19:00:00Z', '2026-11-30T21:00:00Z')], '2026-11-30', 300],
    ['two overlapping absences count once', [away('2026-11-30T19:00:00Z', '2026-11-30T21:00:00Z'), away('2026-11-30T20:00:00Z', '2026-11-30T22:30:00Z')], '2026-11-30', 240],
    ['a week away', [away('2026-11-28T00:00:00Z', '2026-12-05T00:00:00Z')], '2026-11-30', 0],
    ['time away on another day', [away('2026-12-01T14:00:00Z', '2026-12-01T22:00:00Z')], '2026-11-30', 420],
    // 01:00–04:00 on the spring-forward Sunday loses the hour that does not exist.
    ['the night the clocks go forward', [], '2027-03-14', 120],
  ])('%s', (_name, timeOff, date, minutes) => {
    expect(bookableMinutesOn('America/New_York', nineToFive, timeOff, date)).toBe(minutes);
  });
});
