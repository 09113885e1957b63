import { Entity } from '../entity.ts';

/** A signed-out session's ID token, refused until it would have expired anyway (then TTL clears it). */
export const RevokedToken = new Entity({
  model: { entity: 'revokedToken', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    jti: { type: 'string', required: true, readOnly: true },
    userId: { type: 'string', required: true },
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    byJti: {
      pk: { field: 'pk', composite: ['tenantId', 'jti'], template: 't#${tenantId}#revoked#${jti}' },
      sk: { field: 'sk', composite: [], template: 'token' },
    },
  },
});
