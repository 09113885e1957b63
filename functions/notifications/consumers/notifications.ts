/**
 * Turns events into notifications for the people they concern, stored for the bell and pushed
 * live to their open WebSockets, once per event (the consumer chain's marker); whoever is not
 * online hears by email as they chose (email-delivery.ts). Also closes the WebSockets of a
 * person whose sessions ended (deactivation, password reset).
 */
import { databaseOf } from '../../../shared/db/service.ts';
import { User } from '../../../shared/db/entities/user.ts';
import { ServiceRequest, UNASSIGNED } from '../../../shared/db/entities/service-request.ts';
import { SERIES_EVENTS } from '../../../shared/domain/bookings/series.ts';
import type { EventDetail, EventOf, EventType } from '../../../shared/events/catalogue.ts';
import { BOOKING_EVENTS, REQUEST_EVENTS, SESSION_END_EVENTS, TASK_EVENTS, TICKET_NOTICE_EVENTS } from '../../../shared/events/rules.ts';
import { SupportTicket } from '../../../shared/db/entities/conversation.ts';
import { accessOf, contactOf } from '../../../shared/domain/customers/customers.ts';
import { isStaff } from '../../../shared/domain/identity/permissions.ts';
import { consumerHandler, type Reactions } from '../../lib/consumer.ts';
import { closeConnections, closeFirmConnections, pushToUser } from '../../lib/realtime.ts';
import { activeIdsWithRoles } from '../../team/staff-load.ts';
import { deliverNotices } from '../email-delivery.ts';
import { bookingNotices, requestNotices, requestWatchers, seriesNotices, taskNotices, taskWatchers, ticketNotices } from '../audience.ts';

const database = databaseOf({ user: User, request: ServiceRequest, ticket: SupportTicket });

interface Plan {
  /** Each recipient with the kind of notice they get. */
  notices: { userId: string; kind: string }[];
  values: Record<string, string>;
  link?: string;
  /** Who gets a live "this changed" message so open pages refresh (beyond the notices). */
  refresh?: { userIds: string[]; message: Record<string, unknown> };
}

const activeWithRole = (tenantId: string, role: 'ADMIN' | 'TEAM_LEAD') => activeIdsWithRoles(database().entities, tenantId, [role]);

async function requestPlan(type: EventOf<'request'>, d: EventDetail<EventOf<'request'>>): Promise<Plan> {
  const [admins, leads] = await Promise.all([activeWithRole(d.tenantId, 'ADMIN'), activeWithRole(d.tenantId, 'TEAM_LEAD')]);
  return {
    notices: requestNotices(type, d, admins),
    values: {
      reference: d.reference,
      title: d.title,
      status: d.status,
      actor: d.actorName ?? '',
      client: d.clientName ?? '',
    },
    // A neutral link: /request/ sends each person to the request in their own area.
    link: `/request/?id=${d.requestId}`,
    refresh: { userIds: requestWatchers(d, [...admins, ...leads]), message: { type: 'request.changed', requestId: d.requestId, status: d.status } },
  };
}

async function taskPlan(type: EventOf<'task'>, d: EventDetail<EventOf<'task'>>): Promise<Plan> {
  const [admins, leads] = await Promise.all([activeWithRole(d.tenantId, 'ADMIN'), activeWithRole(d.tenantId, 'TEAM_LEAD')]);
  return {
    notices: taskNotices(type, d),
    values: { title: d.title, reference: d.reference ?? '', status: d.status, actor: d.actorName ?? '' },
    link: `/task/?id=${d.taskId}`,
    refresh: { userIds: taskWatchers(d, [...admins, ...leads]), message: { type: 'task.changed', taskId: d.taskId, requestId: d.requestId, status: d.status } },
  };
}

async function bookingPlan(type: (typeof BOOKING_EVENTS)[number], d: EventDetail<(typeof BOOKING_EVENTS)[number]>): Promise<Plan> {
  const [admins, leads] = await Promise.all([activeWithRole(d.tenantId, 'ADMIN'), activeWithRole(d.tenantId, 'TEAM_LEAD')]);
  return {
    notices: bookingNotices(type, d, admins),
    values: { reference: d.reference, service: d.serviceName, client: d.clientName, actor: d.actorName ?? '' },
    link: `/request/?id=${d.requestId}`,
    // Calendars and appointment lists refresh for everyone who sees them, and the client's portal.
    refresh: { userIds: requestWatchers(d, [...admins, ...leads]), message: { type: 'booking.changed', bookingId: d.requestId, start: d.start } },
  };
}

