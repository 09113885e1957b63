import { Entity } from '../entity.ts';

/**
 * One signed-in device: the refresh cookie names it, and refresh works only while it exists
 * and began after the user's last revocation (`User.tokensValidAfter`: a password reset or a
 * deactivation). Sign-out deletes it; TTL clears it when the cookie would have expired.
 */
export const SignInSession = new Entity({
  model: { entity: 'signInSession', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    sessionId: { type: 'string', required: true, readOnly: true },
    userId: { type: 'string', required: true, readOnly: true },
    startedAt: { type: 'string', required: true, readOnly: true },
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    bySession: {
      pk: { field: 'pk', composite: ['tenantId', 'sessionId'], template: 't#${tenantId}#session#${sessionId}' },
      sk: { field: 'sk', composite: [], template: 'session' },
    },
  },
});
