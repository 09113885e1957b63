/**
 * Booking as a signed-in person: a client for themselves, staff for a client. Its own Lambda:
 * placement does not fit beside the calendar's routes (ADR 0010).
 */
import type { OperationDef } from '../operations.ts';

export const BOOKING_DESK_OPERATIONS = [
  { operationId: 'createBooking', method: 'POST', path: '/api/bookings', lambda: 'booking-desk', access: 'service_requests.create', success: [201] },
  {
    operationId: 'createBookingSeries',
    method: 'POST',
    path: '/api/booking-series',
    lambda: 'booking-desk',
    access: 'service_requests.create',
    success: [201],
  },
] as const satisfies readonly OperationDef[];
