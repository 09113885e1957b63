import { Entity } from '../entity.ts';

/**
 * A domain event written in the same transaction as the change it announces. The stream
 * router publishes new outbox items to the event bus; TTL clears them after a week.
 */
export const OutboxEvent = new Entity({
  model: { entity: 'outbox', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    eventId: { type: 'string', required: true, readOnly: true },
    type: { type: 'string', required: true },
    at: { type: 'string', required: true },
    detail: { type: 'any', required: true },
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['tenantId', 'eventId'], template: 't#${tenantId}#outbox#${eventId}' },
      sk: { field: 'sk', composite: [], template: 'event' },
    },
  },
});
