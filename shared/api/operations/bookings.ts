/**
 * Bookings for signed-in people: the calendar (staff see theirs or the firm's, clients their
 * own), confirming, cancelling, recording whether it took place, and a client's link to move
 * their booking. Placing (booking-desk) and moving (booking-moves) are Lambdas of their own (ADR 0010).
 */
import type { OperationDef } from '../operations.ts';

export const BOOKINGS_OPERATIONS = [
  { operationId: 'listBookings', method: 'GET', path: '/api/bookings', lambda: 'bookings', access: 'signed-in' },
  { operationId: 'confirmBooking', method: 'POST', path: '/api/bookings/{bookingId}/confirm', lambda: 'bookings', access: 'service_requests.update' },
  { operationId: 'cancelBooking', method: 'POST', path: '/api/bookings/{bookingId}/cancel', lambda: 'bookings', access: 'signed-in' },
  { operationId: 'recordBookingOutcome', method: 'POST', path: '/api/bookings/{bookingId}/outcome', lambda: 'bookings', access: 'service_requests.update' },
  { operationId: 'listMyAppointments', method: 'GET', path: '/api/me/appointments', lambda: 'bookings', access: 'signed-in' },
  { operationId: 'openBookingLink', method: 'POST', path: '/api/bookings/{bookingId}/link', lambda: 'bookings', access: 'signed-in' },
] as const satisfies readonly OperationDef[];
