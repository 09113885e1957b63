/** The items a booking writes besides itself, built from it: calendar entry, slot locks, reminders, and its audit entry and event. */
import { auditAndEvent, type ChangeContext } from '../../shared/db/mutation.ts';
import type { DomainEvent, EventDetailInput, EventOf } from '../../shared/events/catalogue.ts';
import type { SERIES_EVENTS } from '../../shared/domain/bookings/series.ts';
import type { FieldChange } from '../../shared/domain/audit/diff.ts';
import { GRID_MINUTES, MINUTE, type Interval, type ProblemCode } from '../../shared/domain/bookings/availability.ts';
import type { PromoProblem } from '../../shared/domain/bookings/pricing.ts';
import { reminderDueAt } from '../../shared/domain/bookings/reminders.ts';
import { DEFAULT_REMINDER_OFFSETS } from '../../shared/domain/bookings/settings.ts';
import { HOLD_EXPIRY_RECIPIENT } from '../../shared/domain/identity/guests.ts';
import type { RequestItem } from '../requests/request-access.ts';
import { NO_CUSTOMER, customerOf } from '../../shared/db/entities/customer.ts';
import type { BookingDb } from './booking-entities.ts';
import type { ChangeDb } from './entities.ts';
import type { CalendarItem, UserItem } from './load.ts';

export type { BookingDb, ChangeDb };
type TransactionEntities = Parameters<Parameters<ChangeDb['transaction']['write']>[0]>[0];

const GRAIN = GRID_MINUTES * MINUTE;
const KEEP_SECONDS = 30 * 86_400;

export const PROBLEM_MESSAGES: Record<ProblemCode | PromoProblem, string> = {
  'off-grid': 'Bookings start on the quarter hour.',
  'in-the-past': 'That time has passed.',
  'blackout-date': 'The firm takes no bookings that day.',
  'time-off': 'That person is away then.',
  'double-booked': 'That time is already booked.',
  'too-soon': 'That is sooner than the firm takes bookings.',
  'too-far-ahead': 'That is further ahead than the firm takes bookings.',
  'outside-business-hours': 'That is outside the firm’s booking hours.',
  'not-offered': 'Choose one of the offered start times.',
  'outside-working-hours': 'That is outside the person’s working hours.',
  buffer: 'That is too close to another appointment.',
  'service-daily-limit': 'This service is fully booked that day.',
  'staff-daily-limit': 'That person is fully booked that day.',
  'promo-not-yet-valid': 'is not valid yet',
  'promo-expired': 'has expired',
  'promo-used-up': 'has been used up',
  'promo-already-used': 'has already been used by you',
  'promo-below-minimum': 'needs a larger booking',
  'promo-wrong-currency': 'is in another currency',
};

/** The grains (15-minute steps) of a slot, as the lock keys write them. */
function grainsOf(slot: Interval): string[] {
  const grains: string[] = [];
  for (let t = Math.floor(slot.start / GRAIN) * GRAIN; t < slot.end; t += GRAIN) grains.push(String(t).padStart(15, '0'));
  return grains;
}

export function lockItems(booking: RequestItem, slot: Interval) {
  return grainsOf(slot).map((grain) => ({
    tenantId: booking.tenantId,
    staffId: booking.assigneeId,
    grain,
    seat: booking.seat ?? 0,
    bookingId: booking.requestId,
    expiresAt: Math.floor(Number(grain) / 1000) + KEEP_SECONDS,
  }));
}

/** The lowest seat of the person that no overlapping booking holds (one seat for most people). */
export function seatFor(entries: readonly CalendarItem[], staff: UserItem, slot: Interval, ignoreBookingId?: string): number {
  const taken = new Set(
    entries
      .filter((e) => e.staffId === staff.userId && e.bookingId !== ignoreBookingId && Date.parse(e.start) < slot.end && slot.start < Date.parse(e.end))
      .map((e) => e.seat),
  );
  const seats = staff.maxConcurrentBookings ?? 1;
  for (let seat = 0; seat < seats; seat++) if (!taken.has(seat)) return seat;
  return 0; // all held: the locks will say so
}

export const bookingSlot = (b: RequestItem): Interval => ({ start: Date.parse(b.scheduledAt!), end: Date.parse(b.endsAt!) });

