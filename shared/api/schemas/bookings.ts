/** The signed-in bookings context: the calendar and a booking's confirmations and outcome. */
import * as z from 'zod/mini';
import { BOOKING_TYPES } from '../../domain/bookings/settings.ts';
import { bookingView, cancelInput, rangeChecks, seriesChangeView } from './booking.ts';
import { instant, page, pageQuery, version } from './common.ts';
import { customerBooking } from './customers.ts';
import type { Schemas } from './types.ts';

export const calendarQuery = z
  .object({
    from: instant,
    to: instant,
    staffId: z.optional(z.string().check(z.maxLength(64))),
    serviceId: z.optional(z.string().check(z.maxLength(64))),
    bookingType: z.optional(z.enum(BOOKING_TYPES, { error: 'must be in-person, video or phone' })),
  })
  .check(...rangeChecks);

export const calendarEntryView = z.object({
  bookingId: z.string(),
  reference: z.string(),
  start: z.string(),
  end: z.string(),
  staffId: z.string(),
  staffName: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  /** The customer the booking is for (its 360° page), if any. */
  customerId: z.optional(z.string()),
  bookingType: z.string(),
  confirmed: z.boolean(),
  /** The series the booking belongs to, if any. */
  seriesId: z.optional(z.string()),
  /** A guest booking held until its address confirms it (ADR 0016). */
  awaitingOwnerUntil: z.optional(z.string()),
});
export type CalendarEntryView = z.infer<typeof calendarEntryView>;

/** Appointments from now on (soonest first) or before now (latest first), a page at a time. */
export const appointmentsQuery = z.extend(pageQuery, { when: z._default(z.enum(['upcoming', 'past'], { error: 'must be upcoming or past' }), 'upcoming') });

/** An appointment in a client's (or a team member's own) list; `mine` when the reader booked it and may move or cancel it. */
export const appointmentView = z.extend(customerBooking, { mine: z.boolean() });
export type AppointmentView = z.infer<typeof appointmentView>;

export const outcomeInput = z.object({ version, outcome: z.enum(['attended', 'no_show'], { error: 'must be attended or no_show' }) });

export const BOOKINGS_SCHEMAS = {
  listBookings: { query: calendarQuery, response: z.object({ items: z.array(calendarEntryView) }) },
  confirmBooking: { body: z.object({ version }), response: bookingView },
  cancelBooking: { body: cancelInput, response: seriesChangeView },
  recordBookingOutcome: { body: outcomeInput, response: bookingView },
  openBookingLink: { response: z.object({ url: z.string() }) },
  listMyAppointments: { query: appointmentsQuery, response: page(appointmentView) },
} satisfies Record<string, Schemas>;
