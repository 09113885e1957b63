/**
 * A customer's figures on its 360° page, from its requests and bookings as they are now. Money
 * is in minor units of the firm's currency.
 */
import { localDateOf } from '../time/zoned.ts';
import { isOpen, valueOf } from '../requests/kpis.ts';
import type { RequestStatus } from '../requests/workflow.ts';

export interface CustomerRecord {
  status: RequestStatus;
  isBooking?: boolean | undefined;
  scheduledAt?: string | undefined;
  noShow?: boolean | undefined;
  budgetMin?: number | undefined;
  budgetMax?: number | undefined;
  listPrice?: number | undefined;
  /** A booking's price when booked (shared/domain/bookings/pricing.ts). */
  price?: { total: number } | undefined;
}

export interface CustomerKpis {
  openRequests: number;
  /** What completed work was worth: a booking's price, else the request's budget or list price. */
  revenue: number;
  bookingsThisQuarter: number;
  /** No-shows among bookings with an outcome; null before any has one. */
  noShowRate: number | null;
}

/** The calendar quarter of a YYYY-MM-DD date, as YYYY-Qn. */
const quarterOf = (date: string) => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

export function customerKpis(records: readonly CustomerRecord[], now: number, firmZone: string): CustomerKpis {
  const thisQuarter = quarterOf(localDateOf(firmZone, now));
  const bookings = records.filter((r) => r.isBooking && r.scheduledAt);
  // Attended or not: a completed booking has its outcome recorded.
  const withOutcome = bookings.filter((b) => b.status === 'completed');
  return {
    openRequests: records.filter((r) => !r.isBooking && isOpen(r.status)).length,
    revenue: records.filter((r) => r.status === 'completed' && !r.noShow).reduce((sum, r) => sum + (r.price?.total ?? valueOf(r)), 0),
    bookingsThisQuarter: bookings.filter((b) => b.status !== 'cancelled' && quarterOf(localDateOf(firmZone, Date.parse(b.scheduledAt!))) === thisQuarter)
      .length,
    noShowRate: withOutcome.length ? withOutcome.filter((b) => b.noShow).length / withOutcome.length : null,
  };
}
