/** The emailed manage link: see the booking, confirm a guest booking held for the address (ADR 0016), find another time or cancel it — as its client, within the service's cut-off. Moving it is in booking-moves. */
import { firmLanguagesOf } from '../../../shared/domain/locales.ts';
import { conflict, notFound } from '../../../shared/api/errors.ts';
import { BOOKING_LINK_OPERATIONS } from '../../../shared/api/operations/booking-link.ts';
import { BOOKING_LINK_SCHEMAS } from '../../../shared/api/schemas/booking-link.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { bookingSettingsOf } from '../../../shared/domain/bookings/settings.ts';
import { BOOKING_ENTITIES } from '../booking-entities.ts';
import { cancelInScope } from '../cancel.ts';
import { claimBooking, whyNotClaimable } from '../claim.ts';
import { changeContext } from '../../lib/change-context.ts';
import { loadBookable } from '../load.ts';
import { asItsClient, bookingOfToken } from '../manage-link.ts';
import { slotsOf } from '../public.ts';
import { bookingView } from '../view.ts';
import { contextHandler, type ReplyOf, type Request, type RequestOf, type WithParams } from '../../lib/http.ts';

const database = databaseOf(BOOKING_ENTITIES);

async function opened(req: Request & WithParams<'token'>) {
  const db = database();
  const booking = await bookingOfToken(db, req.params.token);
  const [{ data: tenant }, { data: service }] = await Promise.all([
    db.entities.tenant.get({ tenantId: booking.tenantId }).go(),
    db.entities.service.get({ tenantId: booking.tenantId, serviceId: booking.serviceId }).go(),
  ]);
  if (!tenant) throw notFound('Booking');
  return { db, booking, tenant, settings: bookingSettingsOf(service?.booking) };
}

async function getManagedBooking(req: RequestOf<'getManagedBooking'>): Promise<ReplyOf<'getManagedBooking'>> {
  const { booking, tenant, settings } = await opened(req);
  return {
    body: {
      booking: bookingView(booking, settings),
      firm: { name: tenant.name, slug: tenant.slug, ...(tenant.brandAccent && { accent: tenant.brandAccent }), ...firmLanguagesOf(tenant) },
    },
  };
}

async function getManagedBookingSlots(req: RequestOf<'getManagedBookingSlots'>): Promise<ReplyOf<'getManagedBookingSlots'>> {
  const { db, booking, tenant } = await opened(req);
  const bookable = await loadBookable(db.entities, tenant, booking.serviceId);
  return { body: await slotsOf(db.entities, bookable, req.query, booking.requestId) };
}

/** The address's owner confirms a guest booking held for them (ADR 0016): it becomes their account's. Confirming twice is no error. */
async function claimManagedBooking(req: RequestOf<'claimManagedBooking'>): Promise<ReplyOf<'claimManagedBooking'>> {
  const { db, booking, settings } = await opened(req);
  if (!booking.awaitingOwnerUntil) return { body: bookingView(booking, settings) };
  const now = Date.now();
  const {
    data: [owner],
  } = await db.entities.user.query.byEmail({ tenantId: booking.tenantId, email: booking.guestEmail! }).go({ limit: 1 });
  const refusal = whyNotClaimable(booking, owner, now);
  if (refusal) throw refusal;
  if (booking.version !== req.body.version) throw conflict('This booking was changed meanwhile. Reload to see it as it is now.');
  const ctx = changeContext(req, { tenantId: booking.tenantId, userId: owner!.userId, role: owner!.role, name: owner!.name });
  return { body: bookingView(await claimBooking(db, booking, owner!, ctx, now), settings) };
}

async function cancelManagedBooking(req: RequestOf<'cancelManagedBooking'>): Promise<ReplyOf<'cancelManagedBooking'>> {
  const { db, booking, settings } = await opened(req);
  const change = { ctx: asItsClient(req, booking), byStaff: false, now: Date.now(), version: req.body.version, reason: req.body.reason };
  const { cancelled, ...following } = await cancelInScope(db, booking, settings, change, req.body.scope);
  return { body: { ...bookingView(cancelled, settings), ...following } };
}

export const handler = contextHandler({
  routes: BOOKING_LINK_OPERATIONS,
  schemas: BOOKING_LINK_SCHEMAS,
  operations: { getManagedBooking, getManagedBookingSlots, claimManagedBooking, cancelManagedBooking },
});