export function calendarEntryOf(b: RequestItem): CalendarItem {
  return {
    tenantId: b.tenantId,
    month: b.scheduledAt!.slice(0, 7),
    start: b.scheduledAt!,
    end: b.endsAt!,
    bookingId: b.requestId,
    reference: b.reference,
    staffId: b.assigneeId,
    staffName: b.assigneeName ?? '',
    seat: b.seat ?? 0,
    serviceId: b.serviceId,
    serviceName: b.serviceName,
    clientId: b.clientId,
    clientName: b.clientName,
    customerId: b.customerId ?? NO_CUSTOMER,
    bookingType: b.bookingType ?? 'video',
    confirmed: b.confirmed ?? false,
    bufferBeforeMinutes: b.bufferBeforeMinutes ?? 0,
    bufferAfterMinutes: b.bufferAfterMinutes ?? 0,
    ...(b.seriesId && { seriesId: b.seriesId }),
    ...(b.awaitingOwnerUntil && { awaitingOwnerUntil: b.awaitingOwnerUntil }),
  };
}

export interface ReminderRecipient {
  userId: string;
  /** Whole-day offsets are counted on this zone's clock. */
  zone: string;
  offsets?: number[] | undefined;
  email?: boolean | undefined;
}

/** One reminder per recipient and offset that is still ahead (offsets already past when booked or moved are not written). */
export function reminderItems(b: RequestItem, recipients: readonly ReminderRecipient[], now: number) {
  const start = Date.parse(b.scheduledAt!);
  return recipients
    .filter((r) => r.email !== false)
    .flatMap((r) =>
      [...new Set(r.offsets?.length ? r.offsets : DEFAULT_REMINDER_OFFSETS)].map((offsetMinutes) => {
        const dueAt = new Date(reminderDueAt(start, offsetMinutes, r.zone)).toISOString();
        return {
          tenantId: b.tenantId,
          bookingId: b.requestId,
          recipientId: r.userId,
          offsetMinutes,
          dueAt,
          dueHour: dueAt.slice(0, 13),
          startsAt: b.scheduledAt!,
          state: 'pending' as const,
          expiresAt: Math.floor(start / 1000) + KEEP_SECONDS,
        };
      }),
    )
    .filter((r) => Date.parse(r.dueAt) > now);
}

/** The item whose falling due (in the reminder job) releases a held booking its address did not confirm. */
export function holdExpiryOf(b: RequestItem) {
  const dueAt = b.awaitingOwnerUntil!;
  return {
    tenantId: b.tenantId,
    bookingId: b.requestId,
    recipientId: HOLD_EXPIRY_RECIPIENT,
    offsetMinutes: 0,
    dueAt,
    dueHour: dueAt.slice(0, 13),
    startsAt: b.scheduledAt!,
    state: 'pending' as const,
    expiresAt: Math.floor(Date.parse(b.scheduledAt!) / 1000) + KEEP_SECONDS,
  };
}

type BookingChange = Exclude<EventOf<'booking'>, (typeof SERIES_EVENTS)[number]>;

/** What every booking change's event carries about the booking itself. */
const bookingDetail = (b: RequestItem, ctx: ChangeContext) => ({
  requestId: b.requestId,
  reference: b.reference,
  title: b.title,
  serviceName: b.serviceName,
  clientId: b.clientId,
  clientName: b.clientName,
  assigneeId: b.assigneeId,
  assigneeName: b.assigneeName,
  status: b.status,
  start: b.scheduledAt!,
  end: b.endsAt!,
  firmZone: b.firmZone!,
  clientZone: b.clientZone!,
  bookingType: b.bookingType!,
  confirmed: b.confirmed,
  inviteSequence: b.inviteSequence ?? 0,
  ...(b.seriesId && { seriesId: b.seriesId }),
  actorName: ctx.actorName,
});

/** The audit entry and event of a booking change; the event carries what emails, notices and counters need. */
export function bookingEvent<T extends BookingChange>(
  e: TransactionEntities,
  ctx: ChangeContext,
  b: RequestItem,
  type: T,
  extra: Omit<EventDetailInput<T>, keyof ReturnType<typeof bookingDetail>> & Partial<EventDetailInput<T>>,
  changes: FieldChange[] = [],
) {
  // The type and its detail belong together by T; TypeScript cannot see that through the union.
  const event = { type, detail: { ...bookingDetail(b, ctx), ...extra } } as DomainEvent;
  return auditAndEvent(e, ctx, { action: type, entityType: 'request', entityId: b.requestId, customerId: customerOf(b), changes, event });
}
