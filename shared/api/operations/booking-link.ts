/** The link in every booking email, from which the client sees, moves or cancels the booking without signing in: the token says which. */
import type { OperationDef } from '../operations.ts';

export const BOOKING_LINK_OPERATIONS = [
  { operationId: 'getManagedBooking', method: 'GET', path: '/api/manage-booking/{token}', context: 'booking-link', access: 'public' },
  { operationId: 'getManagedBookingSlots', method: 'GET', path: '/api/manage-booking/{token}/slots', context: 'booking-link', access: 'public' },
  { operationId: 'rescheduleManagedBooking', method: 'POST', path: '/api/manage-booking/{token}/reschedule', context: 'booking-link', access: 'public' },
  { operationId: 'cancelManagedBooking', method: 'POST', path: '/api/manage-booking/{token}/cancel', context: 'booking-link', access: 'public' },
] as const satisfies readonly OperationDef[];