/** A series booked, moved or cancelled: one notice for all its bookings (each booking's own event refreshes pages). */
async function seriesPlan(type: (typeof SERIES_EVENTS)[number], d: EventDetail<(typeof SERIES_EVENTS)[number]>): Promise<Plan | undefined> {
  const { entities } = database();
  const keys = d.bookingIds.map((requestId) => ({ tenantId: d.tenantId, requestId }));
  const [{ data: bookings }, { data: actor }, admins] = await Promise.all([
    entities.request.get(keys).go(),
    entities.user.get({ tenantId: d.tenantId, userId: d.actorId }).go(),
    activeWithRole(d.tenantId, 'ADMIN'),
  ]);
  const first = bookings.sort((a, b) => (a.scheduledAt ?? '').localeCompare(b.scheduledAt ?? ''))[0];
  if (!first) return undefined;
  return {
    notices: seriesNotices(
      type,
      d,
      bookings.map((b) => b.assigneeId).filter((u) => u !== UNASSIGNED),
      admins,
    ),
    values: { count: String(bookings.length), service: first.serviceName, client: first.clientName, actor: actor?.name ?? '' },
    link: `/request/?id=${first.requestId}`,
  };
}

/** Tells each person concerned (bell, live, email: email-delivery.ts), then refreshes open pages. */
async function notify(d: EventDetail<EventType>, planned: Plan | undefined): Promise<void | 'skipped'> {
  if (!planned) return 'skipped';
  const notices = planned.notices.filter((n) => n.userId !== d.actorId);
  await deliverNotices(d.tenantId, notices, { values: planned.values, link: planned.link }, d.at, d.eventId);
  if (planned.refresh) await Promise.all(planned.refresh.userIds.map((userId) => pushToUser(d.tenantId, userId, planned.refresh!.message as { type: string })));
}

async function joined(d: EventDetail<'user.joined'>): Promise<Plan | undefined> {
  const { data: person } = await database().entities.user.get({ tenantId: d.tenantId, userId: d.userId }).go();
  if (!person) return undefined;
  const kind = d.source === 'self' ? 'user.signed_up' : 'user.joined';
  return {
    notices: (await activeWithRole(d.tenantId, 'ADMIN')).map((userId) => ({ userId, kind })),
    values: { name: person.name, role: person.role },
    link: '/admin/users/',
  };
}

/**
 * A document's file found infected or unscannable: the admins hear, with the quarantine console's
 * link, and its uploader, with their documents' (one not of the type its name says: the uploader only).
 */
async function documentAlert(d: EventDetail<'document.scanned'>): Promise<void> {
  const kind = `document.${d.status}`;
  const values = { name: d.name };
  const [admins, { data: uploader }] = await Promise.all([
    d.status === 'rejected' ? ([] as string[]) : activeWithRole(d.tenantId, 'ADMIN'),
    database().entities.user.get({ tenantId: d.tenantId, userId: d.uploadedBy }).go(),
  ]);
  await notify(d, { notices: admins.map((userId) => ({ userId, kind })), values, link: '/admin/documents/' });
  if (!uploader || admins.includes(uploader.userId)) return;
  const link = uploader.role === 'CLIENT' ? '/portal/documents/' : `/${uploader.role === 'ADMIN' ? 'admin' : 'staff'}/clients/view/?id=${d.customerId}`;
  await notify(d, { notices: [{ userId: uploader.userId, kind }], values, link });
}

/** A customer's active contacts (client users), who are asked for documents; or only those with `access` to all its records. */
async function contactsOf(tenantId: string, customerId: string, access?: 'full'): Promise<string[]> {
  const { data } = await database().entities.user.query.byCustomer({ tenantId, customerId }).go({ pages: 'all' });
  return data.filter((u) => u.role === 'CLIENT' && u.status === 'active' && (!access || accessOf(contactOf(u)) === access)).map((u) => u.userId);
}

/** Asked for a document, or reminded of it: the customer's contacts, with their home's link (it lists what is asked). */
async function documentRequestPlan(type: 'document_request.created' | 'document_request.reminded', d: EventDetail<typeof type>): Promise<Plan> {
  return {
    notices: (await contactsOf(d.tenantId, d.customerId)).map((userId) => ({ userId, kind: type })),
    values: { title: d.title, due: d.dueDate },
    link: '/portal/',
  };
}

/** A file sent for a request was scanned clean: whoever asked hears, with the client's page. */
async function fulfilledPlan(d: EventDetail<'document_request.fulfilled'>): Promise<Plan | undefined> {
  const { data: asker } = await database().entities.user.get({ tenantId: d.tenantId, userId: d.requestedBy }).go();
  if (!asker) return undefined;
  return {
    notices: [{ userId: asker.userId, kind: 'document_request.fulfilled' }],
    values: { title: d.title },
    link: `/${asker.role === 'ADMIN' ? 'admin' : 'staff'}/clients/view/?id=${d.customerId}`,
  };
}

/** A zip someone asked for is built: they hear, with the documents page that offers it. */
async function zipReadyPlan(d: EventDetail<'document.zip_ready'>): Promise<Plan | undefined> {
  const { data: person } = await database().entities.user.get({ tenantId: d.tenantId, userId: d.requestedBy }).go();
  if (!person) return undefined;
  const zip = `zip=${encodeURIComponent(d.zipId)}`;
  return {
    notices: [{ userId: person.userId, kind: 'document.zip_ready' }],
    values: { name: d.name, files: String(d.files) },
    link: person.role === 'CLIENT' ? `/portal/documents/?${zip}` : `/${person.role === 'ADMIN' ? 'admin' : 'staff'}/clients/view/?id=${d.customerId}&${zip}`,
  };
}

