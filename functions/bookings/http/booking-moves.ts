/**
 * Every move of a booking. Staff move one they may see to another time or person, and may go
 * past warnings (a buffer, a day's limit) — never past errors — with `force`. Its client moves
 * it from the emailed link, within the service's cut-off. Either may move a series' later
 * bookings along.
 */
import { notFound, validationFailed } from '../../../shared/api/errors.ts';
import { BOOKING_MOVES_OPERATIONS } from '../../../shared/api/operations/booking-moves.ts';
import { BOOKING_MOVES_SCHEMAS } from '../../../shared/api/schemas/booking-moves.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { actorFromClaims } from '../../lib/auth.ts';
import { BOOKING_ENTITIES } from '../booking-entities.ts';
import { firmOf, loadBookable } from '../load.ts';
import { asItsClient, bookingOfToken } from '../manage-link.ts';
import { rescheduleInScope } from '../reschedule.ts';
import { bookingView } from '../view.ts';
import { changeContext } from '../../lib/change-context.ts';
import { contextHandler, type ReplyOf, type RequestOf } from '../../lib/http.ts';
import { mayReadRequest } from '../../requests/request-access.ts';

const database = databaseOf(BOOKING_ENTITIES);

async function rescheduleBooking(req: RequestOf<'rescheduleBooking'>): Promise<ReplyOf<'rescheduleBooking'>> {
  const actor = req.actor;
  const db = database();
  const { data: booking } = await db.entities.request.get({ tenantId: actor.tenantId, requestId: req.params.bookingId }).go();
  if (!booking?.isBooking || !mayReadRequest(actor, booking)) throw notFound('Booking');
  const bookable = await loadBookable(db.entities, await firmOf(db.entities, actor.tenantId), booking.serviceId);
  const { staffId, force, version, scope } = req.body;
  if (staffId && !bookable.staff.some((s) => s.userId === staffId))
    throw validationFailed([{ field: 'staffId', message: 'does not take bookings of this service' }]);
  const change = { ctx: changeContext(req), byStaff: true, now: Date.now(), version, staffId, force };
  const { moved, ...following } = await rescheduleInScope(db, booking, bookable, Date.parse(req.body.start), change, scope);
  return { body: { ...bookingView(moved, bookable.settings), ...following } };
}

async function rescheduleManagedBooking(req: RequestOf<'rescheduleManagedBooking'>): Promise<ReplyOf<'rescheduleManagedBooking'>> {
  const db = database();
  const booking = await bookingOfToken(db, req.params.token);
  const bookable = await loadBookable(db.entities, await firmOf(db.entities, booking.tenantId), booking.serviceId);
  const change = { ctx: asItsClient(req, booking), byStaff: false, now: Date.now(), version: req.body.version };
  const { moved, ...following } = await rescheduleInScope(db, booking, bookable, Date.parse(req.body.start), change, req.body.scope);
  return { body: { ...bookingView(moved, bookable.settings), ...following } };
}

export const handler = contextHandler({
  routes: BOOKING_MOVES_OPERATIONS,
  schemas: BOOKING_MOVES_SCHEMAS,
  operations: { rescheduleBooking, rescheduleManagedBooking },
  authenticate: actorFromClaims,
});
