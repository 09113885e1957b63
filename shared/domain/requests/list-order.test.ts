import { describe, expect, it } from 'vitest';
import { PRIORITIES } from './workflow.ts';
import { deadlineOrder, directionOf, NO_DEADLINE, priorityOrder } from './list-order.ts';

describe('request list orders', () => {
  it('reads each column its natural way first, and the old words as directions', () => {
    expect(directionOf('created', undefined)).toBe('desc');
    expect(directionOf('deadline', undefined)).toBe('asc');
    expect(directionOf('priority', undefined)).toBe('desc');
    expect(directionOf('created', 'oldest')).toBe('asc');
    expect(directionOf('deadline', 'newest')).toBe('desc');
    expect(directionOf('priority', 'asc')).toBe('asc');
  });

  it('sorts a missing deadline after every date', () => {
    const keys = ['2026-03-01', undefined, '2025-12-31', '9999-12-30'].map(deadlineOrder);
    expect([...keys].sort()).toEqual(['2025-12-31', '2026-03-01', '9999-12-30', NO_DEADLINE]);
  });

  it('ranks priorities so that the string order is the urgency order', () => {
    const keys = PRIORITIES.map(priorityOrder);
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(keys).size).toBe(PRIORITIES.length);
  });
});
