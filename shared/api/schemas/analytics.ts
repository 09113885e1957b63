import * as z from 'zod/mini';
import { PRIORITIES, REQUEST_STATUSES } from '../../domain/requests/workflow.ts';
import { isoDate } from './common.ts';
import { requestFilters } from './request.ts';
import type { Schemas } from './types.ts';

export const requestKpis = z.object({
  currency: z.string(),
  /** Submitted and not yet completed or cancelled. */
  activeRequests: z.number(),
  /** What open work is worth (budgets, else service prices), in minor units of `currency`. */
  pipeline: z.number(),
  /** This week's Monday in the firm's zone (YYYY-MM-DD): weeks start then. */
  weekStart: z.string(),
  /** Requests sent this week and last (submitted, or booked). */
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

export const requestExportView = z.object({
  exportId: z.string(),
  status: z.enum(['pending', 'ready', 'failed']),
  /** The filters it was asked with. */
  filters: z.record(z.string(), z.unknown()),
  rowCount: z.optional(z.number()),
  problem: z.optional(z.string()),
  /** When ready: the CSV's link and when the link stops working. */
  url: z.optional(z.string()),
  urlExpiresAt: z.optional(z.string()),
  createdAt: z.string(),
});
export type RequestExportView = z.infer<typeof requestExportView>;

/** The analytics context's operations → schemas. */
/** Days of bookings around today (firm-local dates), and the rates over the days past. */
export const bookingKpisQuery = z.object({
  days: z._default(z.coerce.number().check(z.int(), z.minimum(7, 'must be at least 7'), z.maximum(62, 'must be at most 62')), 28),
});

export const bookingKpis = z.object({
  days: z.array(
    z.object({
      date: z.string(),
      bookings: z.number(),
      bookedMinutes: z.number(),
      bookableMinutes: z.number(),
      attended: z.number(),
      noShows: z.number(),
      cancelled: z.number(),
    }),
  ),
  /** Over the days up to today. */
  noShowRate: z.optional(z.number()),
  utilization: z.optional(z.number()),
});
export type BookingKpis = z.infer<typeof bookingKpis>;

/** The longest period the trends cover: a year, a day a bar at most. */
export const TREND_DAYS_MAX = 366;
const DAY_MS = 86_400_000;

/** The trends' period, local dates in the firm's zone; by default the twelve weeks to today. */
export const kpiTrendsQuery = z.object({ from: z.optional(isoDate), to: z.optional(isoDate) }).check(
  z.refine((q) => !q.from || !q.to || q.from <= q.to, { error: 'must not be after to', path: ['from'] }),
  z.refine((q) => !q.from || !q.to || (Date.parse(q.to) - Date.parse(q.from)) / DAY_MS < TREND_DAYS_MAX, {
    error: `must be at most ${TREND_DAYS_MAX} days before to`,
    path: ['from'],
  }),
);

export const kpiTrends = z.object({
  from: z.string(),
  to: z.string(),
  /** Requests sent (submitted, or booked) in each week (its Monday) that starts in the period, or the one it starts in. */
  weeks: z.array(z.object({ week: z.string(), created: z.number() })),
  /** Appointments on each day of the period (cancelled ones apart). */
  days: z.array(z.object({ date: z.string(), bookings: z.number(), cancelled: z.number() })),
});
export type KpiTrends = z.infer<typeof kpiTrends>;

export const ANALYTICS_SCHEMAS = {
  getKpiTrends: { query: kpiTrendsQuery, response: kpiTrends },
  getRequestKpis: { response: requestKpis },
  getBookingKpis: { query: bookingKpisQuery, response: bookingKpis },
  createRequestExport: { body: z.object(requestFilters), response: requestExportView },
  getRequestExport: { response: requestExportView },
} satisfies Record<string, Schemas>;
