/**
 * Every 5 minutes: sends the booking reminders that have fallen due. They are read from the
 * due index by UTC hour (this hour and a few before, so an outage is caught up), one Query per
 * hour. Each is claimed with a conditional update before anything is sent — pending, and still
 * for the booking's current start — so runs twice, concurrently or after a crash send nothing
 * twice; a reschedule or cancellation retires the old reminders by rewriting or deleting them.
 * The same claim releases guest bookings held for an address that did not confirm them in time.
 */
import { localeFor } from '../../../shared/domain/locales.ts';
import { Logger } from '@aws-lambda-powertools/logger';
import type { EntityItem } from 'electrodb';
import { linksConfig } from '../../../shared/config.ts';
import { BookingReminder } from '../../../shared/db/entities/booking-reminder.ts';
import { ManageLink } from '../../../shared/db/entities/manage-link.ts';
import { ServiceRequest } from '../../../shared/db/entities/service-request.ts';
import { Tenant } from '../../../shared/db/entities/tenant.ts';
import { User } from '../../../shared/db/entities/user.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import type { JobEvent, JobResult } from '../../../shared/schedules.ts';
import { bookingEmail } from '../emails.ts';
import { issueManageLink } from '../manage-link.ts';
import { handleDue } from '../../lib/due.ts';
import { sendEmail } from '../../lib/mailer.ts';
import { cancelBooking } from '../cancel.ts';
import { CHANGE_ENTITIES } from '../entities.ts';
import { SYSTEM_ACTOR } from '../../../shared/domain/audit/actor.ts';
import { bookingSettingsOf } from '../../../shared/domain/bookings/settings.ts';
import { HOLD_EXPIRY_RECIPIENT } from '../../../shared/domain/identity/guests.ts';

const database = databaseOf({ reminder: BookingReminder, request: ServiceRequest, tenant: Tenant, user: User, manageLink: ManageLink });
const changes = databaseOf(CHANGE_ENTITIES);
const logger = new Logger({ serviceName: 'send-reminders' });
const CATCH_UP_HOURS = 6;

type Reminder = EntityItem<typeof BookingReminder>;

/** Takes the reminder for this run, or learns that another run (or a reschedule) already did. */
async function claim(r: Reminder, now: number): Promise<boolean> {
  try {
    await database()
      .entities.reminder.patch({ tenantId: r.tenantId, bookingId: r.bookingId, recipientId: r.recipientId, offsetMinutes: r.offsetMinutes })
      .set({ state: 'sending', claimedAt: new Date(now).toISOString() })
      .where((a, op) => `${op.eq(a.state, 'pending')} AND ${op.eq(a.startsAt, r.startsAt)}`)
      .go();
    return true;
  } catch (error) {
    if (error instanceof Error && /conditional/i.test(error.message)) return false;
    throw error;
  }
}

async function finish(r: Reminder, state: 'sent' | 'skipped'): Promise<void> {
  try {
    await database()
      .entities.reminder.patch({ tenantId: r.tenantId, bookingId: r.bookingId, recipientId: r.recipientId, offsetMinutes: r.offsetMinutes })
      .set({ state, ...(state === 'sent' && { sentAt: new Date().toISOString() }) })
      .go();
  } catch (error) {
    // Releasing a held booking cancels it, and cancelling deletes its reminders, this one too.
    if (!(error instanceof Error && /conditional/i.test(error.message))) throw error;
  }
}

/** A held guest booking nobody confirmed in time (ADR 0016) is cancelled, which frees its time; false when it was confirmed or cancelled meanwhile. */
async function releaseHold(r: Reminder, now: number): Promise<boolean> {
  const db = changes();
  const { data: booking } = await db.entities.request.get({ tenantId: r.tenantId, requestId: r.bookingId }).go();
  if (!booking?.awaitingOwnerUntil || booking.status === 'cancelled' || booking.deletedAt) return false;
  const { data: service } = await db.entities.service.get({ tenantId: r.tenantId, serviceId: booking.serviceId }).go();
  const ctx = { tenantId: r.tenantId, actorId: SYSTEM_ACTOR, actorRole: SYSTEM_ACTOR, actorName: 'Service Portal' };
  await cancelBooking(db, booking, bookingSettingsOf(service?.booking), {
    ctx,
    byStaff: true,
    now,
    version: booking.version,
    reason: 'Not confirmed in time by the address it was booked with',
  });
  return true;
}

/** Sends one claimed reminder; false when there is nothing to remind of any more. */
async function send(r: Reminder, now: number): Promise<boolean> {
  const db = database();
  const [{ data: booking }, { data: tenant }, { data: recipient }] = await Promise.all([
    db.entities.request.get({ tenantId: r.tenantId, requestId: r.bookingId }).go(),
    db.entities.tenant.get({ tenantId: r.tenantId }).go(),
    db.entities.user.get({ tenantId: r.tenantId, userId: r.recipientId }).go(),
  ]);
  const current = booking && !booking.deletedAt && booking.status !== 'cancelled' && booking.scheduledAt === r.startsAt && Date.parse(r.startsAt) > now;
  if (!current || !tenant || !recipient || recipient.reminderEmail === false) return false;
  const forStaff = recipient.userId === booking.assigneeId;
  const link = forStaff
    ? `${linksConfig().PUBLIC_URL}/staff/request/?id=${booking.requestId}`
    : `${linksConfig().PUBLIC_URL}/book/manage/?token=${await issueManageLink(db, booking, now)}`;
  await sendEmail(
    bookingEmail({
      kind: 'reminder',
      locale: localeFor(tenant, recipient.locale),
      to: recipient.email,
      name: booking.clientName,
      firm: tenant.name,
      service: booking.serviceName,
      staffName: booking.assigneeName ?? '',
      bookingType: booking.bookingType ?? 'video',
      start: booking.scheduledAt!,
      end: booking.endsAt!,
      zone: forStaff ? recipient.timeZone : (booking.clientZone ?? recipient.timeZone),
      link,
      forStaff,
    }),
    tenant,
  );
  return true;
}

export async function handler(event: JobEvent): Promise<JobResult> {
  const now = Date.parse(event.scheduledAt);
  const result = await handleDue(now, CATCH_UP_HOURS, {
    dueIn: async (dueHour) =>
      (await database().entities.reminder.query.byDueHour({ dueHour }).go({ pages: 'all' })).data.filter(
        (r) => r.state === 'pending' && Date.parse(r.dueAt) <= now,
      ),
    claim: (reminder) => claim(reminder, now),
    handle: (reminder) => (reminder.recipientId === HOLD_EXPIRY_RECIPIENT ? releaseHold(reminder, now) : send(reminder, now)),
    finish: (reminder, sent) => finish(reminder, sent ? 'sent' : 'skipped'),
  });
  logger.info('reminders', { scheduledAt: event.scheduledAt, ...result });
  return result;
}
