import { describe, expect, it } from 'vitest';
import { addDays, instantAt, instantOf, isTimeZone, minutesOf, offsetAt, wallOf, weekdayOf } from './zoned.ts';

const iso = (instant: number | undefined) => (instant === undefined ? undefined : new Date(instant).toISOString());
const wall = (date: string, time: string) => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return { year, month, day, hour, minute };
};

describe('instantOf', () => {
  it.each([
    // zone, local date, local time, expected UTC ('reject')
    ['America/New_York', '2026-01-15', '09:00', '2026-01-15T14:00:00.000Z'],
    ['America/New_York', '2026-07-15', '09:00', '2026-07-15T13:00:00.000Z'],
    ['America/New_York', '2026-03-08', '02:30', undefined], // spring forward: 02:00–03:00 does not exist
    ['America/New_York', '2026-03-08', '03:00', '2026-03-08T07:00:00.000Z'],
    ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00.000Z'], // repeated hour: the earlier
    ['Europe/London', '2026-03-29', '01:30', undefined],
    ['Europe/London', '2026-10-25', '01:30', '2026-10-25T00:30:00.000Z'],
    ['Australia/Lord_Howe', '2026-10-04', '02:15', undefined], // 30-minute gap 02:00–02:30
    ['Australia/Lord_Howe', '2026-10-04', '02:30', '2026-10-03T15:30:00.000Z'],
    ['Australia/Lord_Howe', '2026-04-05', '01:45', '2026-04-04T14:45:00.000Z'], // repeated 01:30–02:00
    ['Asia/Kathmandu', '2026-06-01', '09:00', '2026-06-01T03:15:00.000Z'], // +05:45
    ['Asia/Kolkata', '2026-06-01', '09:00', '2026-06-01T03:30:00.000Z'],
  ])('%s %s %s → %s', (zone, date, time, expected) => {
    expect(iso(instantOf(zone, wall(date, time)))).toBe(expected);
  });

  it('moves a wall time in a gap forward by the gap when asked to be compatible (RFC 5545)', () => {
    expect(iso(instantOf('America/New_York', wall('2026-03-08', '02:30'), 'compatible'))).toBe('2026-03-08T07:30:00.000Z');
    expect(wallOf('America/New_York', instantOf('America/New_York', wall('2026-03-08', '02:30'), 'compatible')!)).toMatchObject({
      hour: 3,
      minute: 30,
    });
  });

  it('round-trips every quarter hour of a year in zones with odd offsets and DST', () => {
    for (const zone of ['America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns']) {
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 15 * 60_000 * 97) {
        const back = instantOf(zone, wallOf(zone, t));
        // In a repeated hour the earlier of the two instants comes back.
        expect(back! <= t && t - back! <= 60 * 60_000, `${zone} ${new Date(t).toISOString()}`).toBe(true);
      }
    }
  });
});

describe('local dates', () => {
  it('reads offsets, weekdays and day arithmetic across month and year ends', () => {
    expect(offsetAt('Asia/Kathmandu', Date.UTC(2026, 5, 1))).toBe(345);
    expect(offsetAt('Australia/Lord_Howe', Date.UTC(2026, 0, 1))).toBe(660);
    expect(offsetAt('Australia/Lord_Howe', Date.UTC(2026, 6, 1))).toBe(630);
    expect(weekdayOf('2026-11-21')).toBe('sat');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(minutesOf('24:00')).toBe(1440);
    expect(() => minutesOf('24:30')).toThrow(RangeError);
    expect(iso(instantAt('America/New_York', '2026-03-07', 1440))).toBe('2026-03-08T05:00:00.000Z');
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('Europe/London')).toBe(true);
  });
});
