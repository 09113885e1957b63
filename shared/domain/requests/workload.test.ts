import { describe, expect, it } from 'vitest';
import { availabilityPercent, workloadDeltas } from './workload.ts';

const deltas = (...args: Parameters<typeof workloadDeltas>) => Object.fromEntries(workloadDeltas(...args));

describe('workload', () => {
  it.each([
    ['assigning an approved request', { status: 'approved', assigneeId: undefined }, { status: 'assigned', assigneeId: 'mike' }, { mike: 1 }],
    ['assigning one still in review (not yet worked)', { status: 'in_review', assigneeId: undefined }, { status: 'in_review', assigneeId: 'mike' }, {}],
    ['starting the work', { status: 'assigned', assigneeId: 'mike' }, { status: 'in_progress', assigneeId: 'mike' }, {}],
    ['completing it', { status: 'in_progress', assigneeId: 'mike' }, { status: 'completed', assigneeId: 'mike' }, { mike: -1 }],
    ['the client asking for changes', { status: 'completed', assigneeId: 'mike' }, { status: 'in_progress', assigneeId: 'mike' }, { mike: 1 }],
    ['reassigning work in progress', { status: 'in_progress', assigneeId: 'mike' }, { status: 'in_progress', assigneeId: 'sarah' }, { mike: -1, sarah: 1 }],
    ['cancelling assigned work', { status: 'assigned', assigneeId: 'mike' }, { status: 'cancelled', assigneeId: 'mike' }, { mike: -1 }],
  ] as const)('%s', (_, before, after, expected) => {
    expect(deltas(before, after)).toEqual(expected);
  });

  it('gives the free share of capacity, never below zero', () => {
    expect(availabilityPercent(0, 3)).toBe(100);
    expect(availabilityPercent(1, 3)).toBe(67);
    expect(availabilityPercent(3, 3)).toBe(0);
    expect(availabilityPercent(5, 3)).toBe(0);
    expect(availabilityPercent(0, 0)).toBe(0);
  });
});
