/** Staff moving a booking, perhaps to someone else. */
import * as z from 'zod/mini';
import { bookingFields, bookingView, instant, force } from './booking.ts';
import { version } from './common.ts';
import type { Schemas } from './types.ts';

export const staffRescheduleInput = z.object({ start: instant, version, staffId: bookingFields.staffId, force: force() });

export const BOOKING_MOVES_SCHEMAS = {
  rescheduleBooking: { body: staffRescheduleInput, response: bookingView },
} satisfies Record<string, Schemas>;
