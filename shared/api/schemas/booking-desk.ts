/** Booking as a signed-in person: a client for themselves, staff for the client they name. */
import * as z from 'zod/mini';
import { bookingFields, bookingView, force } from './booking.ts';
import { signedPlan } from './booking-plans.ts';
import type { Schemas } from './types.ts';

/**
 * `timeZone` is the zone the client reads the booking in (its emails and reminders). Staff
 * booking for a client may leave it out: the client's own zone is used, else the firm's.
 */
const clientZone = { timeZone: z.optional(bookingFields.timeZone) };

export const signedInBookingInput = z.object({ ...bookingFields, ...clientZone, clientId: z.optional(z.string().check(z.maxLength(100))), force: force() });

const { start: _start, promoCode: _promoCode, ...seriesFields } = { ...bookingFields, ...clientZone };
/** A series places the occurrences of a signed plan; promo codes are for single bookings. */
export const seriesBookingInput = z.object({ ...seriesFields, clientId: signedInBookingInput.shape.clientId, force: force(), plan: signedPlan });

export const seriesView = z.object({
  seriesId: z.string(),
  rule: z.string(),
  booked: z.array(bookingView),
  /** Occurrences that could not be booked, and why. */
  skipped: z.array(z.object({ start: z.string(), message: z.string() })),
});

export const BOOKING_DESK_SCHEMAS = {
  createBooking: { body: signedInBookingInput, response: bookingView },
  createBookingSeries: { body: seriesBookingInput, response: seriesView },
} satisfies Record<string, Schemas>;
