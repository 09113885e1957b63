/**
 * Recurring series as data: the rule a person chooses and the signed plan of its occurrences.
 * No rrule here: the functions that place a plan only check its signature, so rrule (53 KB)
 * stays in the one small function that expands rules (ADR 0011).
 */
import { addDays, instantAt, localDateOf, wallOf } from '../time/zoned.ts';

export const MAX_OCCURRENCES = 52;

export const FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;

export interface Recurrence {
  frequency: (typeof FREQUENCIES)[number];
  interval: number;
  /** Occurrences including the first; or `until`. */
  count?: number | undefined;
  /** Last firm-local date an occurrence may fall on. */
  until?: string | undefined;
}

/** The RRULE line for calendars and for the record ("FREQ=WEEKLY;INTERVAL=1;COUNT=6"). */
export function rruleText(recurrence: Recurrence): string {
  const parts = [`FREQ=${recurrence.frequency.toUpperCase()}`, `INTERVAL=${recurrence.interval}`];
  if (recurrence.count) parts.push(`COUNT=${recurrence.count}`);
  if (recurrence.until) parts.push(`UNTIL=${recurrence.until.replaceAll('-', '')}`);
  return parts.join(';');
}

/** The occurrences of a rule in a zone, as the planner computed them; valid until `expiresAt`. */
export interface SeriesPlan {
  zone: string;
  rule: string;
  /** ISO instants, the first being the series' start. */
  occurrences: string[];
  expiresAt: string;
}

/** Occurrences of a series moved together ("this and the following"): one email for all of them. */
export const SERIES_RESCHEDULED = 'booking.series_rescheduled';
/** A series, once all its occurrences are placed: one email for all of them (each occurrence's `booking.created` carries `seriesId`). */
export const SERIES_BOOKED = 'booking.series_booked';
/** Occurrences of a series cancelled together ("this and the following"): one email for all of them. */
export const SERIES_CANCELLED = 'booking.series_cancelled';
export const SERIES_EVENTS = [SERIES_BOOKED, SERIES_RESCHEDULED, SERIES_CANCELLED] as const;

/** How long a plan may be placed after it was made: long enough to fill in the rest of the form. */
export const PLAN_LIFETIME_MS = 30 * 60_000;

/** The exact text a plan's signature covers: every field, in a fixed order. */
export const signedText = (plan: SeriesPlan): string => JSON.stringify([plan.zone, plan.rule, plan.occurrences, plan.expiresAt]);

const DAY = 86_400_000;

/**
 * Where a later occurrence goes when one of its series moves from `from` to `to`: as many
 * firm-local days on, at the new local time, so a weekly 10:00 moved to Wednesday 11:00 stays
 * Wednesday 11:00 across DST. A local time a DST gap skips moves forward by the gap.
 */
export function movedLike(zone: string, from: number, to: number, occurrence: number): number {
  const days = Math.round((Date.parse(localDateOf(zone, to)) - Date.parse(localDateOf(zone, from))) / DAY);
  const wall = wallOf(zone, to);
  return instantAt(zone, addDays(localDateOf(zone, occurrence), days), wall.hour * 60 + wall.minute, 'compatible')!;
}
