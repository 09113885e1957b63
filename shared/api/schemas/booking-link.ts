/** The emailed manage link (moving from it is in booking-moves). */
import * as z from 'zod/mini';
import { version } from './common.ts';
import { bookingView, cancelInput, managedBookingView, seriesChangeView, slotRangeQuery, slotsView } from './booking.ts';
import type { Schemas } from './types.ts';

export const BOOKING_LINK_SCHEMAS = {
  getManagedBooking: { response: managedBookingView },
  getManagedBookingSlots: { query: slotRangeQuery, response: slotsView },
  claimManagedBooking: { body: z.object({ version }), response: bookingView },
  cancelManagedBooking: { body: cancelInput, response: seriesChangeView },
} satisfies Record<string, Schemas>;
