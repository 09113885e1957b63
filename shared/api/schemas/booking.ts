/** Bookings as the API shows and takes them: shared by the public booking page and the signed-in bookings context. */
import * as z from 'zod/mini';
import { BOOKING_TYPES } from '../../domain/bookings/settings.ts';
import { firmLanguagesFields, locale } from './user.ts';
import { isTimeZone } from '../../domain/time/zoned.ts';
import { email, instant, personName, requiredString, version } from './common.ts';

const MAX_RANGE_DAYS = 42;

const NOT_A_ZONE = 'is not a time zone such as Europe/London';
export const timeZone = z.string().check(
  z.maxLength(64, NOT_A_ZONE),
  z.refine((zone) => zone.length > 64 || isTimeZone(zone), NOT_A_ZONE),
);

type Range = { from: string; to: string };
/** A time range (`from`, `to`): at most six weeks, so one answer stays small and quick. */
export const rangeChecks = [
  z.refine<Range>((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'must be after from', path: ['to'] }),
  z.refine<Range>((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_RANGE_DAYS * 86_400_000, {
    message: `must be at most ${MAX_RANGE_DAYS} days after from`,
    path: ['to'],
  }),
];

/** A window of slots, for anyone or one person. */
export const slotRangeQuery = z.object({ from: instant, to: instant, staffId: z.optional(z.string().check(z.maxLength(64))) }).check(...rangeChecks);

export const priceView = z.object({
  currency: z.string(),
  lines: z.array(z.object({ kind: z.enum(['base', 'overage', 'peak', 'weekend', 'rush']), amount: z.number() })),
  subtotal: z.number(),
  discount: z.optional(z.object({ code: z.string(), amount: z.number() })),
  total: z.number(),
  promoProblem: z.optional(z.string()),
});

export const slotsView = z.object({
  firmZone: z.string(),
  durationMinutes: z.number(),
  staff: z.array(z.object({ userId: z.string(), name: z.string() })),
  slots: z.array(z.object({ start: z.string(), end: z.string(), staffIds: z.array(z.string()), price: z.number() })),
});

export const bookingFields = {
  serviceId: requiredString(64),
  start: instant,
  staffId: z.optional(z.string().check(z.maxLength(64))),
  bookingType: z.optional(z.enum(BOOKING_TYPES, { error: 'must be in-person, video or phone' })),
  timeZone,
  notes: z._default(z.string().check(z.trim(), z.maxLength(2000)), ''),
  promoCode: z.optional(z.string().check(z.trim(), z.toUpperCase(), z.maxLength(40))),
};

export const quoteInput = z.object({ serviceId: requiredString(64), start: instant, promoCode: bookingFields.promoCode });

export const guestBookingInput = z.object({
  ...bookingFields,
  name: personName(120),
  email,
  phone: z.optional(z.string().check(z.maxLength(40, 'must be a phone number'), z.trim(), z.regex(/^\+?[0-9 ()-]{6,20}$/, 'must be a phone number'))),
  /** The guest's language, for their emails: the firm's default when not given. */
  locale: z.optional(locale),
});

export const bookingView = z.object({
  bookingId: z.string(),
  reference: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  clientName: z.string(),
  staffId: z.optional(z.string()),
  staffName: z.optional(z.string()),
  start: z.string(),
  end: z.string(),
  durationMinutes: z.number(),
  bookingType: z.string(),
  firmZone: z.string(),
  clientZone: z.string(),
  status: z.string(),
  confirmed: z.boolean(),
  price: z.optional(priceView),
  /** Until when the client may still reschedule or cancel. */
  changeableUntil: z.string(),
  /** The series the booking belongs to (its first booking's id) and the series' RRULE. */
  seriesId: z.optional(z.string()),
  recurrence: z.optional(z.string()),
  /** A guest booking held until its address confirms it (ADR 0016): released at this instant if not. */
  awaitingOwnerUntil: z.optional(z.string()),
  version: z.number(),
});

/** For a booking of a series: change this one only, or the series' later bookings too. */
export const seriesScope = () => z._default(z.enum(['one', 'following'], { error: 'must be one or following' }), 'one');

/**
 * A booking after a change "to this and the following": how many later bookings of its series
 * were moved or cancelled too, and those that were not (`start`, where a move would have taken
 * them, `to`, and why not).
 */
export const seriesChangeView = z.object({
  ...bookingView.shape,
  followingMoved: z.optional(z.number()),
  followingCancelled: z.optional(z.number()),
  followingSkipped: z.optional(z.array(z.object({ bookingId: z.string(), start: z.string(), to: z.optional(z.string()), message: z.string() }))),
});

export const managedBookingView = z.object({
  booking: bookingView,
  firm: z.object({ name: z.string(), slug: z.string(), accent: z.optional(z.string()), ...firmLanguagesFields }),
});

export const rescheduleInput = z.object({ start: instant, version, scope: seriesScope() });

/** Staff may book past warnings (never past errors) by saying so. */
export const force = () => z._default(z.boolean(), false);
export const cancelInput = z.object({
  version,
  reason: z._default(z.string().check(z.trim(), z.maxLength(500)), ''),
  scope: seriesScope(),
});
