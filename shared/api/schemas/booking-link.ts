/** The emailed manage link (moving from it is in booking-moves). */
import { cancelInput, managedBookingView, seriesChangeView, slotRangeQuery, slotsView } from './booking.ts';
import type { Schemas } from './types.ts';

export const BOOKING_LINK_SCHEMAS = {
  getManagedBooking: { response: managedBookingView },
  getManagedBookingSlots: { query: slotRangeQuery, response: slotsView },
  cancelManagedBooking: { body: cancelInput, response: seriesChangeView },
} satisfies Record<string, Schemas>;
