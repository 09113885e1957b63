import { Entity } from '../entity.ts';

/**
 * Something a person should know, shown in the bell. Text is a message key plus values, so it
 * is rendered in the reader's language. One per event and recipient (the id says so), so a
 * replayed event cannot notify twice.
 */
export const Notification = new Entity({
  model: { entity: 'notification', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    userId: { type: 'string', required: true, readOnly: true },
    notificationId: { type: 'string', required: true, readOnly: true },
    createdAt: { type: 'string', required: true, readOnly: true },
    kind: { type: 'string', required: true },
    // 'any', not an empty 'map': ElectroDB keeps only a map's declared properties.
    values: { type: 'any', required: true },
    link: { type: 'string' },
    readAt: { type: 'string' },
    /** The digest email it goes out with (EmailDigest's dueAt), when its reader wants digests. */
    digestDueAt: { type: 'string' },
    /** When it was emailed, at once or with a digest. */
    emailedAt: { type: 'string' },
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    byUser: {
      pk: { field: 'pk', composite: ['tenantId', 'userId'], template: 't#${tenantId}#notifications#${userId}' },
      // Ids start with their creation time, so the newest come first in a descending Query.
      sk: { field: 'sk', composite: ['notificationId'], template: '${notificationId}' },
    },
  },
});