/** A firm's export is built: whoever asked hears, with the settings page that offers it. */
async function firmExportPlan(d: EventDetail<'firm.export_ready'>): Promise<Plan | undefined> {
  const { data: person } = await database().entities.user.get({ tenantId: d.tenantId, userId: d.requestedBy }).go();
  if (!person || person.status !== 'active') return undefined;
  return {
    notices: [{ userId: person.userId, kind: 'firm.export_ready' }],
    values: { records: String(d.records), files: String(d.files) },
    link: `/admin/settings/?export=${encodeURIComponent(d.exportId)}#data`,
  };
}

/**
 * A support ticket's news (audience.ts `ticketNotices`). Its client side is who raised it or,
 * when staff raised it, the customer's contacts who see all of its tickets.
 */
async function ticketPlan(type: (typeof TICKET_NOTICE_EVENTS)[number], d: EventDetail<typeof type>): Promise<Plan | undefined> {
  const { entities } = database();
  const [{ data: t }, { data: actor }] = await Promise.all([
    entities.ticket.get({ tenantId: d.tenantId, ticketId: d.ticketId }).go(),
    entities.user.get({ tenantId: d.tenantId, userId: d.actorId }).go(),
  ]);
  if (!t || !actor) return undefined;
  const fromConversation = t.source === 'conversation';
  // Who had it when it changed (the event says), not who has it now.
  const { assigneeId } = d;
  const [clients, staffWhoSeeAll] = await Promise.all([
    fromConversation ? [] : t.raisedBy ? [t.raisedBy] : t.customerId ? contactsOf(d.tenantId, t.customerId, 'full') : [],
    assigneeId ? [] : activeIdsWithRoles(entities, d.tenantId, ['ADMIN', 'TEAM_LEAD']),
  ]);
  const facts = {
    actorId: d.actorId,
    byStaff: isStaff(actor.role),
    fromConversation,
    assigneeId,
    ...(type === 'ticket.commented' && { internal: (d as EventDetail<'ticket.commented'>).internal }),
    ...(type === 'ticket.updated' && { fields: (d as EventDetail<'ticket.updated'>).fields }),
  };
  return {
    notices: ticketNotices(type, facts, { clients, staffWhoSeeAll }),
    // The status it moved to (a later change may have moved it on).
    values: {
      subject: t.subject,
      customer: t.customerName,
      actor: actor.name,
      status: type === 'ticket.updated' ? (d as EventDetail<'ticket.updated'>).status : t.status,
    },
    link: `/ticket/?id=${t.ticketId}`,
  };
}

/** A person's sessions ended: their open sockets close. A reset spares connections opened after it: the person may sign in again at once. */
const endSessions = (d: EventDetail<(typeof SESSION_END_EVENTS)[number]>, type: (typeof SESSION_END_EVENTS)[number]) =>
  closeConnections(d.tenantId, d.userId, type === 'auth.password_reset' ? d.at : undefined).then(() => undefined);

/** Who hears of what. */
const reactions: Reactions = {
  'user.joined': async (d) => notify(d, await joined(d)),
  ...Object.fromEntries(REQUEST_EVENTS.map((type) => [type, async (d: EventDetail<typeof type>) => notify(d, await requestPlan(type, d))])),
  ...Object.fromEntries(TASK_EVENTS.map((type) => [type, async (d: EventDetail<typeof type>) => notify(d, await taskPlan(type, d))])),
  ...Object.fromEntries(BOOKING_EVENTS.map((type) => [type, async (d: EventDetail<typeof type>) => notify(d, await bookingPlan(type, d))])),
  ...Object.fromEntries(SERIES_EVENTS.map((type) => [type, async (d: EventDetail<typeof type>) => notify(d, await seriesPlan(type, d))])),
  ...Object.fromEntries(SESSION_END_EVENTS.map((type) => [type, endSessions])),
  'firm.suspended': (d) => closeFirmConnections(d.tenantId).then(() => undefined),
  'document.scanned': documentAlert,
  'document_request.created': async (d) => notify(d, await documentRequestPlan('document_request.created', d)),
  'document_request.reminded': async (d) => notify(d, await documentRequestPlan('document_request.reminded', d)),
  'document_request.fulfilled': async (d) => notify(d, await fulfilledPlan(d)),
  'document.zip_ready': async (d) => notify(d, await zipReadyPlan(d)),
  'firm.export_ready': async (d) => notify(d, await firmExportPlan(d)),
  ...Object.fromEntries(TICKET_NOTICE_EVENTS.map((type) => [type, async (d: EventDetail<typeof type>) => notify(d, await ticketPlan(type, d))])),
};

export const handler = consumerHandler({
  name: 'notifications',
  idempotency: 'marker',
  reactions,
  // Closing twice does no harm, so no marker.
  repeatable: SESSION_END_EVENTS,
});
