/**
 * A booking's changes become emails with a calendar invite: to the client (with the manage
 * link; a new secret per email, made here at sending time) and to the staff member who takes
 * it (with a link to the booking). Times are in each reader's zone and language; the invite
 * keeps the booking's UID and the SEQUENCE the change gave it, so calendars update in place.
 */
import type { EventBridgeEvent } from 'aws-lambda';
import { config, mailConfig } from '../../shared/config.ts';
import { once } from '../../shared/db/idempotency.ts';
import { ServiceRequest } from '../../shared/db/entities/service-request.ts';
import { Tenant } from '../../shared/db/entities/tenant.ts';
import { User } from '../../shared/db/entities/user.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { inviteIcs } from '../../shared/domain/bookings/invite.ts';
import type { DomainEventDetail } from '../../shared/events/rules.ts';
import { bookingEmail, type BookingEmailKind } from '../lib/bookings/emails.ts';
import { issueManageLink } from '../lib/bookings/manage-link.ts';
import { sendEmailWithInvite } from '../lib/mailer.ts';

const database = databaseOf({ request: ServiceRequest, tenant: Tenant, user: User });

const KINDS: Record<string, (d: DomainEventDetail) => BookingEmailKind> = {
  'booking.created': (d) => (d.confirmed ? 'booked' : 'pending'),
  'booking.confirmed': () => 'confirmed',
  'booking.rescheduled': () => 'rescheduled',
  'booking.cancelled': () => 'cancelled',
};

async function send(type: string, d: DomainEventDetail): Promise<void> {
  const db = database();
  const { tenantId } = d;
  const [{ data: booking }, { data: tenant }, { data: client }, { data: staff }] = await Promise.all([
    db.entities.request.get({ tenantId, requestId: String(d.requestId) }).go(),
    db.entities.tenant.get({ tenantId }).go(),
    db.entities.user.get({ tenantId, userId: String(d.clientId) }).go(),
    db.entities.user.get({ tenantId, userId: String(d.assigneeId) }).go(),
  ]);
  if (!booking || !tenant) return;
  const kind = KINDS[type]!(d);
  const cancelled = kind === 'cancelled';
  const [start, end, zone] = [String(d.start), String(d.end), String(d.firmZone)];
  const invite = (attendee: { name: string; email: string }, url: string) => ({
    method: cancelled ? ('CANCEL' as const) : ('REQUEST' as const),
    content: inviteIcs({
      method: cancelled ? 'CANCEL' : 'REQUEST',
      uid: `${booking.requestId}@service-portal`,
      sequence: Number(d.inviteSequence ?? 0),
      start: Date.parse(start),
      end: Date.parse(end),
      zone,
      summary: `${booking.serviceName} · ${tenant.name}`,
      description: booking.description,
      url,
      organizer: { name: tenant.name, email: mailConfig().MAIL_FROM },
      attendee,
      stamp: Date.parse(d.at),
      confirmed: d.confirmed === true,
    }),
  });
  const common = { kind, firm: tenant.name, service: booking.serviceName, staffName: String(d.assigneeName ?? ''), bookingType: String(d.bookingType), start, end };
  if (client) {
    const link = cancelled ? `${config().PUBLIC_URL}/book/?firm=${tenant.slug}` : `${config().PUBLIC_URL}/book/manage/?token=${await issueManageLink(db, booking)}`;
    const email = bookingEmail({ ...common, locale: client.locale, to: client.email, name: client.name, zone: String(d.clientZone ?? client.timeZone), link, forStaff: false });
    await sendEmailWithInvite(email, invite({ name: client.name, email: client.email }, link));
  }
  if (staff) {
    const link = `${config().PUBLIC_URL}/staff/request/?id=${booking.requestId}`;
    const email = bookingEmail({ ...common, locale: staff.locale, to: staff.email, name: booking.clientName, zone: staff.timeZone, link, forStaff: true });
    await sendEmailWithInvite(email, invite({ name: staff.name, email: staff.email }, link));
  }
}

export async function handler(event: EventBridgeEvent<string, DomainEventDetail>): Promise<void> {
  if (!KINDS[event['detail-type']]) return;
  await once({ tenantId: event.detail.tenantId, consumer: 'booking-emails', eventId: event.detail.eventId }, () => send(event['detail-type'], event.detail));
}
