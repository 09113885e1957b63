/**
 * Whether a firm looks at a request before work starts: every new one (its review setting), or
 * only those worth more than its approval threshold. Without review, the ranked assignee starts
 * at once.
 */
import { valueOf } from './kpis.ts';

export interface ReviewPolicy {
  /** Review every new request before work starts. */
  reviewRequests: boolean;
  /** Requests worth more than this (minor units) are reviewed even when the setting is off. */
  reviewAbove?: number | undefined;
}

/** A firm's rules as stored; a firm from before the settings reviews nothing. */
export const reviewPolicyOf = (firm: { reviewRequests?: boolean | undefined; reviewAbove?: number | undefined } | null | undefined): ReviewPolicy => ({
  reviewRequests: firm?.reviewRequests === true,
  reviewAbove: firm?.reviewAbove,
});

export const needsReview = (policy: ReviewPolicy, request: Parameters<typeof valueOf>[0]): boolean =>
  policy.reviewRequests || (policy.reviewAbove !== undefined && valueOf(request) > policy.reviewAbove);
