/**
 * A team member's load is the number of requests assigned to them that are being worked
 * (assigned or in progress). A change of a request moves that count for at most two people;
 * the count is kept in the same transaction as the change, so it can never drift.
 */
import { ACTIVE_STATUSES, type RequestStatus } from './workflow.ts';

export interface LoadState {
  status: RequestStatus;
  /** Undefined while nobody is assigned. */
  assigneeId: string | undefined;
}

const counts = (s: LoadState) => s.assigneeId !== undefined && ACTIVE_STATUSES.includes(s.status);

/** How each person's active-request count changes when a request goes from `before` to `after`. */
export function workloadDeltas(before: LoadState, after: LoadState): Map<string, number> {
  return holderDeltas(counts(before) ? before.assigneeId : undefined, counts(after) ? after.assigneeId : undefined);
}

/**
 * The load moves from whoever held a counted piece of work before to whoever holds it after
 * (undefined: nobody, or it does not count in that state). At most two people change.
 */
export function holderDeltas(before: string | undefined, after: string | undefined): Map<string, number> {
  const deltas = new Map<string, number>();
  if (before === after) return deltas;
  if (before !== undefined) deltas.set(before, -1);
  if (after !== undefined) deltas.set(after, +1);
  return deltas;
}

/** Share of a member's capacity that is free, 0–100 (a full or over-full member is 0). */
export function availabilityPercent(active: number, maxConcurrent: number): number {
  if (maxConcurrent <= 0) return 0;
  return Math.max(0, Math.round(((maxConcurrent - active) / maxConcurrent) * 100));
}
