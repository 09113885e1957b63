/** Booking as a guest from the public page. */
import * as z from 'zod/mini';
import { bookingView, guestBookingInput } from './booking.ts';
import type { Schemas } from './types.ts';

/** The same for every address: whether it has an account here is for its owner to learn, by email (ADR 0016). */
export const guestBookingCreated = z.omit(bookingView, { awaitingOwnerUntil: true });

export const GUEST_BOOKING_SCHEMAS = {
  createGuestBooking: { body: guestBookingInput, response: guestBookingCreated },
} satisfies Record<string, Schemas>;
