/**
 * Recurring bookings: the occurrences of a daily, weekly or monthly rule. The rule runs on
 * the firm's wall clock — rrule is given "floating" times (local fields written as UTC) and
 * each occurrence is then placed in the zone — so a weekly 10:00 stays 10:00 across DST.
 * A wall time that a DST gap skips moves forward by the gap, as RFC 5545 says.
 */
import * as rrule from 'rrule';
import type { Frequency, RRule as Rule } from 'rrule';
import { instantOf, parseDate, wallOf } from '../time/zoned.ts';
import { MAX_OCCURRENCES, type Recurrence } from './series.ts';

// Bundles get rrule's ES module; plain Node (the local stack) its UMD build, behind `default`.
const { RRule } = 'RRule' in rrule ? rrule : (rrule as unknown as { default: typeof rrule }).default;

const RRULE_FREQUENCIES: Record<Recurrence['frequency'], Frequency> = { daily: RRule.DAILY, weekly: RRule.WEEKLY, monthly: RRule.MONTHLY };

function ruleOf(recurrence: Recurrence, floatingStart: Date): Rule {
  const until = recurrence.until ? parseDate(recurrence.until) : undefined;
  return new RRule({
    freq: RRULE_FREQUENCIES[recurrence.frequency],
    interval: recurrence.interval,
    dtstart: floatingStart,
    count: recurrence.count ?? null,
    until: until ? new Date(Date.UTC(until.year, until.month - 1, until.day, 23, 59, 59)) : null,
  });
}

/** Start instants of the series, the first included, at most `limit`. */
export function occurrences(recurrence: Recurrence, start: number, zone: string, limit = MAX_OCCURRENCES): number[] {
  const wall = wallOf(zone, start);
  const floating = new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute));
  const dates = ruleOf(recurrence, floating).all((_, i) => i < limit);
  return dates.map((d) =>
    instantOf(
      zone,
      { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() },
      'compatible',
    )!,
  );
}
