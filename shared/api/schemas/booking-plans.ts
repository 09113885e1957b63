/** Series plans: a rule's occurrences in the firm's zone, signed for booking-desk to place. */
import * as z from 'zod/mini';
import { FREQUENCIES, MAX_OCCURRENCES } from '../../domain/bookings/series.ts';
import { timeZone } from './booking.ts';
import { instant, isoDate, typeError } from './common.ts';
import type { Schemas } from './types.ts';

const whole = (min: number, max: number) =>
  z
    .number({ error: typeError('must be a whole number') })
    .check(z.int('must be a whole number'), z.minimum(min, `must be at least ${min}`), z.maximum(max, `must be at most ${max}`));

export const planInput = z
  .object({
    start: instant,
    /** The firm's zone: the rule runs on its wall clock. */
    zone: timeZone,
    frequency: z.enum(FREQUENCIES, { error: 'must be daily, weekly or monthly' }),
    interval: z._default(whole(1, 12), 1),
    count: z.optional(whole(2, MAX_OCCURRENCES)),
    until: z.optional(isoDate),
  })
  .check(z.refine((p) => (p.count === undefined) !== (p.until === undefined), { message: 'give either a number of times or an end date', path: ['count'] }));

export const seriesPlan = z.object({
  zone: z.string().check(z.maxLength(64)),
  rule: z.string().check(z.maxLength(100)),
  occurrences: z.array(instant).check(z.minLength(1), z.maxLength(MAX_OCCURRENCES)),
  expiresAt: instant,
});

export const signedPlan = z.object({ ...seriesPlan.shape, signature: z.string().check(z.maxLength(100)), truncated: z.optional(z.boolean()) });

export const BOOKING_PLANS_SCHEMAS = {
  planBookingSeries: { body: planInput, response: signedPlan },
} satisfies Record<string, Schemas>;
