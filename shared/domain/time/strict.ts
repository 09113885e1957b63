/**
 * Strict reading of dates and instants. `Date.parse` rolls impossible dates over
 * ("2027-02-30" becomes March 2), so every schema reads them through here: the shape, then
 * whether the day and time exist, then the years the portal works in. Each function answers
 * with the first problem, or undefined for a good value.
 */

/** The years any date may fall in: wide enough for every real booking, narrow enough for every loop. */
export const EARLIEST_YEAR = 2000;
export const LATEST_YEAR = 2100;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const dayExists = (year: number, month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
const yearProblem = (year: number) =>
  year < EARLIEST_YEAR || year > LATEST_YEAR ? `must be between the years ${EARLIEST_YEAR} and ${LATEST_YEAR}` : undefined;

export const DATE_SHAPE = 'must be a date like 2026-12-31';
export const INSTANT_SHAPE = 'must be a date and time like 2026-12-01T15:00:00Z';

export function dateProblem(value: unknown): string | undefined {
  const parts = typeof value === 'string' ? DATE.exec(value) : null;
  if (!parts) return DATE_SHAPE;
  const [year, month, day] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (!dayExists(year, month, day)) return 'is not a real date';
  return yearProblem(year);
}

/** An instant with a zone: `Z` or an offset of at most ±14:00. */
export function instantProblem(value: unknown): string | undefined {
  const parts = typeof value === 'string' ? INSTANT.exec(value) : null;
  if (!parts) return INSTANT_SHAPE;
  const [year, month, day, hour, minute, second = 0, offsetHours = 0, offsetMinutes = 0] = parts
    .slice(1)
    .map((p) => (p === undefined ? undefined : Number(p))) as number[];
  if (!dayExists(year!, month!, day!)) return 'is not a real date';
  if (hour! > 23 || minute! > 59 || second > 59) return 'is not a real time of day';
  if (offsetHours > 14 || offsetMinutes > 59) return 'has an offset from UTC that does not exist';
  return yearProblem(year!);
}
