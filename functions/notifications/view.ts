import type { NotificationView } from '../../shared/api/schemas/notifications.ts';

/** The public shape of a notification (the bell renders `kind` + `values` in the reader's language). */
export const toNotificationView = (n: {
  notificationId: string;
  kind: string;
  values: Record<string, unknown>;
  link?: string;
  createdAt: string;
  readAt?: string;
}): NotificationView => ({
  notificationId: n.notificationId,
  kind: n.kind,
  values: Object.fromEntries(Object.entries(n.values).map(([k, v]) => [k, String(v)])),
  link: n.link ?? null,
  createdAt: n.createdAt,
  readAt: n.readAt ?? null,
});
