/**
 * A VTIMEZONE for an IANA zone, built from the runtime's own zone data (Intl) rather than a
 * second copy of the tz database in every bundle. It lists each offset change from the year
 * before to the year after the given instant as its own observance (RFC 5545 §3.6.5 allows
 * one onset per STANDARD/DAYLIGHT without RRULE), which is all a calendar needs to place an
 * event in that span.
 */
import { offsetAt } from './zoned.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Instants at which the zone's offset changes in [from, to), found day by day, then to the minute. */
export function transitions(zone: string, from: number, to: number): number[] {
  const found: number[] = [];
  for (let day = from; day < to; day += DAY) {
    if (offsetAt(zone, day) === offsetAt(zone, day + DAY)) continue;
    let [low, high] = [day, day + DAY];
    while (high - low > MINUTE) {
      const middle = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
      if (offsetAt(zone, middle) === offsetAt(zone, low)) low = middle;
      else high = middle;
    }
    found.push(high);
  }
  return found;
}

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
const utcOffset = (minutes: number) => `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(minutes / 60))}${pad(minutes % 60)}`;

/** Local date-time at `instant` read with `offset` (RFC 5545 "floating" form). */
function localStamp(instant: number, offset: number): string {
  const d = new Date(instant + offset * MINUTE);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`;
}

export function vtimezone(zone: string, around: number): string {
  const year = new Date(around).getUTCFullYear();
  const from = Date.UTC(year - 1, 0, 1);
  const changes = transitions(zone, from, Date.UTC(year + 2, 0, 1));
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  if (changes.length === 0) {
    const offset = offsetAt(zone, around);
    lines.push('BEGIN:STANDARD', `DTSTART:${localStamp(from, offset)}`, `TZOFFSETFROM:${utcOffset(offset)}`, `TZOFFSETTO:${utcOffset(offset)}`, 'END:STANDARD');
  }
  for (const change of changes) {
    const [before, after] = [offsetAt(zone, change - MINUTE), offsetAt(zone, change)];
    const kind = after > before ? 'DAYLIGHT' : 'STANDARD';
    lines.push(`BEGIN:${kind}`, `DTSTART:${localStamp(change, before)}`, `TZOFFSETFROM:${utcOffset(before)}`, `TZOFFSETTO:${utcOffset(after)}`, `END:${kind}`);
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
