/** A person's booking profile: how they are reminded (everyone) and, for staff, whether and how much they are booked, and their time off. */
import * as z from 'zod/mini';
import { instant, typeError } from './common.ts';
import { version } from './common.ts';

const whole = (min: number, max: number) =>
  z
    .number({ error: typeError('must be a number') })
    .check(z.int('must be a whole number'), z.minimum(min, `must be at least ${min}`), z.maximum(max, `must be at most ${max}`));

const timeOff = z
  .object({ start: instant, end: instant, reason: z._default(z.string().check(z.trim(), z.maxLength(200)), '') })
  .check(z.refine((t) => Date.parse(t.end) > Date.parse(t.start), { message: 'must be after the start', path: ['end'] }));

export const bookingProfileView = z.object({
  userId: z.string(),
  isStaff: z.boolean(),
  reminderOffsets: z.array(z.number()),
  reminderEmail: z.boolean(),
  reminderSms: z.boolean(),
  takesBookings: z.boolean(),
  maxConcurrentBookings: z.number(),
  maxBookingsPerDay: z.number(),
  timeOff: z.array(z.object({ start: z.string(), end: z.string(), reason: z.string() })),
  version: z.number(),
});

export const updateBookingProfileInput = z.object({
  version,
  /** Minutes before; a whole number of days is counted on the reader's own clock. */
  reminderOffsets: z.optional(z.array(whole(15, 7 * 1440)).check(z.maxLength(3, 'at most 3 reminders'))),
  reminderEmail: z.optional(z.boolean()),
  reminderSms: z.optional(z.boolean()),
  takesBookings: z.optional(z.boolean()),
  maxConcurrentBookings: z.optional(whole(1, 20)),
  maxBookingsPerDay: z.optional(whole(0, 50)),
  timeOff: z.optional(z.array(timeOff).check(z.maxLength(50, 'at most 50 periods'))),
});
