/**
 * The dashboard's request KPIs: three reads whatever the number of requests — the firm (its
 * zone and currency), one batch of the totals, this and last week's and this month's counters,
 * and one Query of the per-service counters. Request exports: exports.ts.
 */
import type { EntityItem } from 'electrodb';
import type { KpiCounter } from '../../../shared/db/entities/kpi-counter.ts';
import { notFound } from '../../../shared/api/errors.ts';
import { ANALYTICS_OPERATIONS } from '../../../shared/api/operations/analytics.ts';
import { ANALYTICS_SCHEMAS, type RequestKpis } from '../../../shared/api/schemas/analytics.ts';
import { completionRate, periodsOf } from '../../../shared/domain/requests/kpis.ts';
import { PRIORITIES, REQUEST_STATUSES } from '../../../shared/domain/requests/workflow.ts';
import { actorFromClaims } from '../../lib/auth.ts';
import { contextHandler, type ReplyOf, type RequestOf } from '../../lib/http.ts';
import { getBookingKpis } from '../bookings.ts';
import { database } from '../db.ts';
import { createRequestExport, getRequestExport } from '../exports.ts';
import { getKpiTrends } from '../trends.ts';

type Counters = Partial<EntityItem<typeof KpiCounter>>;

async function getRequestKpis(req: RequestOf<'getRequestKpis'>): Promise<ReplyOf<'getRequestKpis'>> {
  const { tenantId } = req.actor;
  const { kpi, tenant } = database().entities;
  const { data: firm } = await tenant.get({ tenantId }).go();
  if (!firm) throw notFound('Firm');
  const { week, lastWeek, month } = periodsOf(new Date(), firm.timeZone);
  const buckets = ['totals', `week#${week}`, `week#${lastWeek}`, `month#${month}`];
  const [{ data: found }, { data: services }] = await Promise.all([
    kpi.get(buckets.map((bucket) => ({ tenantId, bucket }))).go(),
    kpi.query.byBucket({ tenantId }).begins({ bucket: 'service#' }).go({ pages: 'all' }),
  ]);
  const [totals, thisWeek, previousWeek, thisMonth] = buckets.map((b): Counters => found.find((f) => f.bucket === b) ?? {});
  const rate = completionRate(thisMonth!.completed ?? 0, thisMonth!.cancelled ?? 0);
  const body: RequestKpis = {
    currency: firm.currency,
    activeRequests: totals!.open ?? 0,
    pipeline: totals!.pipeline ?? 0,
    weekStart: week,
    newThisWeek: thisWeek!.created ?? 0,
    newLastWeek: previousWeek!.created ?? 0,
    completedThisMonth: thisMonth!.completed ?? 0,
    cancelledThisMonth: thisMonth!.cancelled ?? 0,
    ...(rate !== undefined && { completionRate: rate }),
    byStatus: Object.fromEntries(REQUEST_STATUSES.map((s) => [s, totals![`status_${s}`] ?? 0])) as RequestKpis['byStatus'],
    byPriority: Object.fromEntries(PRIORITIES.map((p) => [p, totals![`priority_${p}`] ?? 0])) as RequestKpis['byPriority'],
    byService: services
      .filter((s) => (s.open ?? 0) > 0)
      .map((s) => ({ serviceId: s.bucket.slice('service#'.length), name: s.label ?? '', open: s.open ?? 0, pipeline: s.pipeline ?? 0 }))
      .sort((a, b) => b.open - a.open || a.name.localeCompare(b.name)),
  };
  return { body };
}

export const handler = contextHandler({
  routes: ANALYTICS_OPERATIONS,
  schemas: ANALYTICS_SCHEMAS,
  operations: { getRequestKpis, getKpiTrends, getBookingKpis, createRequestExport, getRequestExport },
  authenticate: actorFromClaims,
});
