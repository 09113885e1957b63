/** The bell and live updates: WebSocket tickets, my notifications, marking them read; how I get them by email, and the emails' links. */
import { firmOf } from '../../lib/firm.ts';
import { requireOffered } from '../../lib/firm-languages.ts';
import type { EntityItem } from 'electrodb';
import { randomUUID } from 'node:crypto';
import { AppError, forbidden, notFound } from '../../../shared/api/errors.ts';
import { NOTIFICATIONS_SCHEMAS } from '../../../shared/api/schemas/notifications.ts';
import { queryPage } from '../../../shared/db/pagination.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { EmailLink } from '../../../shared/db/entities/email-link.ts';
import { Notification } from '../../../shared/db/entities/notification.ts';
import { RealtimeTicket } from '../../../shared/db/entities/realtime-ticket.ts';
import { User } from '../../../shared/db/entities/user.ts';
import { emailKindsFor, emailPreferencesOf } from '../../../shared/domain/notifications/email.ts';
import { actorFromClaims } from '../../lib/auth.ts';
import { contextHandler, type ReplyOf, type RequestOf } from '../../lib/http.ts';
import { formatLinkToken, hashSecret, namesRecord, newSecret, parseLinkToken, secretMatches } from '../../lib/link-token.ts';
import { toNotificationView } from '../view.ts';
import { NOTIFICATIONS_OPERATIONS } from '../../../shared/api/operations/notifications.ts';

const database = databaseOf({ notification: Notification, realtimeTicket: RealtimeTicket, user: User, emailLink: EmailLink });
type Person = EntityItem<typeof User>;

const TICKET_SECONDS = 30;

async function createRealtimeTicket(req: RequestOf<'createRealtimeTicket'>): Promise<ReplyOf<'createRealtimeTicket'>> {
  const { tenantId, userId } = req.actor;
  const ticketId = randomUUID();
  const secret = newSecret();
  const expiresAt = Math.floor(Date.now() / 1000) + TICKET_SECONDS;
  await database()
    .entities.realtimeTicket.create({ tenantId, ticketId, userId, secretHash: hashSecret(secret), expiresAt })
    .go();
  return {
    status: 201,
    body: { ticket: formatLinkToken({ tenantId, recordId: ticketId, secret }), expiresAt: new Date(expiresAt * 1000).toISOString(), path: '/ws' },
  };
}

async function listNotifications(req: RequestOf<'listNotifications'>): Promise<ReplyOf<'listNotifications'>> {
  const { tenantId, userId } = req.actor;
  const { limit, cursor } = req.query;
  const page = await queryPage(
    cursor,
    (from) => database().entities.notification.query.byUser({ tenantId, userId }).go({ limit, cursor: from, order: 'desc' }),
    toNotificationView,
  );
  return { body: page };
}

/**
 * Read markers are the reader's own state, keyed under their own user id: nobody can mark
 * another person's notifications. Not audited (it changes nothing of the firm's records).
 */
async function markRead(tenantId: string, userId: string, notificationIds: string[]): Promise<void> {
  const readAt = new Date().toISOString();
  const { notification } = database().entities;
  await Promise.all(
    [...new Set(notificationIds)].map((notificationId) =>
      notification
        .patch({ tenantId, userId, notificationId })
        .set({ readAt })
        .go()
        .catch((e: unknown) => {
          // Not one of mine (or gone): nothing to mark.
          if (!(e instanceof Error && /conditional/i.test(e.message))) throw e;
        }),
    ),
  );
}

async function markNotificationsRead(req: RequestOf<'markNotificationsRead'>): Promise<ReplyOf<'markNotificationsRead'>> {
  await markRead(req.actor.tenantId, req.actor.userId, req.body.notificationIds);
  return {};
}

async function me(req: { actor: { tenantId: string; userId: string } }) {
  const { data } = await database().entities.user.get({ tenantId: req.actor.tenantId, userId: req.actor.userId }).go();
  if (!data) throw notFound('Person');
  return data;
}

const preferencesView = (person: Person) => ({ ...emailPreferencesOf(person), kinds: emailKindsFor(person.role), locale: person.locale });

async function getEmailPreferences(req: RequestOf<'getEmailPreferences'>): Promise<ReplyOf<'getEmailPreferences'>> {
  return { body: preferencesView(await me(req)) };
}

/**
 * One's own settings, like the read markers: not audited. A new language must be one the firm
 * offers, and bumps the record's version so an admin's edit from before it is refused as stale.
 */
async function updateEmailPreferences(req: RequestOf<'updateEmailPreferences'>): Promise<ReplyOf<'updateEmailPreferences'>> {
  const person = await me(req);
  const offered = emailKindsFor(person.role);
  const off = [...new Set(req.body.off)].filter((k) => offered.includes(k));
  const locale = req.body.locale ?? person.locale;
  const relocated = locale !== person.locale;
  if (relocated) requireOffered(await firmOf(req.actor), locale);
  const set = { emailDigest: req.body.digest, emailOff: off, ...(relocated && { locale, version: person.version + 1 }) };
  await database().entities.user.patch({ tenantId: person.tenantId, userId: person.userId }).set(set).go();
  return { body: preferencesView({ ...person, ...set }) };
}

/** An emailed link: only for the person it was sent to (signed in as them), until it runs out; its notices become read. */
async function openEmailLink(req: RequestOf<'openEmailLink'>): Promise<ReplyOf<'openEmailLink'>> {
  const { tenantId, userId } = req.actor;
  const token = parseLinkToken(req.body.token);
  if (!token) throw notFound('Link');
  const { data: link } = await database().entities.emailLink.get({ tenantId: token.tenantId, linkId: token.recordId }).go();
  if (!link || !namesRecord(token, link.tenantId, link.linkId) || !secretMatches(link.secretHash, token.secret)) throw notFound('Link');
  if (link.tenantId !== tenantId || link.userId !== userId)
    throw forbidden('This link was emailed to someone else. Sign in as them to open it, or open the portal as yourself.');
  if (Date.parse(link.validUntil) <= Date.now()) throw new AppError('gone', 'This link has run out. Open the portal to find what it pointed to.');
  await markRead(tenantId, userId, link.notificationIds);
  return { body: { path: link.path } };
}

export const handler = contextHandler({
  routes: NOTIFICATIONS_OPERATIONS,
  schemas: NOTIFICATIONS_SCHEMAS,
  operations: { createRealtimeTicket, listNotifications, markNotificationsRead, getEmailPreferences, updateEmailPreferences, openEmailLink },
  authenticate: actorFromClaims,
});
