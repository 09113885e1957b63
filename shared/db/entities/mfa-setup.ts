import { Entity } from '../entity.ts';

/**
 * A TOTP enrolment in progress. Cognito ties enrolment to the person's access token, which the
 * browser never holds; it waits here, for ten minutes at most, between "show me the code" and
 * "here is my first code".
 */
export const MfaSetup = new Entity({
  model: { entity: 'mfaSetup', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    userId: { type: 'string', required: true, readOnly: true },
    accessToken: { type: 'string', required: true },
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    byUser: {
      pk: { field: 'pk', composite: ['tenantId'], template: 't#${tenantId}' },
      sk: { field: 'sk', composite: ['userId'], template: 'mfa-setup#${userId}' },
    },
  },
});
