import { describe, expect, it } from 'vitest';
import { formatDate, formatTime, instantAt, wallOf } from '../time/zoned.ts';
import { reminderDueAt } from './reminders.ts';

const local = (zone: string, t: number) => `${formatDate(wallOf(zone, t))} ${formatTime(wallOf(zone, t))}`;

describe('reminderDueAt', () => {
  it.each([
    // zone, appointment (local), offset, reminder (local)
    ['America/New_York', '2026-03-08', 600, 1440, '2026-03-07 10:00'], // across spring forward: 23 real hours
    ['America/New_York', '2026-11-01', 600, 1440, '2026-10-31 10:00'], // across fall back: 25 real hours
    ['Europe/London', '2026-03-30', 540, 2880, '2026-03-28 09:00'],
    ['America/New_York', '2026-03-08', 600, 120, '2026-03-08 08:00'],
    ['America/New_York', '2026-03-08', 240, 120, '2026-03-08 01:00'], // two real hours back across the gap
    ['Asia/Kathmandu', '2026-06-02', 555, 1440, '2026-06-01 09:15'],
  ])('%s %s at minute %i, %i min before → %s', (zone, date, minutes, offset, expected) => {
    expect(local(zone, reminderDueAt(instantAt(zone, date, minutes)!, offset, zone))).toBe(expected);
  });

  it('reads a whole-day offset in the recipient’s zone, not the firm’s', () => {
    const start = instantAt('America/New_York', '2026-03-09', 600)!; // 14:00 in London, before London's change
    expect(local('Europe/London', reminderDueAt(start, 1440, 'Europe/London'))).toBe('2026-03-08 14:00');
  });
});
