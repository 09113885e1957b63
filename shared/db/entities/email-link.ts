import { Entity } from '../entity.ts';

/**
 * A link in a notification email: where it leads and the notices it tells of (opening it marks
 * them read), for the one person it was sent to. Only the hash of its secret is stored
 * (functions/lib/link-token.ts); TTL removes it once it no longer opens.
 */
export const EmailLink = new Entity({
  model: { entity: 'emailLink', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    linkId: { type: 'string', required: true, readOnly: true },
    userId: { type: 'string', required: true, readOnly: true },
    /** A path of the portal, e.g. /request/?id=… */
    path: { type: 'string', required: true, readOnly: true },
    notificationIds: { type: 'list', items: { type: 'string' }, required: true, readOnly: true },
    secretHash: { type: 'string', required: true, readOnly: true },
    validUntil: { type: 'string', required: true, readOnly: true },
    expiresAt: { type: 'number', required: true, readOnly: true },
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['tenantId', 'linkId'], template: 't#${tenantId}#email-link#${linkId}' },
      sk: { field: 'sk', composite: [], template: 'email-link' },
    },
  },
});
