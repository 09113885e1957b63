/** A firm's public booking page: its bookable services, their free slots with prices, and a quote with a promo code. */
import { firmLanguagesOf } from '../../../shared/domain/locales.ts';
import { validationFailed } from '../../../shared/api/errors.ts';
import { PromoCode } from '../../../shared/db/entities/promo-code.ts';
import { SignInGuard } from '../../../shared/db/entities/sign-in-guard.ts';
import { CalendarEntry } from '../../../shared/db/entities/calendar-entry.ts';
import { Service } from '../../../shared/db/entities/service.ts';
import { Tenant } from '../../../shared/db/entities/tenant.ts';
import { User } from '../../../shared/db/entities/user.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { AVAILABILITY_OPERATIONS } from '../../../shared/api/operations/availability.ts';
import { AVAILABILITY_SCHEMAS } from '../../../shared/api/schemas/availability.ts';
import { priceOf } from '../../../shared/domain/bookings/pricing.ts';
import { bookingSettingsOf, pricingRulesOf } from '../../../shared/domain/bookings/settings.ts';
import { loadBookable } from '../load.ts';
import { guardPromoGuesses } from '../promo-guard.ts';
import { firmBySlug, slotsOf } from '../public.ts';
import { contextHandler, type ReplyOf, type RequestOf } from '../../lib/http.ts';

const database = databaseOf({ tenant: Tenant, service: Service, user: User, calendar: CalendarEntry, promo: PromoCode, guard: SignInGuard });

async function getBookingPage(req: RequestOf<'getBookingPage'>): Promise<ReplyOf<'getBookingPage'>> {
  const tenant = await firmBySlug(database().entities, req.params.firmSlug);
  const { data: active } = await database().entities.service.query.byStatus({ tenantId: tenant.tenantId, status: 'active' }).go({ pages: 'all' });
  const services = active
    .map((service) => ({ service, settings: bookingSettingsOf(service.booking) }))
    .filter(({ settings }) => settings.enabled)
    .map(({ service, settings }) => ({
      serviceId: service.serviceId,
      name: service.name,
      description: service.description,
      category: service.category,
      basePrice: service.basePrice,
      currency: service.currency,
      durationMinutes: settings.durationMinutes,
      bookingTypes: settings.bookingTypes,
    }));
  return {
    body: {
      firm: {
        slug: tenant.slug,
        name: tenant.name,
        timeZone: tenant.timeZone,
        currency: tenant.currency,
        ...(tenant.brandAccent && { accent: tenant.brandAccent }),
        ...firmLanguagesOf(tenant),
      },
      services,
    },
  };
}

async function getBookingSlots(req: RequestOf<'getBookingSlots'>): Promise<ReplyOf<'getBookingSlots'>> {
  const tenant = await firmBySlug(database().entities, req.params.firmSlug);
  const bookable = await loadBookable(database().entities, tenant, req.params.serviceId);
  return { body: await slotsOf(database().entities, bookable, req.query) };
}

async function quoteBooking(req: RequestOf<'quoteBooking'>): Promise<ReplyOf<'quoteBooking'>> {
  const tenant = await firmBySlug(database().entities, req.params.firmSlug);
  const db = database();
  const { service, settings } = await loadBookable(db.entities, tenant, req.body.serviceId);
  const now = Date.now();
  const base = {
    rules: pricingRulesOf(service, settings),
    firmZone: tenant.timeZone,
    start: Date.parse(req.body.start),
    durationMinutes: settings.durationMinutes,
    now,
  };
  const code = req.body.promoCode;
  if (!code) return { body: priceOf(base) };
  const guesses = await guardPromoGuesses(db.entities.guard, tenant.tenantId, req.ip);
  const { data: promo } = await db.entities.promo.get({ tenantId: tenant.tenantId, code }).go();
  if (!promo || !promo.active) {
    await guesses.wrong();
    throw validationFailed([{ field: 'promoCode', message: 'is not a valid code' }]);
  }
  // The same answer for anyone: whether an address already used a once-per-client code is
  // told only to its client, when they book (a quote would tell strangers who is a client).
  const validity = {
    validFrom: promo.validFrom ? Date.parse(promo.validFrom) : undefined,
    validUntil: promo.validUntil ? Date.parse(promo.validUntil) : undefined,
  };
  return { body: priceOf({ ...base, promo: { promo: { ...promo, ...validity }, usedByClient: false } }) };
}

export const handler = contextHandler({
  routes: AVAILABILITY_OPERATIONS,
  schemas: AVAILABILITY_SCHEMAS,
  operations: { getBookingPage, getBookingSlots, quoteBooking },
});
