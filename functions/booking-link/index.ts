/** The emailed manage link: see the booking, find another time or cancel it — as its client, within the service's cut-off. Moving it is in booking-moves. */
import { notFound } from '../../shared/api/errors.ts';
import { BOOKING_LINK_OPERATIONS } from '../../shared/api/operations/booking-link.ts';
import { BOOKING_LINK_SCHEMAS } from '../../shared/api/schemas/booking-link.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { bookingSettingsOf } from '../../shared/domain/bookings/settings.ts';
import { BOOKING_ENTITIES } from '../lib/bookings/booking-entities.ts';
import { cancelInScope } from '../lib/bookings/cancel.ts';
import { loadBookable } from '../lib/bookings/load.ts';
import { asItsClient, bookingOfToken } from '../lib/bookings/manage-link.ts';
import { slotsOf } from '../lib/bookings/public.ts';
import { bookingView } from '../lib/bookings/view.ts';
import { contextHandler, type Reply, type Request } from '../lib/http.ts';

const database = databaseOf(BOOKING_ENTITIES);

async function opened(req: Request) {
  const db = database();
  const booking = await bookingOfToken(db, req.params.token!);
  const [{ data: tenant }, { data: service }] = await Promise.all([
    db.entities.tenant.get({ tenantId: booking.tenantId }).go(),
    db.entities.service.get({ tenantId: booking.tenantId, serviceId: booking.serviceId }).go(),
  ]);
  if (!tenant) throw notFound('Booking');
  return { db, booking, tenant, settings: bookingSettingsOf(service?.booking) };
}

async function getManagedBooking(req: Request): Promise<Reply> {
  const { booking, tenant, settings } = await opened(req);
  return { body: { booking: bookingView(booking, settings), firm: { name: tenant.name, slug: tenant.slug } } };
}

async function getManagedBookingSlots(req: Request<never, { from: string; to: string }>): Promise<Reply> {
  const { db, booking, tenant } = await opened(req);
  const bookable = await loadBookable(db.entities, tenant, booking.serviceId);
  return { body: await slotsOf(db.entities, bookable, req.query, booking.requestId) };
}

async function cancelManagedBooking(req: Request<{ version: number; reason: string; scope: 'one' | 'following' }>): Promise<Reply> {
  const { db, booking, settings } = await opened(req);
  const change = { ctx: asItsClient(req, booking), byStaff: false, now: Date.now(), version: req.body.version, reason: req.body.reason };
  const { cancelled, ...following } = await cancelInScope(db, booking, settings, change, req.body.scope);
  return { body: { ...bookingView(cancelled, settings), ...following } };
}

export const handler = contextHandler({
  routes: BOOKING_LINK_OPERATIONS,
  schemas: BOOKING_LINK_SCHEMAS,
  operations: { getManagedBooking, getManagedBookingSlots, cancelManagedBooking },
});
