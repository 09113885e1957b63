import { describe, expect, it } from 'vitest';
import { dateProblem, instantProblem } from './strict.ts';

describe('strict dates', () => {
  it.each(['2027-02-28', '2028-02-29', '2026-12-31', '2000-01-01', '2100-12-31'])('takes %s', (d) => expect(dateProblem(d)).toBeUndefined());
  it.each([
    ['2027-02-29', 'is not a real date'],
    ['2027-02-30', 'is not a real date'],
    ['2027-06-31', 'is not a real date'],
    ['2026-12-32', 'is not a real date'],
    ['2026-13-01', 'is not a real date'],
    ['2026-00-10', 'is not a real date'],
    ['1999-12-31', 'must be between the years 2000 and 2100'],
    ['9999-12-01', 'must be between the years 2000 and 2100'],
    ['2026-1-01', 'must be a date like 2026-12-31'],
    [20261201, 'must be a date like 2026-12-31'],
  ])('refuses %s: %s', (d, problem) => expect(dateProblem(d)).toBe(problem));
});

describe('strict instants', () => {
  it.each(['2027-02-28T15:00:00Z', '2028-02-29T23:59:59.999Z', '2026-12-01T15:00Z', '2026-12-01T15:00:00+14:00', '2026-12-01T15:00:00-05:30'])(
    'takes %s',
    (s) => expect(instantProblem(s)).toBeUndefined(),
  );
  it.each([
    ['2027-02-30T15:00:00Z', 'is not a real date'],
    ['2027-02-29T15:00:00Z', 'is not a real date'],
    ['2027-06-31T15:00:00Z', 'is not a real date'],
    ['2026-12-01T24:00:00Z', 'is not a real time of day'],
    ['2026-12-01T15:60:00Z', 'is not a real time of day'],
    ['2026-12-01T15:00:60Z', 'is not a real time of day'],
    ['2026-12-01T15:00:00+15:00', 'has an offset from UTC that does not exist'],
    ['9999-12-01T00:00:00Z', 'must be between the years 2000 and 2100'],
    ['2026-12-01T15:00:00', 'must be a date and time like 2026-12-01T15:00:00Z'],
    ['2026-12-01 15:00:00Z', 'must be a date and time like 2026-12-01T15:00:00Z'],
    [1764601200000, 'must be a date and time like 2026-12-01T15:00:00Z'],
  ])('refuses %s: %s', (s, problem) => expect(instantProblem(s)).toBe(problem));
});
