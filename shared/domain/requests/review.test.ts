import { describe, expect, it } from 'vitest';
import { needsReview } from './review.ts';

describe('whether the firm reviews a request before work starts', () => {
  it('reviews every request when the firm says so', () => {
    expect(needsReview({ reviewRequests: true }, {})).toBe(true);
    expect(needsReview({ reviewRequests: false }, { budgetMax: 1_000_000 })).toBe(false);
  });

  it('reviews only requests worth more than the threshold: the budget’s top, else its bottom, else the list price', () => {
    const policy = { reviewRequests: false, reviewAbove: 50_000 };
    expect(needsReview(policy, { budgetMin: 10_000, budgetMax: 50_000 })).toBe(false);
    expect(needsReview(policy, { budgetMin: 10_000, budgetMax: 50_001 })).toBe(true);
    expect(needsReview(policy, { budgetMin: 60_000 })).toBe(true);
    expect(needsReview(policy, { listPrice: 70_000 })).toBe(true);
    expect(needsReview(policy, {})).toBe(false);
  });
});
