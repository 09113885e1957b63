/** The public booking page: services, free slots, quotes. */
import { firmLanguagesFields } from './user.ts';
import * as z from 'zod/mini';
import { BOOKING_TYPES } from '../../domain/bookings/settings.ts';
import { priceView, quoteInput, slotRangeQuery, slotsView } from './booking.ts';
import type { Schemas } from './types.ts';

export const bookingPage = z.object({
  firm: z.object({ slug: z.string(), name: z.string(), timeZone: z.string(), currency: z.string(), accent: z.optional(z.string()), ...firmLanguagesFields }),
  services: z.array(
    z.object({
      serviceId: z.string(),
      name: z.string(),
      description: z.string(),
      category: z.string(),
      basePrice: z.number(),
      currency: z.string(),
      durationMinutes: z.number(),
      bookingTypes: z.array(z.enum(BOOKING_TYPES)),
    }),
  ),
});

/** The availability context's operations → schemas. */
export const AVAILABILITY_SCHEMAS = {
  getBookingPage: { response: bookingPage },
  getBookingSlots: { query: slotRangeQuery, response: slotsView },
  quoteBooking: { body: quoteInput, response: priceView },
} satisfies Record<string, Schemas>;
