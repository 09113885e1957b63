/**
 * The dashboard's trends over a period the reader picks: requests sent per week and
 * appointments per day, from the counters the event stream keeps (two Queries of at most a
 * year's buckets, whatever the number of requests or bookings).
 */
import { notFound } from '../../shared/api/errors.ts';
import type { KpiTrends } from '../../shared/api/schemas/analytics.ts';
import { bookingDayBucket } from '../../shared/domain/bookings/kpis.ts';
import { addDays, localDateOf, weekdayOf } from '../../shared/domain/time/zoned.ts';
import type { ReplyOf, RequestOf } from '../lib/http.ts';
import { database } from './db.ts';

const WEEKS_BY_DEFAULT = 12;

/** The Monday of a local date's week. */
const mondayOf = (date: string) => addDays(date, -(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).indexOf(weekdayOf(date) as 'mon'));

export async function getKpiTrends(req: RequestOf<'getKpiTrends'>): Promise<ReplyOf<'getKpiTrends'>> {
  const { tenantId } = req.actor;
  const { kpi, tenant } = database().entities;
  const { data: firm } = await tenant.get({ tenantId }).go();
  if (!firm) throw notFound('Firm');
  const to = req.query.to ?? localDateOf(firm.timeZone, Date.now());
  const from = req.query.from ?? addDays(mondayOf(to), -7 * (WEEKS_BY_DEFAULT - 1));
  const firstWeek = mondayOf(from);
  const buckets = kpi.query.byBucket({ tenantId });
  const [{ data: weekCounters }, { data: dayCounters }] = await Promise.all([
    buckets.between({ bucket: `week#${firstWeek}` }, { bucket: `week#${to}` }).go({ pages: 'all' }),
    buckets.between({ bucket: bookingDayBucket(from) }, { bucket: bookingDayBucket(to) }).go({ pages: 'all' }),
  ]);
  const created = new Map(weekCounters.map((c) => [c.bucket.slice('week#'.length), c.created ?? 0]));
  const booked = new Map(dayCounters.map((c) => [c.bucket.slice(bookingDayBucket('').length), c]));
  const weeks: KpiTrends['weeks'] = [];
  for (let week = firstWeek; week <= to; week = addDays(week, 7)) weeks.push({ week, created: created.get(week) ?? 0 });
  const days: KpiTrends['days'] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const c = booked.get(date);
    days.push({ date, bookings: c?.bookings ?? 0, cancelled: c?.bookingsCancelled ?? 0 });
  }
  return { body: { from, to, weeks, days } };
}
