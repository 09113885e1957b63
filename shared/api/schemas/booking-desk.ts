/** Booking as a signed-in person: a client for themselves, staff for the client they name. */
import * as z from 'zod/mini';
import { bookingFields, bookingView, force } from './booking.ts';
import type { Schemas } from './types.ts';

export const signedInBookingInput = z.object({ ...bookingFields, clientId: z.optional(z.string().check(z.maxLength(100))), force: force() });

export const BOOKING_DESK_SCHEMAS = {
  createBooking: { body: signedInBookingInput, response: bookingView },
} satisfies Record<string, Schemas>;
