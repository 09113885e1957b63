/**
 * Appointments as a client's list and a customer's page show them, from the calendar's
 * per-person and per-customer indexes: one Query a page, upcoming or past.
 */
import type { EntityItem, WhereAttributeSymbol } from 'electrodb';
import type { CalendarEntry } from '../../shared/db/entities/calendar-entry.ts';
import { queryPage } from '../../shared/db/pagination.ts';

type Entry = EntityItem<typeof CalendarEntry>;
type Compare = <T, A extends WhereAttributeSymbol<T>>(attr: A, value: T) => string;
type Where = (a: { end: WhereAttributeSymbol<string> }, op: { gt: Compare; lte: Compare }) => string;
type Run = (options: { limit: number; cursor: string | null; order: 'asc' | 'desc' }) => Promise<{ data: Entry[]; cursor: string | null }>;
/** One of the calendar's indexes, keyed by start, for one person or customer. */
interface ByStart {
  gte(key: { start: string }): { where(filter: Where): { go: Run } };
  lt(key: { start: string }): { where(filter: Where): { go: Run } };
}

const DAY = 86_400_000;

export const appointmentOf = (e: Entry) => ({
  bookingId: e.bookingId,
  reference: e.reference,
  start: e.start,
  end: e.end,
  serviceName: e.serviceName,
  staffName: e.staffName,
  clientName: e.clientName,
  bookingType: e.bookingType,
  confirmed: e.confirmed,
});

/**
 * Upcoming until it ends, soonest first (one under way is still to come; none lasts a day, so
 * the key starts a day back); past once ended, latest first.
 */
export function appointmentPage<View>(entries: ByStart, query: { when: 'upcoming' | 'past'; limit: number; cursor?: string }, view: (e: Entry) => View) {
  const now = new Date().toISOString();
  const selected =
    query.when === 'upcoming'
      ? entries.gte({ start: new Date(Date.now() - DAY).toISOString() }).where((a, op) => op.gt(a.end, now))
      : entries.lt({ start: now }).where((a, op) => op.lte(a.end, now));
  const order = query.when === 'upcoming' ? 'asc' : 'desc';
  return queryPage(query.cursor, (from) => selected.go({ limit: query.limit, cursor: from, order }), view);
}
