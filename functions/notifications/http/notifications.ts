/** The bell and live updates: WebSocket tickets, my notifications, marking them read. */
import { randomUUID } from 'node:crypto';
import { NOTIFICATIONS_SCHEMAS } from '../../../shared/api/schemas/notifications.ts';
import { queryPage } from '../../../shared/db/pagination.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { Notification } from '../../../shared/db/entities/notification.ts';
import { RealtimeTicket } from '../../../shared/db/entities/realtime-ticket.ts';
import { actorFromClaims } from '../../lib/auth.ts';
import { contextHandler, type ReplyOf, type RequestOf } from '../../lib/http.ts';
import { formatLinkToken, hashSecret, newSecret } from '../../lib/link-token.ts';
import { toNotificationView } from '../view.ts';
import { NOTIFICATIONS_OPERATIONS } from '../../../shared/api/operations/notifications.ts';

const database = databaseOf({ notification: Notification, realtimeTicket: RealtimeTicket });

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
async function markNotificationsRead(req: RequestOf<'markNotificationsRead'>): Promise<ReplyOf<'markNotificationsRead'>> {
  const { tenantId, userId } = req.actor;
  const readAt = new Date().toISOString();
  const { notification } = database().entities;
  await Promise.all(
    [...new Set(req.body.notificationIds)].map((notificationId) =>
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
  return {};
}

export const handler = contextHandler({
  routes: NOTIFICATIONS_OPERATIONS,
  schemas: NOTIFICATIONS_SCHEMAS,
  operations: { createRealtimeTicket, listNotifications, markNotificationsRead },
  authenticate: actorFromClaims,
});
