/** The link in every booking email, from which the client sees or cancels the booking without signing in, or confirms a booking made as a guest with their address (ADR 0016) (and moves it, in booking-moves): the token says which. */
import type { OperationDef } from '../operations.ts';

export const BOOKING_LINK_OPERATIONS = [
  { operationId: 'getManagedBooking', method: 'GET', path: '/api/manage-booking/{token}', lambda: 'booking-link', access: 'public' },
  { operationId: 'getManagedBookingSlots', method: 'GET', path: '/api/manage-booking/{token}/slots', lambda: 'booking-link', access: 'public' },
  { operationId: 'claimManagedBooking', method: 'POST', path: '/api/manage-booking/{token}/claim', lambda: 'booking-link', access: 'public' },
  { operationId: 'cancelManagedBooking', method: 'POST', path: '/api/manage-booking/{token}/cancel', lambda: 'booking-link', access: 'public' },
] as const satisfies readonly OperationDef[];
