/** Moving a booking: staff, perhaps to someone else, and its client from the emailed link. */
import * as z from 'zod/mini';
import { bookingFields, force, rescheduleInput, seriesChangeView } from './booking.ts';
import type { Schemas } from './types.ts';

export const staffRescheduleInput = z.object({ ...rescheduleInput.shape, staffId: bookingFields.staffId, force: force() });

export const BOOKING_MOVES_SCHEMAS = {
  rescheduleBooking: { body: staffRescheduleInput, response: seriesChangeView },
  rescheduleManagedBooking: { body: rescheduleInput, response: seriesChangeView },
} satisfies Record<string, Schemas>;
