import { describe, expect, it } from 'vitest';
import { monthsBetween } from './calendar.ts';

describe('the month partitions a range touches', () => {
  it('are each UTC month from the first to the last, across a year end', () => {
    expect(monthsBetween('2026-11-20T00:00:00Z', '2027-01-05T00:00:00Z')).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(monthsBetween('2026-12-01T00:00:00Z', '2026-12-31T23:59:59Z')).toEqual(['2026-12']);
  });

  it('end at the last month, even at the far end of the calendar', () => {
    expect(monthsBetween('9999-12-01T00:00:00Z', '9999-12-31T00:00:00Z')).toEqual(['9999-12']);
    expect(monthsBetween('2027-01-01T00:00:00Z', '2026-12-01T00:00:00Z')).toEqual([]);
  });
});
