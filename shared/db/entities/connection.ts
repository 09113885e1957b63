import { Entity } from '../entity.ts';

/** An open WebSocket of a signed-in user; TTL removes ones whose disconnect was never seen. */
export const Connection = new Entity({
  model: { entity: 'connection', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    userId: { type: 'string', required: true, readOnly: true },
    connectionId: { type: 'string', required: true, readOnly: true },
    connectedAt: { type: 'string', required: true, readOnly: true, default: () => new Date().toISOString() },
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    byUser: {
      pk: { field: 'pk', composite: ['tenantId', 'userId'], template: 't#${tenantId}#connections#${userId}' },
      // Connection ids are case-sensitive: keep them as they are (ElectroDB lower-cases by default).
      sk: { field: 'sk', composite: ['connectionId'], template: '${connectionId}', casing: 'none' },
    },
    // The firm's open connections, for the system health page.
    byTenant: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['tenantId'], template: 't#${tenantId}#connections' },
      sk: { field: 'gsi1sk', composite: ['connectionId'], template: '${connectionId}', casing: 'none' },
    },
  },
});
