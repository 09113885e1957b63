import { Entity } from '../entity.ts';

/**
 * Idempotency marker: a consumer handled (or is handling) this event. Event delivery is
 * at-least-once; the marker makes each consumer's effect happen once.
 */
export const ProcessedEvent = new Entity({
  model: { entity: 'processedEvent', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    consumer: { type: 'string', required: true, readOnly: true },
    eventId: { type: 'string', required: true, readOnly: true },
    status: { type: ['in_progress', 'done'] as const, required: true },
    /** While in progress: when another delivery may take over (the first one crashed). */
    lockedUntil: { type: 'number', required: true },
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    byEvent: {
      pk: { field: 'pk', composite: ['tenantId', 'consumer', 'eventId'], template: 't#${tenantId}#processed#${consumer}#${eventId}' },
      sk: { field: 'sk', composite: [], template: 'marker' },
    },
  },
});
