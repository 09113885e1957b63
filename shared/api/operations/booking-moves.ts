/** Every move of a booking, by staff or by its client from the emailed link (its own Lambda: moving and placing do not fit one, ADR 0010). */
import type { OperationDef } from '../operations.ts';

export const BOOKING_MOVES_OPERATIONS = [
  { operationId: 'rescheduleManagedBooking', method: 'POST', path: '/api/manage-booking/{token}/reschedule', lambda: 'booking-moves', access: 'public' },
  {
    operationId: 'rescheduleBooking',
    method: 'POST',
    path: '/api/bookings/{bookingId}/reschedule',
    lambda: 'booking-moves',
    access: 'service_requests.update',
  },
] as const satisfies readonly OperationDef[];
