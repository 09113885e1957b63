/**
 * When a reminder falls due. Whole-day offsets ("a day before") are counted on the
 * recipient's wall clock, so the reminder comes at the appointment's local hour even when a
 * DST change lies in between; shorter ones ("two hours before") are real elapsed time.
 */
import { instantOf, wallOf } from '../time/zoned.ts';

const MINUTE = 60_000;
const DAY_MINUTES = 1440;

export function reminderDueAt(start: number, offsetMinutes: number, zone: string): number {
  if (offsetMinutes % DAY_MINUTES !== 0) return start - offsetMinutes * MINUTE;
  const wall = wallOf(zone, start);
  const day = new Date(Date.UTC(wall.year, wall.month - 1, wall.day - offsetMinutes / DAY_MINUTES));
  return instantOf(zone, { ...wall, year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() }, 'compatible')!;
}
