import * as z from 'zod/mini';
import { DIGESTS, EMAIL_KINDS } from '../../domain/notifications/email.ts';
import { page, pageQuery, requiredString, typeError } from './common.ts';
import type { Schemas } from './types.ts';
import { locale } from './user.ts';

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

/** How a person gets notification emails; `kinds` are those their role can get. */
/** `locale`: the language of one's emails, one the firm offers (a person's own choice, as an admin may also make it). */
export const emailPreferences = z.object({ digest: z.enum(DIGESTS), off: z.array(z.enum(EMAIL_KINDS)), kinds: z.array(z.enum(EMAIL_KINDS)), locale });

export const emailPreferencesInput = z.object({
  digest: z.enum(DIGESTS, { error: 'must be immediately, hourly or daily' }),
  off: z
    .array(z.enum(EMAIL_KINDS, { error: 'is not a kind of notification email' }), { error: typeError('must be a list') })
    .check(z.maxLength(EMAIL_KINDS.length)),
  locale: z.optional(locale),
});

export const openEmailLinkInput = z.object({ token: requiredString(300) });

export const NOTIFICATIONS_SCHEMAS = {
  createRealtimeTicket: { response: ticket },
  listNotifications: { query: pageQuery, response: page(notificationView) },
  markNotificationsRead: { body: markReadInput },
  getEmailPreferences: { response: emailPreferences },
  updateEmailPreferences: { body: emailPreferencesInput, response: emailPreferences },
  openEmailLink: { body: openEmailLinkInput, response: z.object({ path: z.string() }) },
} satisfies Record<string, Schemas>;
