import * as z from 'zod/mini';
import { PRIORITIES, REQUEST_STATUSES } from '../../domain/requests/workflow.ts';
import type { Schemas } from './types.ts';

export const requestKpis = z.object({
  currency: z.string(),
  /** Submitted and not yet completed or cancelled. */
  activeRequests: z.number(),
  /** What open work is worth (budgets, else service prices), in minor units of `currency`. */
  pipeline: z.number(),
  /** Requests submitted this week and last (weeks start on Monday in the firm's zone). */
  newThisWeek: z.number(),
  newLastWeek: z.number(),
  completedThisMonth: z.number(),
  cancelledThisMonth: z.number(),
  /** Completed as a share of closed (completed or cancelled) this month, 0–100; absent when nothing closed. */
  completionRate: z.optional(z.number()),
  byStatus: z.record(z.enum(REQUEST_STATUSES), z.number()),
  /** Open requests by priority and by service (most first). */
  byPriority: z.record(z.enum(PRIORITIES), z.number()),
  byService: z.array(z.object({ serviceId: z.string(), name: z.string(), open: z.number(), pipeline: z.number() })),
});
export type RequestKpis = z.infer<typeof requestKpis>;

/** The analytics context's operations → schemas. */
export const ANALYTICS_SCHEMAS = {
  getRequestKpis: { response: requestKpis },
} satisfies Record<string, Schemas>;
