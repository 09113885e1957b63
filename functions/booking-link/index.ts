/** The emailed manage link: see the booking, find another time, reschedule or cancel — as its client, within the service's cut-off. */
import { notFound } from '../../shared/api/errors.ts';
import type { ChangeContext } from '../../shared/db/mutation.ts';
import { bookingSettingsOf } from '../../shared/domain/bookings/settings.ts';
import { cancelInScope } from '../lib/bookings/cancel.ts';
import { rescheduleBooking } from '../lib/bookings/reschedule.ts';
import { loadBookable } from '../lib/bookings/load.ts';
import { bookingOfToken } from '../lib/bookings/manage-link.ts';
import { bookingView } from '../lib/bookings/view.ts';
import { changeContext } from '../lib/change-context.ts';
import { contextHandler, type Reply, type Request } from '../lib/http.ts';
import type { RequestItem } from '../lib/request-access.ts';
import { slotsOf } from '../lib/bookings/public.ts';
import { BOOKING_ENTITIES } from '../lib/bookings/booking-entities.ts';
import { BOOKING_LINK_OPERATIONS } from '../../shared/api/operations/booking-link.ts';
import { BOOKING_LINK_SCHEMAS } from '../../shared/api/schemas/booking-link.ts';
import { databaseOf } from '../../shared/db/service.ts';

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

const database = databaseOf(BOOKING_ENTITIES);

const asClient = (req: Request, b: RequestItem): ChangeContext => changeContext(req, { tenantId: b.tenantId, userId: b.clientId, role: 'CLIENT', name: b.clientName });

async function getManagedBooking(req: Request): Promise<Reply> {
  const { booking, tenant, settings } = await opened(req);
  return { body: { booking: bookingView(booking, settings), firm: { name: tenant.name, slug: tenant.slug } } };
}

async function getManagedBookingSlots(req: Request<never, { from: string; to: string }>): Promise<Reply> {
  const { db, booking, tenant } = await opened(req);
  const bookable = await loadBookable(db.entities, tenant, booking.serviceId);
  return { body: await slotsOf(db.entities, bookable, req.query, booking.requestId) };
}

async function rescheduleManagedBooking(req: Request<{ start: string; version: number }>): Promise<Reply> {
  const { db, booking, tenant } = await opened(req);
  const bookable = await loadBookable(db.entities, tenant, booking.serviceId);
  const moved = await rescheduleBooking(db, booking, bookable, Date.parse(req.body.start), { ctx: asClient(req, booking), byStaff: false, now: Date.now(), version: req.body.version });
  return { body: bookingView(moved, bookable.settings) };
}

async function cancelManagedBooking(req: Request<{ version: number; reason: string; scope: 'one' | 'following' }>): Promise<Reply> {
  const { db, booking, settings } = await opened(req);
  const change = { ctx: asClient(req, booking), byStaff: false, now: Date.now(), version: req.body.version, reason: req.body.reason };
  const { cancelled, ...following } = await cancelInScope(db, booking, settings, change, req.body.scope);
  return { body: { ...bookingView(cancelled, settings), ...following } };
}

export const handler = contextHandler({
  routes: BOOKING_LINK_OPERATIONS,
  schemas: BOOKING_LINK_SCHEMAS,
  operations: { getManagedBooking, getManagedBookingSlots, rescheduleManagedBooking, cancelManagedBooking },
});
