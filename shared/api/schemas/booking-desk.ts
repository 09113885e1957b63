/** Booking as a signed-in person: a client for themselves, staff for the client they name. */
import * as z from 'zod/mini';
import { bookingFields, bookingView, force } from './booking.ts';
import { signedPlan } from './booking-plans.ts';
import type { Schemas } from './types.ts';

export const signedInBookingInput = z.object({ ...bookingFields, clientId: z.optional(z.string().check(z.maxLength(100))), force: force() });

const { start: _start, promoCode: _promoCode, ...seriesFields } = bookingFields;
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
