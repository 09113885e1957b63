/** Staff moving a booking (its own Lambda: moving and placing do not fit one, ADR 0010). */
import type { OperationDef } from '../operations.ts';

export const BOOKING_MOVES_OPERATIONS = [
  { operationId: 'rescheduleBooking', method: 'POST', path: '/api/bookings/{bookingId}/reschedule', context: 'booking-moves', access: 'service_requests.update' },
] as const satisfies readonly OperationDef[];
