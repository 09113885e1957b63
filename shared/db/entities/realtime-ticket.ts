import { Entity } from '../entity.ts';

/**
 * A one-time, 30-second ticket to open the WebSocket: browsers cannot send headers there and
 * URLs get logged, so the URL carries this instead of a bearer token. Stored as a hash.
 */
export const RealtimeTicket = new Entity({
  model: { entity: 'realtimeTicket', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    ticketId: { type: 'string', required: true, readOnly: true },
    userId: { type: 'string', required: true, readOnly: true },
    secretHash: { type: 'string', required: true, readOnly: true },
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['tenantId', 'ticketId'], template: 't#${tenantId}#ticket#${ticketId}' },
      sk: { field: 'sk', composite: [], template: 'ticket' },
    },
  },
});
