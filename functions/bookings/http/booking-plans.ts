/**
 * Plans a recurring series: the occurrences of a daily, weekly or monthly rule on the firm's
 * wall clock, signed so booking-desk can place them without rrule (ADR 0011). No database.
 */
import { validationFailed } from '../../../shared/api/errors.ts';
import { BOOKING_PLANS_OPERATIONS } from '../../../shared/api/operations/booking-plans.ts';
import { BOOKING_PLANS_SCHEMAS } from '../../../shared/api/schemas/booking-plans.ts';
import { occurrences } from '../../../shared/domain/bookings/recurrence.ts';
import { MAX_OCCURRENCES, PLAN_LIFETIME_MS, rruleText, type SeriesPlan } from '../../../shared/domain/bookings/series.ts';
import { formatDate, wallOf } from '../../../shared/domain/time/zoned.ts';
import { contextHandler, type RequestOf } from '../../lib/http.ts';
import { signPlan } from '../plan-signature.ts';

async function planBookingSeries(req: RequestOf<'planBookingSeries'>) {
  const { start, zone, until, ...rest } = req.body;
  const first = Date.parse(start);
  if (until && until < formatDate(wallOf(zone, first))) throw validationFailed([{ field: 'until', message: 'must be on or after the first date' }]);
  const recurrence = { ...rest, until };
  const all = occurrences(recurrence, first, zone, MAX_OCCURRENCES + 1);
  const plan: SeriesPlan = {
    zone,
    rule: rruleText(recurrence),
    occurrences: all.slice(0, MAX_OCCURRENCES).map((t) => new Date(t).toISOString()),
    expiresAt: new Date(Date.now() + PLAN_LIFETIME_MS).toISOString(),
  };
  return { body: { ...plan, signature: signPlan(plan), truncated: all.length > MAX_OCCURRENCES } };
}

export const handler = contextHandler({
  routes: BOOKING_PLANS_OPERATIONS,
  schemas: BOOKING_PLANS_SCHEMAS,
  operations: { planBookingSeries },
});
