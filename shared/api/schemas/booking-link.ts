/** The emailed manage link. */
import { bookingView, cancelInput, managedBookingView, rescheduleInput, slotRangeQuery, slotsView } from './booking.ts';
import type { Schemas } from './types.ts';

export const BOOKING_LINK_SCHEMAS = {
  getManagedBooking: { response: managedBookingView },
  getManagedBookingSlots: { query: slotRangeQuery, response: slotsView },
  rescheduleManagedBooking: { body: rescheduleInput, response: bookingView },
  cancelManagedBooking: { body: cancelInput, response: bookingView },
} satisfies Record<string, Schemas>;
