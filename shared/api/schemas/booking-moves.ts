/** Staff moving a booking, perhaps to someone else. */
import * as z from 'zod/mini';
import { bookingFields, bookingView, instant, force } from './booking.ts';
import { version } from './common.ts';
import type { Schemas } from './types.ts';

export const staffRescheduleInput = z.object({
  start: instant,
  version,
  staffId: bookingFields.staffId,
  force: force(),
  /** For a booking of a series: this one only, or the later ones of the series alike. */
  scope: z._default(z.enum(['one', 'following'], { error: 'must be one or following' }), 'one'),
});

export const seriesMoveView = z.object({
  ...bookingView.shape,
  followingMoved: z.optional(z.number()),
  /** Later bookings that keep their time (`start`), where they would have gone (`to`) and why not. */
  followingSkipped: z.optional(z.array(z.object({ bookingId: z.string(), start: z.string(), to: z.string(), message: z.string() }))),
});

export const BOOKING_MOVES_SCHEMAS = {
  rescheduleBooking: { body: staffRescheduleInput, response: seriesMoveView },
} satisfies Record<string, Schemas>;
