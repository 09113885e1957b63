import { Entity } from '../entity.ts';

/** A person's latest password-reset request; its emailed link's secret is stored only as a hash. */
export const PasswordReset = new Entity({
  model: { entity: 'passwordReset', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    userId: { type: 'string', required: true, readOnly: true },
    requestedAt: { type: 'string', required: true },
    secretHash: { type: 'string' },
    /** Epoch seconds; the link works until then, once. */
    linkExpiresAt: { type: 'number' },
    usedAt: { type: 'string' },
  },
  indexes: {
    byUser: {
      pk: { field: 'pk', composite: ['tenantId'], template: 't#${tenantId}' },
      sk: { field: 'sk', composite: ['userId'], template: 'password-reset#${userId}' },
    },
  },
});
