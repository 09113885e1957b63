/**
 * A held guest booking (ADR 0016) becomes the account's when the address it was booked with
 * confirms it from the emailed link: in one transaction it moves from the held id to the
 * account (its record, its calendar entry, a once-per-client promo code's use), gets the
 * client's reminders and drops its release. Nobody confirms it, and the reminder job releases it.
 */
import { AppError } from '../../shared/api/errors.ts';
import type { ChangeContext } from '../../shared/db/mutation.ts';
import { HOLD_EXPIRY_RECIPIENT } from '../../shared/domain/identity/guests.ts';
import type { RequestItem } from '../requests/request-access.ts';
import { NO_CUSTOMER } from '../../shared/db/entities/customer.ts';
import type { BookingDb } from './booking-entities.ts';
import { activityOf } from './changes.ts';
import type { UserItem } from './load.ts';
import { clientRecipient } from './place.ts';
import { bookingEvent, calendarEntryOf, reminderItems } from './records.ts';

/** Why the address's owner cannot take the booking, or nothing when they can. */
export function whyNotClaimable(booking: RequestItem, owner: UserItem | undefined, now: number): AppError | undefined {
  if (booking.status === 'cancelled') return new AppError('unprocessable', 'This booking has been cancelled.');
  if (Date.parse(booking.awaitingOwnerUntil!) <= now)
    return new AppError('gone', 'This booking was not confirmed in time, so its time was released. You can book again.');
  if (!owner) return new AppError('unprocessable', 'This address no longer has an account with the firm. Book again to make an appointment.');
  if (owner.role !== 'CLIENT')
    return new AppError(
      'unprocessable',
      'This address belongs to a member of the firm’s team, who books for clients from the calendar. Cancel this booking if you did not make it.',
    );
  if (owner.status === 'deactivated')
    return new AppError('unprocessable', 'Your account with the firm is closed, so it cannot take bookings. Please contact the firm.');
  return undefined;
}

export async function claimBooking(db: BookingDb, booking: RequestItem, owner: UserItem, ctx: ChangeContext, now: number): Promise<RequestItem> {
  const heldId = booking.clientId;
  // The booking becomes the owner's, and so their customer's.
  const { awaitingOwnerUntil: _, ...rest } = booking;
  const claimed: RequestItem = {
    ...rest,
    clientId: owner.userId,
    clientName: owner.name,
    customerId: owner.customerId ?? NO_CUSTOMER,
    updatedAt: new Date(now).toISOString(),
    version: booking.version + 1,
  };
  const { data: promo } = booking.promoCode ? await db.entities.promo.get({ tenantId: booking.tenantId, code: booking.promoCode }).go() : { data: undefined };
  const reminders = reminderItems(
    claimed,
    [clientRecipient(claimed, { clientId: owner.userId, reminderOffsets: owner.reminderOffsets, reminderEmail: owner.reminderEmail })],
    now,
  );
  const movesPromoUse = !!promo?.oncePerClient;
  const result = await db.transaction
    .write((e) => [
      // The whole record is written: its client id is in the client index's key (and never changes otherwise).
      e.request
        .put(claimed)
        .where((a, op) => op.eq(a.version, booking.version))
        .commit(),
      e.calendar.put(calendarEntryOf(claimed)).commit(),
      e.reminder.delete({ tenantId: booking.tenantId, bookingId: booking.requestId, recipientId: HOLD_EXPIRY_RECIPIENT, offsetMinutes: 0 }).commit(),
      ...reminders.map((r) => e.reminder.put(r).commit()),
      ...(movesPromoUse
        ? [
            e.promoUse
              .create({ tenantId: booking.tenantId, code: promo.code, clientId: owner.userId, bookingId: booking.requestId, usedAt: claimed.updatedAt })
              .commit(),
            e.promoUse.delete({ tenantId: booking.tenantId, code: promo.code, clientId: heldId }).commit(),
          ]
        : []),
      e.activity
        .create(
          activityOf(
            booking,
            { ctx, byStaff: false, now, version: booking.version },
            { kind: 'updated', text: 'Confirmed from the email sent to the address it was booked with' },
          ),
        )
        .commit(),
      ...bookingEvent(e, ctx, claimed, 'booking.claimed', { previousClientId: heldId }, [{ field: 'clientId', from: heldId, to: owner.userId }]),
    ])
    .go();
  if (result.canceled) {
    const reasons = (result.data as Array<{ code?: string }>).map((d) => d.code ?? 'None');
    if (reasons[0] === 'ConditionalCheckFailed') throw new AppError('conflict', 'This booking was changed meanwhile. Reload to see it as it is now.');
    if (movesPromoUse && reasons[3 + reminders.length] === 'ConditionalCheckFailed') {
      throw new AppError(
        'unprocessable',
        `You have used the code ${promo.code} before, and it is good once per client: cancel this booking and book again without it.`,
      );
    }
    throw new AppError('conflict', 'Someone else was changing this at the same moment. Try again.');
  }
  return claimed;
}
