/** Which due dates to warn of: due by tomorrow in the firm's zone (soon), or before today (passed). */
import { wallOf } from '../time/zoned.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const dateOf = (w: { year: number; month: number; day: number }) => `${w.year}-${pad(w.month)}-${pad(w.day)}`;

/** Today and tomorrow in the zone, as dates. */
export function daysAround(now: number, timeZone: string): { today: string; tomorrow: string } {
  const wall = wallOf(timeZone, now);
  const next = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + 1));
  return { today: dateOf(wall), tomorrow: dateOf({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() }) };
}

/** soon: due today or tomorrow; passed: due before today; otherwise nothing to warn of yet. */
export function deadlineState(due: string, days: { today: string; tomorrow: string }): 'soon' | 'passed' | undefined {
  if (due < days.today) return 'passed';
  return due <= days.tomorrow ? 'soon' : undefined;
}
