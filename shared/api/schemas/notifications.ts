import * as z from 'zod/mini';
import { page, pageQuery } from './common.ts';
import type { Schemas } from './types.ts';

export const ticket = z.object({
  /** One-time, 30-second ticket for `${path}?ticket=…`. */
  ticket: z.string(),
  expiresAt: z.string(),
  path: z.literal('/ws'),
});

export const notificationView = z.object({
  notificationId: z.string(),
  kind: z.string(),
  values: z.record(z.string(), z.string()),
  link: z.nullable(z.string()),
  createdAt: z.string(),
  readAt: z.nullable(z.string()),
});
export type NotificationView = z.infer<typeof notificationView>;

export const markReadInput = z.object({
  notificationIds: z.array(z.string().check(z.maxLength(200))).check(z.minLength(1, 'must name at least one notification'), z.maxLength(100)),
});

export const NOTIFICATIONS_SCHEMAS = {
  createRealtimeTicket: { response: ticket },
  listNotifications: { query: pageQuery, response: page(notificationView) },
  markNotificationsRead: { body: markReadInput },
} satisfies Record<string, Schemas>;
