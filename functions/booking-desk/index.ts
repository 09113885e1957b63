/**
 * Booking as a signed-in person: a client books for themselves; staff book for any client of
 * the firm and may go past warnings (a buffer, a day's limit) — never past errors — with `force`.
 */
import { forbidden, validationFailed } from '../../shared/api/errors.ts';
import { BOOKING_DESK_OPERATIONS } from '../../shared/api/operations/booking-desk.ts';
import type * as z from 'zod/mini';
import { BOOKING_DESK_SCHEMAS, type signedInBookingInput } from '../../shared/api/schemas/booking-desk.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { isStaff } from '../../shared/domain/identity/permissions.ts';
import { actorFromClaims, type AuthenticatedActor } from '../lib/auth.ts';
import { BOOKING_ENTITIES, type BookingDb } from '../lib/bookings/booking-entities.ts';
import { firmOf, loadBookable, type UserItem } from '../lib/bookings/load.ts';
import { placeBooking } from '../lib/bookings/place.ts';
import { bookingView } from '../lib/bookings/view.ts';
import { changeContext } from '../lib/change-context.ts';
import { contextHandler, type Reply, type Request } from '../lib/http.ts';

const database = databaseOf(BOOKING_ENTITIES);

type BookingInput = z.output<typeof signedInBookingInput>;

/** The client the booking is for: the caller, or (staff) a client of the firm who is not shut out. */
async function clientOf(db: BookingDb, actor: AuthenticatedActor, clientId: string | undefined): Promise<UserItem> {
  if (!isStaff(actor.role) && clientId && clientId !== actor.userId) throw forbidden('Clients book for themselves.');
  if (isStaff(actor.role) && !clientId) throw validationFailed([{ field: 'clientId', message: 'is required when booking for a client' }]);
  const { data: client } = await db.entities.user.get({ tenantId: actor.tenantId, userId: clientId ?? actor.userId }).go();
  // A guest's account is still `invited`: staff may book for them too.
  if (!client || client.role !== 'CLIENT' || client.status === 'deactivated') throw validationFailed([{ field: 'clientId', message: 'is not a client of this firm' }]);
  return client;
}

async function createBooking(req: Request<BookingInput>): Promise<Reply> {
  const actor = req.actor as AuthenticatedActor;
  const input = req.body;
  const byStaff = isStaff(actor.role);
  if (input.force && !byStaff) throw validationFailed([{ field: 'force', message: 'is for staff only: clients book free times' }]);
  const db = database();
  const [tenant, client] = await Promise.all([firmOf(db.entities, actor.tenantId), clientOf(db, actor, input.clientId)]);
  const bookable = await loadBookable(db.entities, tenant, input.serviceId);
  const booking = await placeBooking(db, {
    bookable,
    client: { clientId: client.userId, clientName: client.name, reminderOffsets: client.reminderOffsets, reminderEmail: client.reminderEmail, phone: client.phone },
    start: Date.parse(input.start),
    clientZone: byStaff ? (client.timeZone ?? tenant.timeZone) : input.timeZone,
    staffId: input.staffId,
    bookingType: input.bookingType,
    notes: input.notes,
    promoCode: input.promoCode,
    byStaff,
    force: input.force,
    ctx: changeContext(req),
    now: Date.now(),
  });
  return { status: 201, body: bookingView(booking, bookable.settings) };
}

export const handler = contextHandler({
  routes: BOOKING_DESK_OPERATIONS,
  schemas: BOOKING_DESK_SCHEMAS,
  operations: { createBooking },
  authenticate: actorFromClaims,
});
