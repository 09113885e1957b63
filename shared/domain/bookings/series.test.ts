import { describe, expect, it } from 'vitest';
import { formatDate, formatTime, instantAt, wallOf } from '../time/zoned.ts';
import { movedLike, rruleText, signedText } from './series.ts';

const local = (zone: string, t: number) => `${formatDate(wallOf(zone, t))} ${formatTime(wallOf(zone, t))}`;

describe('movedLike: the later occurrences follow a moved one', () => {
  it('keeps the new local time and the day shift across the autumn DST change in New York', () => {
    const zone = 'America/New_York';
    const from = instantAt(zone, '2026-10-27', 600)!; // Tuesday 10:00 EDT
    const to = instantAt(zone, '2026-10-28', 660)!; // Wednesday 11:00
    expect(local(zone, movedLike(zone, from, to, instantAt(zone, '2026-11-03', 600)!))).toBe('2026-11-04 11:00');
    expect(local(zone, movedLike(zone, from, to, instantAt(zone, '2026-11-10', 600)!))).toBe('2026-11-11 11:00');
  });

  it('moves back a day and across a month end in +05:45', () => {
    const zone = 'Asia/Kathmandu';
    const from = instantAt(zone, '2026-12-01', 540)!;
    const to = instantAt(zone, '2026-11-30', 1380)!; // the evening before
    expect(local(zone, movedLike(zone, from, to, instantAt(zone, '2027-01-01', 540)!))).toBe('2026-12-31 23:00');
  });

  it('moves a time a spring-forward gap skips on by the gap', () => {
    const zone = 'America/New_York';
    const from = instantAt(zone, '2026-03-01', 600)!;
    const to = instantAt(zone, '2026-03-01', 150)!; // 02:30, fine on the 1st
    expect(local(zone, movedLike(zone, from, to, instantAt(zone, '2026-03-08', 600)!))).toBe('2026-03-08 03:30');
  });
});

describe('series as data', () => {
  it('writes the RRULE and signs every field of a plan', () => {
    expect(rruleText({ frequency: 'monthly', interval: 2, until: '2027-06-30' })).toBe('FREQ=MONTHLY;INTERVAL=2;UNTIL=20270630');
    const plan = { zone: 'UTC', rule: 'FREQ=DAILY;INTERVAL=1;COUNT=2', occurrences: ['2026-12-01T10:00:00.000Z'], expiresAt: '2026-12-01T09:00:00.000Z' };
    const texts = [
      plan,
      { ...plan, zone: 'Europe/London' },
      { ...plan, rule: 'FREQ=DAILY;INTERVAL=2;COUNT=2' },
      { ...plan, occurrences: [] },
      { ...plan, expiresAt: '2026-12-02T09:00:00.000Z' },
    ].map(signedText);
    expect(new Set(texts).size).toBe(5);
  });
});
