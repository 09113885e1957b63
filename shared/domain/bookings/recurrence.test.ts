import { describe, expect, it } from 'vitest';
import { formatDate, formatTime, instantAt, wallOf } from '../time/zoned.ts';
import { occurrences } from './recurrence.ts';
import { MAX_OCCURRENCES, rruleText } from './series.ts';

const local = (zone: string, instants: number[]) => instants.map((t) => `${formatDate(wallOf(zone, t))} ${formatTime(wallOf(zone, t))}`);

describe('occurrences', () => {
  it('keeps a weekly 10:00 at 10:00 in New York across the spring DST change', () => {
    const zone = 'America/New_York';
    const got = occurrences({ frequency: 'weekly', interval: 1, count: 3 }, instantAt(zone, '2026-03-01', 600)!, zone);
    expect(local(zone, got)).toEqual(['2026-03-01 10:00', '2026-03-08 10:00', '2026-03-15 10:00']);
    expect(got[1]! - got[0]!).toBe(7 * 24 * 3_600_000 - 3_600_000); // one real hour shorter
  });

  it('keeps a fortnightly 09:30 in London across the autumn change, until a date', () => {
    const zone = 'Europe/London';
    const got = occurrences({ frequency: 'weekly', interval: 2, until: '2026-11-13' }, instantAt(zone, '2026-10-16', 570)!, zone);
    expect(local(zone, got)).toEqual(['2026-10-16 09:30', '2026-10-30 09:30', '2026-11-13 09:30']);
  });

  it('runs daily and monthly rules on local dates in +05:45', () => {
    const zone = 'Asia/Kathmandu';
    expect(local(zone, occurrences({ frequency: 'daily', interval: 3, count: 3 }, instantAt(zone, '2026-12-30', 1380)!, zone))).toEqual([
      '2026-12-30 23:00',
      '2027-01-02 23:00',
      '2027-01-05 23:00',
    ]);
    // Months without a 31st are skipped, as RFC 5545 says.
    expect(local(zone, occurrences({ frequency: 'monthly', interval: 1, count: 3 }, instantAt(zone, '2026-01-31', 600)!, zone))).toEqual([
      '2026-01-31 10:00',
      '2026-03-31 10:00',
      '2026-05-31 10:00',
    ]);
  });

  it('moves an occurrence that falls in a DST gap forward by the gap', () => {
    const zone = 'America/New_York';
    const got = occurrences({ frequency: 'daily', interval: 1, count: 3 }, instantAt(zone, '2026-03-07', 150)!, zone);
    expect(local(zone, got)).toEqual(['2026-03-07 02:30', '2026-03-08 03:30', '2026-03-09 02:30']);
  });

  it('stops at the cap however long the rule', () => {
    const zone = 'UTC';
    expect(occurrences({ frequency: 'daily', interval: 1 }, Date.UTC(2026, 0, 1, 9), zone)).toHaveLength(MAX_OCCURRENCES);
    expect(occurrences({ frequency: 'daily', interval: 1, count: 500 }, Date.UTC(2026, 0, 1, 9), zone)).toHaveLength(MAX_OCCURRENCES);
  });

  it('writes the rule as an RRULE', () => {
    expect(rruleText({ frequency: 'weekly', interval: 2, count: 6 })).toBe('FREQ=WEEKLY;INTERVAL=2;COUNT=6');
    expect(rruleText({ frequency: 'monthly', interval: 1, until: '2027-06-30' })).toBe('FREQ=MONTHLY;INTERVAL=1;UNTIL=20270630');
  });
});
