/** A service's booking settings as admins set them: every rule of shared/domain/bookings/settings.ts, checked field by field. */
import * as z from 'zod/mini';
import { GRID_MINUTES } from '../../domain/bookings/availability.ts';
import { BOOKING_TYPES } from '../../domain/bookings/settings.ts';
import { isLocalTime, minutesOf, WEEKDAYS } from '../../domain/time/zoned.ts';
import { isoDate, money, typeError, version } from './common.ts';

const whole = (min: number, max: number) =>
  z
    .number({ error: typeError('must be a number') })
    .check(z.int('must be a whole number'), z.minimum(min, `must be at least ${min}`), z.maximum(max, `must be at most ${max}`));
const onGrid = (min: number, max: number) => whole(min, max).check(z.refine((n) => n % GRID_MINUTES === 0, `must be a multiple of ${GRID_MINUTES} minutes`));

const time = z.string().check(
  z.maxLength(5, 'must be a time like 09:00'),
  z.refine((t) => t.length > 5 || isLocalTime(t), 'must be a time like 09:00'),
);
const timeWindow = z.object({ start: time, end: time }).check(
  z.refine((w) => !isLocalTime(w.start) || !isLocalTime(w.end) || minutesOf(w.start) < minutesOf(w.end), {
    message: 'must end after it starts',
    path: ['end'],
  }),
);
const dayWindows = z.array(timeWindow).check(
  z.maxLength(4, 'at most 4 windows a day'),
  z.refine(
    (ws) => [...ws].sort((a, b) => a.start.localeCompare(b.start)).every((w, i, all) => i === 0 || all[i - 1]!.end <= w.start),
    'windows must not overlap',
  ),
);
export const weeklyHours = z.object(
  Object.fromEntries(WEEKDAYS.map((d) => [d, z.optional(dayWindows)])) as Record<(typeof WEEKDAYS)[number], z.ZodMiniOptional<typeof dayWindows>>,
);

export const bookingSettings = z.object({
  enabled: z.boolean(),
  bookingTypes: z.array(z.enum(BOOKING_TYPES, { error: 'must be in-person, video or phone' })).check(z.minLength(1, 'needs at least one way to meet')),
  autoConfirm: z.boolean(),
  cancelCutoffHours: whole(0, 720),
  durationMinutes: onGrid(15, 480),
  stepMinutes: onGrid(0, 480),
  advanceDays: whole(1, 365),
  minNoticeHours: whole(0, 720),
  maxPerDay: whole(0, 500),
  bufferBeforeMinutes: whole(0, 240),
  bufferAfterMinutes: whole(0, 240),
  businessHours: weeklyHours,
  blackoutDates: z.array(isoDate).check(z.maxLength(366, 'at most 366 dates')),
  hourlyRate: money,
  peakPercent: whole(0, 500),
  peakHours: weeklyHours,
  weekendPercent: whole(0, 500),
  rushWithinHours: whole(0, 720),
  rushPercent: whole(100, 500),
});

export const updateServiceBookingInput = z.extend(bookingSettings, { version });
