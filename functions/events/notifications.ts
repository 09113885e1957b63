/**
 * Turns events into notifications for the people they concern, stored for the bell and pushed
 * live to their open WebSockets. Idempotent: one notification per event and recipient.
 */
import type { EventBridgeEvent } from 'aws-lambda';
import { once } from '../../shared/db/idempotency.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { User } from '../../shared/db/entities/user.ts';
import { Notification } from '../../shared/db/entities/notification.ts';
import type { DomainEventDetail } from '../../shared/events/rules.ts';
import { pushToUser } from '../lib/realtime.ts';
import { toNotificationView } from '../notifications/view.ts';

const database = databaseOf({ user: User, notification: Notification });

const KEEP_SECONDS = 90 * 24 * 3600;

interface Plan {
  kind: string;
  recipients: string[];
  values: Record<string, string>;
  link?: string;
}

async function adminsOf(tenantId: string): Promise<string[]> {
  const { data } = await database().entities.user.query.byRole({ tenantId, role: 'ADMIN' }).go({ pages: 'all' });
  return data.filter((u) => u.status === 'active').map((u) => u.userId);
}

/** Who hears of what. Grows with each feature (a request's client and assignee, …). */
const PLANS: Record<string, (d: DomainEventDetail) => Promise<Plan | undefined>> = {
  'user.joined': async (d) => {
    const { data: person } = await database().entities.user.get({ tenantId: d.tenantId, userId: String(d.userId) }).go();
    if (!person) return undefined;
    const kind = d.source === 'self' ? 'user.signed_up' : 'user.joined';
    return { kind, recipients: await adminsOf(d.tenantId), values: { name: person.name, role: person.role }, link: '/admin/users/' };
  },
};

export async function handler(event: EventBridgeEvent<string, DomainEventDetail>): Promise<void> {
  const plan = PLANS[event['detail-type']];
  if (!plan) return;
  const d = event.detail;
  await once({ tenantId: d.tenantId, consumer: 'notifications', eventId: d.eventId }, async () => {
    const planned = await plan(d);
    if (!planned) return;
    const { notification } = database().entities;
    const expiresAt = Math.floor(Date.now() / 1000) + KEEP_SECONDS;
    for (const userId of planned.recipients.filter((r) => r !== d.actorId)) {
      const item = {
        tenantId: d.tenantId,
        userId,
        notificationId: `${d.at}_${d.eventId}`,
        createdAt: d.at,
        kind: planned.kind,
        values: planned.values,
        ...(planned.link && { link: planned.link }),
        expiresAt,
      };
      await notification.put(item).go();
      await pushToUser(d.tenantId, userId, { type: 'notification', notification: toNotificationView(item) });
    }
  });
}
