/**
 * Booking helpers for tests: each test file gets its own skill, so the services it makes are
 * taken only by the staff it makes, whatever other files book meanwhile.
 */
import { randomUUID } from 'node:crypto';
import { database } from '../../shared/db/all-entities.ts';
import { DEFAULT_BOOKING_SETTINGS, type BookingSettings } from '../../shared/domain/bookings/settings.ts';
import type { WeeklyHours } from '../../shared/domain/bookings/availability.ts';
import { addDays, instantAt, localDateOf } from '../../shared/domain/time/zoned.ts';
import { api, joinAs, newVisitorAddress, type Signed } from './test-client.ts';

export const tenantId = 't-designpi';
export const firmZone = 'America/New_York';

export const everyDay = (start: string, end: string): WeeklyHours =>
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ start, end }]]));

/** An instant `minutes` after midnight in New York, `days` after today there. */
export const at = (days: number, minutes: number) => new Date(instantAt(firmZone, addDays(localDateOf(firmZone, Date.now()), days), minutes)!).toISOString();

export function bookingFixtures(hours: WeeklyHours = everyDay('09:00', '17:00')) {
  const run = randomUUID().slice(0, 8);
  const skill = `booking-test-${run}`;
  return {
    run,
    async service(overrides: Partial<BookingSettings> = {}): Promise<string> {
      const serviceId = `svc-${randomUUID().slice(0, 8)}`;
      const booking: BookingSettings = {
        ...DEFAULT_BOOKING_SETTINGS,
        enabled: true,
        minNoticeHours: 0,
        advanceDays: 60,
        businessHours: hours,
        bookingTypes: ['video', 'phone'],
        ...overrides,
      };
      await database()
        .entities.service.create({
          tenantId,
          serviceId,
          name: `Strategy call ${run}`,
          category: 'Consulting',
          basePrice: 15_000,
          currency: 'USD',
          estimatedHours: 1,
          requiredSkills: [skill],
          booking,
        })
        .go();
      return serviceId;
    },
    async staff(name: string): Promise<Signed & { email: string }> {
      const email = `${name.toLowerCase()}.${run}@designpi.test`;
      const signed = await joinAs({ email, name: `${name} ${run}`, role: 'TEAM_MEMBER', password: 'Booking-Passw0rd!' });
      await database()
        .entities.user.patch({ tenantId, userId: signed.userId })
        .set({ skills: [skill], timeZone: firmZone, workingHours: hours })
        .go();
      return { ...signed, email };
    },
  };
}

/** Each guest booking comes from a visitor of its own, so the hourly allowance per address holds nobody else back. */
export const bookAsGuest = (
  serviceId: string,
  start: string,
  who: { name: string; email: string },
  extra: Record<string, unknown> = {},
  from = newVisitorAddress(),
) => api('/api/book/designpi/bookings', { method: 'POST', from, body: JSON.stringify({ serviceId, start, timeZone: 'Europe/London', ...who, ...extra }) });
