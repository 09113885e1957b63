/**
 * A booking's changes become emails with a calendar invite: to the client (with the manage
 * link; a new secret per email, made here at sending time) and to the staff member who takes
 * it (with a link to the booking). Times are in each reader's zone and language; the invite
 * keeps the booking's UID and the SEQUENCE the change gave it, so calendars update in place.
 * A series is announced once, when all of it is booked: one email to the client and one to
 * each staff member, listing every date with its own link, with one invite holding them all.
 */
import type { EventBridgeEvent } from 'aws-lambda';
import { linksConfig, mailConfig } from '../../../shared/config.ts';
import { once } from '../../../shared/db/idempotency.ts';
import { ManageLink } from '../../../shared/db/entities/manage-link.ts';
import { ServiceRequest } from '../../../shared/db/entities/service-request.ts';
import { Tenant } from '../../../shared/db/entities/tenant.ts';
import { User } from '../../../shared/db/entities/user.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { inviteIcs, type Invite, type InviteEvent } from '../../../shared/domain/bookings/invite.ts';
import { SERIES_BOOKED, SERIES_CANCELLED, SERIES_RESCHEDULED } from '../../../shared/domain/bookings/series.ts';
import type { RequestItem } from '../../requests/request-access.ts';
import type { DomainEventDetail } from '../../../shared/events/rules.ts';
import { bookingEmail, seriesEmail, type BookingEmailKind, type SeriesEmailKind } from '../emails.ts';
import { issueManageLink } from '../manage-link.ts';
import { sendEmail, sendEmailWithInvite } from '../../lib/mailer.ts';

const database = databaseOf({ request: ServiceRequest, tenant: Tenant, user: User, manageLink: ManageLink });

const KINDS: Record<string, (d: DomainEventDetail) => BookingEmailKind> = {
  'booking.created': (d) => (d.confirmed ? 'booked' : 'pending'),
  // A held guest booking, confirmed by its address's owner: now theirs, announced to them as booked.
  'booking.claimed': (d) => (d.confirmed ? 'booked' : 'pending'),
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
  // A guest booking held for an account's address asks that address, without an invite, to confirm it (ADR 0016).
  const held = type === 'booking.created' && !!booking.awaitingOwnerUntil;
  const kind = held ? 'held' : KINDS[type]!(d);
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
  const common = {
    kind,
    firm: tenant.name,
    service: booking.serviceName,
    staffName: String(d.assigneeName ?? ''),
    bookingType: String(d.bookingType),
    start,
    end,
  };
  const owner = held ? (await db.entities.user.query.byEmail({ tenantId, email: booking.guestEmail! }).go({ limit: 1 })).data[0] : client;
  if (owner) {
    const link = cancelled
      ? `${linksConfig().PUBLIC_URL}/book/?firm=${tenant.slug}`
      : `${linksConfig().PUBLIC_URL}/book/manage/?token=${await issueManageLink(db, booking)}`;
    const email = bookingEmail({
      ...common,
      locale: owner.locale,
      to: owner.email,
      name: owner.name,
      zone: String(d.clientZone ?? owner.timeZone),
      link,
      forStaff: false,
    });
    await (held ? sendEmail(email) : sendEmailWithInvite(email, invite({ name: owner.name, email: owner.email }, link)));
  }
  // Staff heard of the booking when it was made.
  if (staff && type !== 'booking.claimed') {
    const link = `${linksConfig().PUBLIC_URL}/staff/request/?id=${booking.requestId}`;
    const email = bookingEmail({ ...common, locale: staff.locale, to: staff.email, name: booking.clientName, zone: staff.timeZone, link, forStaff: true });
    await sendEmailWithInvite(email, invite({ name: staff.name, email: staff.email }, link));
  }
}

/** Who, when and where each occurrence is, for one reader (client or staff member). */
async function occurrenceLines(bookings: RequestItem[], linkOf: (b: RequestItem) => Promise<string | undefined>) {
  return Promise.all(
    bookings.map(async (b) => ({
      uid: `${b.requestId}@service-portal`,
      sequence: b.inviteSequence ?? 0,
      start: b.scheduledAt!,
      end: b.endsAt!,
      staffName: b.assigneeName ?? '',
      link: await linkOf(b),
    })),
  );
}

