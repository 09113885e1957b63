/** Booking as a guest from the public page. */
import * as z from 'zod/mini';
import { bookingView, guestBookingInput } from './booking.ts';
import type { Schemas } from './types.ts';

/** `existingClient`: the address was already a client's, who is told to sign in to see all their bookings. */
export const guestBookingCreated = z.extend(bookingView, { existingClient: z.boolean() });

export const GUEST_BOOKING_SCHEMAS = {
  createGuestBooking: { body: guestBookingInput, response: guestBookingCreated },
} satisfies Record<string, Schemas>;
