/** Booking as a guest from the public page. */
import * as z from 'zod/mini';
import { bookingView, guestBookingInput } from './booking.ts';
import type { Schemas } from './types.ts';

/** `existingClient`: the address is a client's who can sign in, and is told to, to see all their bookings; otherwise the guest is offered to create their account. */
export const guestBookingCreated = z.extend(bookingView, { existingClient: z.boolean() });

export const GUEST_BOOKING_SCHEMAS = {
  createGuestBooking: { body: guestBookingInput, response: guestBookingCreated },
} satisfies Record<string, Schemas>;
