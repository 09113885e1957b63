/** What the public booking contexts share: the firm of a slug, and free slots priced. */
import { notFound, validationFailed } from '../../shared/api/errors.ts';
import type { CalendarEntry } from '../../shared/db/entities/calendar-entry.ts';
import type { Tenant } from '../../shared/db/entities/tenant.ts';
import { availableSlots, type Interval } from '../../shared/domain/bookings/availability.ts';
import { priceOf } from '../../shared/domain/bookings/pricing.ts';
import { pricingRulesOf } from '../../shared/domain/bookings/settings.ts';
import { availabilityQuery, entriesAround, type Bookable } from './load.ts';
import type { RequestOf } from '../lib/http.ts';

/** An active firm by its public slug; 404 otherwise. */
export async function firmBySlug(entities: { tenant: typeof Tenant }, slug: string) {
  const { data } = await entities.tenant.query.bySlug({ slug: slug.toLowerCase() }).go({ limit: 1 });
  const tenant = data[0];
  if (!tenant || tenant.status !== 'active') throw notFound('Firm');
  return tenant;
}

/** The range asked for: the public booking page's and the manage link's are the same. */
type RangeQuery = RequestOf<'getBookingSlots'>['query'];

/** Free slots of a bookable service in a range, each priced; `ignoreBookingId` is a booking being moved. */
export async function slotsOf(entities: { calendar: typeof CalendarEntry }, bookable: Bookable, query: RangeQuery, ignoreBookingId?: string) {
  if (query.staffId && !bookable.staff.some((s) => s.userId === query.staffId))
    throw validationFailed([{ field: 'query.staffId', message: 'does not take bookings of this service' }]);
  const range: Interval = { start: Date.parse(query.from), end: Date.parse(query.to) };
  const now = Date.now();
  const entries = (await entriesAround(entities, bookable.tenant.tenantId, range)).filter((e) => e.bookingId !== ignoreBookingId);
  const rules = pricingRulesOf(bookable.service, bookable.settings);
  const { tenant, settings, staff } = bookable;
  return {
    firmZone: tenant.timeZone,
    durationMinutes: settings.durationMinutes,
    staff: staff.map((s) => ({ userId: s.userId, name: s.name })),
    slots: availableSlots(availabilityQuery(bookable, entries, range, now, query.staffId)).map((s) => ({
      start: new Date(s.start).toISOString(),
      end: new Date(s.end).toISOString(),
      staffIds: s.staffIds,
      price: priceOf({ rules, firmZone: tenant.timeZone, start: s.start, durationMinutes: settings.durationMinutes, now }).total,
    })),
  };
}
