import { describe, expect, it } from 'vitest';
import { bookingKpiChanges, bookingKpiStateOf, noShowRate, utilization } from './kpis.ts';

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
