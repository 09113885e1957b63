/**
 * Booking as a guest from a firm's public page. A new address becomes a client account with
 * the booking (claimed later by signing up: ADR 0012). An address that already has an account
 * gets the same answer, but its booking is held until the address confirms it from its email
 * (ADR 0016), so a stranger can neither learn whose an address is nor put bookings into an
 * account. Each network has an hourly allowance per firm.
 */
import { requireOffered } from '../../lib/firm-languages.ts';
import { rateLimited } from '../../../shared/api/errors.ts';
import { GUEST_BOOKING_OPERATIONS } from '../../../shared/api/operations/guest-booking.ts';
import { GUEST_BOOKING_SCHEMAS } from '../../../shared/api/schemas/guest-booking.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { DEFAULT_REMINDER_OFFSETS } from '../../../shared/domain/bookings/settings.ts';
import { GUEST_ROLE, holdEndsAt, isUnclaimedGuest } from '../../../shared/domain/identity/guests.ts';
import { loadBookable, type UserItem } from '../load.ts';
import { guestUserId, heldClientId, placeBooking } from '../place.ts';
import { firmBySlug } from '../public.ts';
import { BOOKING_ENTITIES } from '../booking-entities.ts';
import { bookingView } from '../view.ts';
import { changeContext } from '../../lib/change-context.ts';
import { contextHandler, type ReplyOf, type RequestOf } from '../../lib/http.ts';
import { ownCustomer } from '../../customers/own-customer.ts';

const database = databaseOf(BOOKING_ENTITIES);

/** Guest bookings a network may attempt per firm and hour: plenty for an office, too few to fill a diary by script. */
export const GUEST_BOOKINGS_PER_HOUR = 20;

/** Counts this attempt against the caller's address, or refuses it (429) once the hour's allowance is spent. */
async function countAttempt(tenantId: string, ip: string): Promise<void> {
  const now = Math.floor(Date.now() / 1000);
  const hourEnds = (Math.floor(now / 3600) + 1) * 3600;
  const key = { scope: 'guest-booking' as const, subject: `${tenantId}#${ip}#${hourEnds}` };
  try {
    await database()
      .entities.guard.update(key)
      .add({ failures: 1 })
      .set({ expiresAt: hourEnds })
      .where((a, op) => `${op.notExists(a.failures)} OR ${op.lt(a.failures, GUEST_BOOKINGS_PER_HOUR)}`)
      .go();
  } catch (e) {
    if (e instanceof Error && /conditional/i.test(e.message))
      throw rateLimited('Too many bookings from your network this hour. Try again later, or contact the firm.', hourEnds - now);
    throw e;
  }
}

async function createGuestBooking(req: RequestOf<'createGuestBooking'>): Promise<ReplyOf<'createGuestBooking'>> {
  const db = database();
  const tenant = await firmBySlug(db.entities, req.params.firmSlug);
  const input = req.body;
  requireOffered(tenant, input.locale);
  await countAttempt(tenant.tenantId, req.ip);
  const [bookable, existing] = await Promise.all([
    loadBookable(db.entities, tenant, input.serviceId),
    db.entities.user.query
      .byEmail({ tenantId: tenant.tenantId, email: input.email })
      .go({ limit: 1 })
      .then((r) => r.data[0]),
  ]);
  const now = Date.now();
  const start = Date.parse(input.start);
  // Whoever the address belongs to, the guest gets the same answer; an account's booking waits for its address to confirm it (ADR 0016).
  const held = existing && !isUnclaimedGuest(existing);
  const clientId = held ? heldClientId(tenant.tenantId, input.email) : (existing?.userId ?? guestUserId(tenant.tenantId, input.email));
  const own = existing ? undefined : ownCustomer(tenant.tenantId, { userId: clientId, name: input.name });
  const newUser: UserItem | undefined = !own
    ? undefined
    : {
        ...own.contact,
        tenantId: tenant.tenantId,
        userId: clientId,
        email: input.email,
        name: input.name,
        role: 'CLIENT',
        status: 'invited',
        locale: input.locale ?? tenant.locale,
        timeZone: input.timeZone,
        ...(input.phone && { phone: input.phone }),
        reminderOffsets: DEFAULT_REMINDER_OFFSETS,
        reminderEmail: true,
        version: 1,
        createdAt: new Date(now).toISOString(),
        updatedAt: new Date(now).toISOString(),
      };
  // The reminders the client wants (a held booking reminds no client until it is confirmed: recipientsOf).
  const { reminderOffsets, reminderEmail } = existing ?? newUser!;
  const booking = await placeBooking(db, {
    bookable,
    client: {
      clientId,
      clientName: input.name,
      // A held booking is nobody's until its address confirms it, so no customer's contacts see it.
      customerId: held ? undefined : (existing?.customerId ?? own?.customer.customerId),
      newUser,
      newCustomer: own?.customer,
      phone: input.phone,
      reminderOffsets,
      reminderEmail,
      ...(held && { hold: { email: input.email, until: holdEndsAt(now, start) } }),
    },
    start,
    clientZone: input.timeZone,
    staffId: input.staffId,
    bookingType: input.bookingType,
    notes: input.notes,
    promoCode: input.promoCode,
    byStaff: false,
    // Made by a guest, whoever the address turns out to be.
    ctx: changeContext(req, { tenantId: tenant.tenantId, userId: clientId, role: GUEST_ROLE, name: input.name }),
    now,
  });
  const { awaitingOwnerUntil: _, ...receipt } = bookingView(booking, bookable.settings);
  return { status: 201, body: receipt };
}

export const handler = contextHandler({ routes: GUEST_BOOKING_OPERATIONS, schemas: GUEST_BOOKING_SCHEMAS, operations: { createGuestBooking } });