const SERIES_KINDS: Record<string, SeriesEmailKind> = {
  [SERIES_BOOKED]: 'series',
  [SERIES_RESCHEDULED]: 'seriesRescheduled',
  [SERIES_CANCELLED]: 'seriesCancelled',
};

/** A series booked, or moved or cancelled from one of its bookings on: one email per reader, one invite (REQUEST or CANCEL) with an event per booking. */
async function sendSeries(d: DomainEventDetail, kind: SeriesEmailKind): Promise<void> {
  const cancelled = kind === 'seriesCancelled';
  const db = database();
  const { tenantId } = d;
  const ids = d.bookingIds as string[];
  const [{ data: found }, { data: tenant }, { data: client }] = await Promise.all([
    db.entities.request.get(ids.map((requestId) => ({ tenantId, requestId }))).go(),
    db.entities.tenant.get({ tenantId }).go(),
    db.entities.user.get({ tenantId, userId: String(d.clientId) }).go(),
  ]);
  // Of a booked series, occurrences cancelled since are left out; one moved since is listed at its new time.
  const bookings = found.filter((b) => (b.status === 'cancelled') === cancelled && !b.deletedAt).sort((a, b) => a.scheduledAt!.localeCompare(b.scheduledAt!));
  if (!tenant || bookings.length === 0) return;
  const first = bookings[0]!;
  const method: Invite['method'] = cancelled ? 'CANCEL' : 'REQUEST';
  const common = {
    kind,
    firm: tenant.name,
    service: first.serviceName,
    bookingType: first.bookingType ?? 'video',
    confirmed: first.confirmed === true,
    skipped: (d.skipped as string[] | undefined) ?? [],
  };
  const invite = (attendee: { name: string; email: string }, lines: Awaited<ReturnType<typeof occurrenceLines>>) => {
    const events: InviteEvent[] = lines.map((l) => ({ uid: l.uid, sequence: l.sequence, start: Date.parse(l.start), end: Date.parse(l.end), url: l.link }));
    const url = lines[0]!.link ?? `${linksConfig().PUBLIC_URL}/book/?firm=${tenant.slug}`;
    const base: Invite = {
      ...events[0]!,
      url,
      method,
      zone: first.firmZone ?? 'UTC',
      summary: `${first.serviceName} · ${tenant.name}`,
      description: first.description,
      organizer: { name: tenant.name, email: mailConfig().MAIL_FROM },
      attendee,
      stamp: Date.parse(d.at),
      confirmed: common.confirmed,
    };
    return { method, content: inviteIcs(base, events.slice(1)) };
  };
  if (client) {
    const lines = await occurrenceLines(bookings, async (b) =>
      cancelled ? undefined : `${linksConfig().PUBLIC_URL}/book/manage/?token=${await issueManageLink(db, b)}`,
    );
    const email = seriesEmail({
      ...common,
      locale: client.locale,
      to: client.email,
      name: client.name,
      zone: first.clientZone ?? client.timeZone,
      forStaff: false,
      occurrences: lines,
    });
    await sendEmailWithInvite(email, invite({ name: client.name, email: client.email }, lines));
  }
  const { data: staffMembers } = await db.entities.user.get([...new Set(bookings.map((b) => b.assigneeId))].map((userId) => ({ tenantId, userId }))).go();
  for (const staff of staffMembers) {
    const lines = await occurrenceLines(
      bookings.filter((b) => b.assigneeId === staff.userId),
      async (b) => `${linksConfig().PUBLIC_URL}/staff/request/?id=${b.requestId}`,
    );
    const email = seriesEmail({
      ...common,
      skipped: [],
      locale: staff.locale,
      to: staff.email,
      name: first.clientName,
      zone: staff.timeZone,
      forStaff: true,
      occurrences: lines,
    });
    await sendEmailWithInvite(email, invite({ name: staff.name, email: staff.email }, lines));
  }
}

export async function handler(event: EventBridgeEvent<string, DomainEventDetail>): Promise<void> {
  const type = event['detail-type'];
  const { detail } = event;
  // Bookings of a series booked or cancelled together are announced together, by the series' event.
  if (detail.withSeries) return;
  const series = SERIES_KINDS[type];
  if (!series && !KINDS[type]) return;
  await once({ tenantId: detail.tenantId, consumer: 'booking-emails', eventId: detail.eventId }, () =>
    series ? sendSeries(detail, series) : send(type, detail),
  );
}
