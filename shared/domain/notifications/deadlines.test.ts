import { describe, expect, it } from 'vitest';
import { daysAround, deadlineState } from './deadlines.ts';

describe('deadlines to warn of', () => {
  it('counts days in the firm’s zone', () => {
    // 23:30 UTC on 3 December is already the 4th in Kolkata.
    expect(daysAround(Date.parse('2026-12-03T23:30:00Z'), 'Asia/Kolkata')).toEqual({ today: '2026-12-04', tomorrow: '2026-12-05' });
    expect(daysAround(Date.parse('2026-12-31T12:00:00Z'), 'UTC')).toEqual({ today: '2026-12-31', tomorrow: '2027-01-01' });
  });

  it('warns of a date due today or tomorrow, and of one passed; not of one further off', () => {
    const days = { today: '2026-12-04', tomorrow: '2026-12-05' };
    expect(deadlineState('2026-12-03', days)).toBe('passed');
    expect(deadlineState('2026-12-04', days)).toBe('soon');
    expect(deadlineState('2026-12-05', days)).toBe('soon');
    expect(deadlineState('2026-12-06', days)).toBeUndefined();
  });
});
