/**
 * A booking's changes become emails with a calendar invite: to the client (with the manage
 * link; a new secret per email, made here at sending time) and to the staff member who takes
 * it (with a link to the booking). Times are in each reader's zone and language; the invite
 * keeps the booking's UID and the SEQUENCE the change gave it, so calendars update in place.
 * A series is announced once, when all of it is booked: one email to the client and one to
 * each staff member, listing every date with its own link, with one invite holding them all.
 */
import { localeFor } from '../../../shared/domain/locales.ts';
import { linksConfig, mailConfig } from '../../../shared/config.ts';
import { ManageLink } from '../../../shared/db/entities/manage-link.ts';
import { ServiceRequest } from '../../../shared/db/entities/service-request.ts';
import { Tenant } from '../../../shared/db/entities/tenant.ts';
import { User } from '../../../shared/db/entities/user.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { inviteIcs, type Invite, type InviteEvent } from '../../../shared/domain/bookings/invite.ts';
import { SERIES_BOOKED, SERIES_CANCELLED, SERIES_RESCHEDULED, type SERIES_EVENTS } from '../../../shared/domain/bookings/series.ts';
import type { RequestItem } from '../../requests/request-access.ts';
import type { EventDetail } from '../../../shared/events/catalogue.ts';
import { BOOKING_EMAIL_EVENTS } from '../../../shared/events/rules.ts';
import { consumerHandler } from '../../lib/consumer.ts';
import { bookingEmail, seriesEmail, type BookingEmailKind, type SeriesEmailKind } from '../emails.ts';
import { issueManageLink } from '../manage-link.ts';
import { sendEmail, sendEmailWithInvite } from '../../lib/mailer.ts';

const database = databaseOf({ request: ServiceRequest, tenant: Tenant, user: User, manageLink: ManageLink });

type Emailed = (typeof BOOKING_EMAIL_EVENTS)[number];

function kindOf(type: Emailed, confirmed: boolean | undefined): BookingEmailKind {
  if (type === 'booking.confirmed') return 'confirmed';
  if (type === 'booking.rescheduled') return 'rescheduled';
  if (type === 'booking.cancelled') return 'cancelled';
  // Created, or a held guest booking confirmed by its address's owner: now theirs, announced to them as booked.
  return confirmed ? 'booked' : 'pending';
}

async function send(d: EventDetail<Emailed>, type: Emailed): Promise<void | 'skipped'> {
  // Bookings of a series booked or cancelled together are announced together, by the series' event.
  if (d.withSeries) return 'skipped';
  const db = database();
  const { tenantId } = d;
  const [{ data: booking }, { data: tenant }, { data: client }, { data: staff }] = await Promise.all([
    db.entities.request.get({ tenantId, requestId: d.requestId }).go(),
    db.entities.tenant.get({ tenantId }).go(),
    db.entities.user.get({ tenantId, userId: d.clientId }).go(),
    db.entities.user.get({ tenantId, userId: d.assigneeId }).go(),
  ]);
  if (!booking || !tenant) return 'skipped';
  // A guest booking held for an account's address asks that address, without an invite, to confirm it (ADR 0016).
  const held = type === 'booking.created' && !!booking.awaitingOwnerUntil;
  const kind = held ? 'held' : kindOf(type, d.confirmed);
  const cancelled = kind === 'cancelled';
  const { start, end, firmZone: zone } = d;
  const invite = (attendee: { name: string; email: string }, url: string) => ({
    method: cancelled ? ('CANCEL' as const) : ('REQUEST' as const),
    content: inviteIcs({
      method: cancelled ? 'CANCEL' : 'REQUEST',
      uid: `${booking.requestId}@service-portal`,
      sequence: d.inviteSequence,
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
    staffName: d.assigneeName ?? '',
    bookingType: d.bookingType,
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
      locale: localeFor(tenant, owner.locale),
      to: owner.email,
      name: owner.name,
      zone: d.clientZone,
      link,
      forStaff: false,
    });
    await (held ? sendEmail(email, tenant) : sendEmailWithInvite(email, invite({ name: owner.name, email: owner.email }, link), tenant));
  }
  // Staff heard of the booking when it was made.
  if (staff && type !== 'booking.claimed') {
    const link = `${linksConfig().PUBLIC_URL}/staff/request/?id=${booking.requestId}`;
    const email = bookingEmail({
      ...common,
      locale: localeFor(tenant, staff.locale),
      to: staff.email,
      name: booking.clientName,
      zone: staff.timeZone,
      link,
      forStaff: true,
    });
    await sendEmailWithInvite(email, invite({ name: staff.name, email: staff.email }, link), tenant);
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

/** A series booked, or moved or cancelled from one of its bookings on: one email per reader, one invite (REQUEST or CANCEL) with an event per booking. */
async function sendSeries(d: EventDetail<(typeof SERIES_EVENTS)[number]>, kind: SeriesEmailKind): Promise<void | 'skipped'> {
  const cancelled = kind === 'seriesCancelled';
  const db = database();
  const { tenantId } = d;
  const ids = d.bookingIds;
  const [{ data: found }, { data: tenant }, { data: client }] = await Promise.all([
    db.entities.request.get(ids.map((requestId) => ({ tenantId, requestId }))).go(),
    db.entities.tenant.get({ tenantId }).go(),
    db.entities.user.get({ tenantId, userId: d.clientId }).go(),
  ]);
  // Of a booked series, occurrences cancelled since are left out; one moved since is listed at its new time.
  const bookings = found.filter((b) => (b.status === 'cancelled') === cancelled && !b.deletedAt).sort((a, b) => a.scheduledAt!.localeCompare(b.scheduledAt!));
  if (!tenant || bookings.length === 0) return 'skipped';
  const first = bookings[0]!;
  const method: Invite['method'] = cancelled ? 'CANCEL' : 'REQUEST';
  const common = {
    kind,
    firm: tenant.name,
    service: first.serviceName,
    bookingType: first.bookingType ?? 'video',
    confirmed: first.confirmed === true,
    skipped: 'skipped' in d ? d.skipped : [],
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
      locale: localeFor(tenant, client.locale),
      to: client.email,
      name: client.name,
      zone: first.clientZone ?? client.timeZone,
      forStaff: false,
      occurrences: lines,
    });
    await sendEmailWithInvite(email, invite({ name: client.name, email: client.email }, lines), tenant);
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
      locale: localeFor(tenant, staff.locale),
      to: staff.email,
      name: first.clientName,
      zone: staff.timeZone,
      forStaff: true,
      occurrences: lines,
    });
    await sendEmailWithInvite(email, invite({ name: staff.name, email: staff.email }, lines), tenant);
  }
}

export const handler = consumerHandler({
  name: 'booking-emails',
  idempotency: 'marker',
  reactions: {
    ...Object.fromEntries(BOOKING_EMAIL_EVENTS.map((type) => [type, send])),
    [SERIES_BOOKED]: (d) => sendSeries(d, 'series'),
    [SERIES_RESCHEDULED]: (d) => sendSeries(d, 'seriesRescheduled'),
    [SERIES_CANCELLED]: (d) => sendSeries(d, 'seriesCancelled'),
  },
});
