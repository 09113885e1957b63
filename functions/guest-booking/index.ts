/**
 * Booking as a guest from a firm's public page. A guest whose address is already a client of
 * the firm books as that client (and is told to sign in); a new address becomes a client
 * account with the booking, so nobody gets two. Each network has an hourly allowance per firm.
 */
import { rateLimited, validationFailed } from '../../shared/api/errors.ts';
import { GUEST_BOOKING_OPERATIONS } from '../../shared/api/operations/guest-booking.ts';
import type * as z from 'zod/mini';
import type { guestBookingInput } from '../../shared/api/schemas/booking.ts';
import { GUEST_BOOKING_SCHEMAS } from '../../shared/api/schemas/guest-booking.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { DEFAULT_REMINDER_OFFSETS } from '../../shared/domain/bookings/settings.ts';
import { isUnclaimedGuest } from '../../shared/domain/identity/guests.ts';
import { loadBookable, type UserItem } from '../lib/bookings/load.ts';
import { guestUserId, placeBooking } from '../lib/bookings/place.ts';
import { firmBySlug } from '../lib/bookings/public.ts';
import { BOOKING_ENTITIES } from '../lib/bookings/booking-entities.ts';
import { bookingView } from '../lib/bookings/view.ts';
import { changeContext } from '../lib/change-context.ts';
import { contextHandler, type Reply, type Request } from '../lib/http.ts';

const database = databaseOf(BOOKING_ENTITIES);

/** Guest bookings a network may attempt per firm and hour: plenty for an office, too few to fill a diary by script. */
export const GUEST_BOOKINGS_PER_HOUR = 20;

/** Counts this attempt against the caller's address, or refuses it (429) once the hour's allowance is spent. */
async function countAttempt(tenantId: string, ip: string): Promise<void> {
  const now = Math.floor(Date.now() / 1000);
  const hourEnds = (Math.floor(now / 3600) + 1) * 3600;
  const key = { scope: 'guest-booking' as const, subject: `${tenantId}#${ip}#${hourEnds}` };
  try {
    await database().entities.guard.update(key).add({ failures: 1 }).set({ expiresAt: hourEnds }).where((a, op) => `${op.notExists(a.failures)} OR ${op.lt(a.failures, GUEST_BOOKINGS_PER_HOUR)}`).go();
  } catch (e) {
    if (e instanceof Error && /conditional/i.test(e.message)) throw rateLimited('Too many bookings from your network this hour. Try again later, or contact the firm.', hourEnds - now);
    throw e;
  }
}

type GuestBookingInput = z.output<typeof guestBookingInput>;

async function createGuestBooking(req: Request<GuestBookingInput>): Promise<Reply> {
  const db = database();
  const tenant = await firmBySlug(db.entities, req.params.firmSlug!);
  await countAttempt(tenant.tenantId, req.ip);
  const input = req.body;
  const [bookable, existing] = await Promise.all([loadBookable(db.entities, tenant, input.serviceId), db.entities.user.query.byEmail({ tenantId: tenant.tenantId, email: input.email }).go({ limit: 1 }).then((r) => r.data[0])]);
  if (existing && existing.role !== 'CLIENT') throw validationFailed([{ field: 'email', message: 'belongs to the firm’s team: sign in to book for a client' }]);
  if (existing?.status === 'deactivated') throw validationFailed([{ field: 'email', message: 'cannot book online: please contact the firm' }]);
  const now = new Date().toISOString();
  const newUser: UserItem | undefined = existing
    ? undefined
    : {
        tenantId: tenant.tenantId,
        userId: guestUserId(tenant.tenantId, input.email),
        email: input.email,
        name: input.name,
        role: 'CLIENT',
        status: 'invited',
        locale: input.locale,
        timeZone: input.timeZone,
        ...(input.phone && { phone: input.phone }),
        reminderOffsets: DEFAULT_REMINDER_OFFSETS,
        reminderEmail: true,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
  const client = existing ?? newUser!;
  const booking = await placeBooking(db, {
    bookable,
    client: { clientId: client.userId, clientName: client.name, newUser, reminderOffsets: client.reminderOffsets, reminderEmail: client.reminderEmail, phone: input.phone },
    start: Date.parse(input.start),
    clientZone: input.timeZone,
    staffId: input.staffId,
    bookingType: input.bookingType,
    notes: input.notes,
    promoCode: input.promoCode,
    byStaff: false,
    ctx: changeContext(req, { tenantId: tenant.tenantId, userId: client.userId, role: 'CLIENT', name: client.name }),
    now: Date.now(),
  });
  // A guest's account booked with before has no password yet: they are offered to claim it, not to sign in.
  return { status: 201, body: { ...bookingView(booking, bookable.settings), existingClient: !!existing && !isUnclaimedGuest(existing) } };
}

export const handler = contextHandler({ routes: GUEST_BOOKING_OPERATIONS, schemas: GUEST_BOOKING_SCHEMAS, operations: { createGuestBooking } });
