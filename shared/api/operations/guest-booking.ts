/** Booking from a firm's public page without an account (the guest is found or made a client by email). */
import type { OperationDef } from '../operations.ts';

export const GUEST_BOOKING_OPERATIONS = [
  { operationId: 'createGuestBooking', method: 'POST', path: '/api/book/{firmSlug}/bookings', lambda: 'guest-booking', access: 'public', success: [201] },
] as const satisfies readonly OperationDef[];
