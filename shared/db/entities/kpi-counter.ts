import { Entity } from '../entity.ts';
import { BOOKING_COUNTERS } from '../../domain/bookings/kpis.ts';
import { KPI_COUNTERS } from '../../domain/requests/kpis.ts';

/**
 * Request KPI counters of a firm, in one partition: `totals`, one bucket per service, per week
 * and per month (shared/domain/requests/kpis.ts), and one per day of bookings. Kept by the kpis consumer with atomic ADDs;
 * a dashboard reads a handful of items, whatever the number of requests.
 */
export const KpiCounter = new Entity({
  model: { entity: 'kpiCounter', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    bucket: { type: 'string', required: true, readOnly: true },
    /** A service bucket's service name, for display. */
    label: { type: 'string' },
    ...(Object.fromEntries(KPI_COUNTERS.map((c) => [c, { type: 'number' }])) as Record<(typeof KPI_COUNTERS)[number], { type: 'number' }>),
    // Booking days (`booking-day#YYYY-MM-DD`, shared/domain/bookings/kpis.ts).
    ...(Object.fromEntries(BOOKING_COUNTERS.map((c) => [c, { type: 'number' }])) as Record<(typeof BOOKING_COUNTERS)[number], { type: 'number' }>),
  },
  indexes: {
    byBucket: {
      pk: { field: 'pk', composite: ['tenantId'], template: 't#${tenantId}#kpi' },
      // Service ids keep their case.
      sk: { field: 'sk', composite: ['bucket'], template: '${bucket}', casing: 'none' },
    },
  },
});
