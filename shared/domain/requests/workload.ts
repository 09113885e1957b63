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
  const deltas = new Map<string, number>();
  const add = (userId: string, delta: number) => deltas.set(userId, (deltas.get(userId) ?? 0) + delta);
  if (counts(before)) add(before.assigneeId!, -1);
  if (counts(after)) add(after.assigneeId!, +1);
  for (const [userId, delta] of deltas) if (delta === 0) deltas.delete(userId);
  return deltas;
}

/** Share of a member's capacity that is free, 0–100 (a full or over-full member is 0). */
export function availabilityPercent(active: number, maxConcurrent: number): number {
  if (maxConcurrent <= 0) return 0;
  return Math.max(0, Math.round(((maxConcurrent - active) / maxConcurrent) * 100));
}
