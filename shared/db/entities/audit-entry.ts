import { Entity } from '../entity.ts';

/** Who changed what, when and from where. Written in the same transaction as the change. */
export const AuditEntry = new Entity({
  model: { entity: 'audit', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    auditId: { type: 'string', required: true, readOnly: true },
    at: { type: 'string', required: true, readOnly: true },
    actorId: { type: 'string', required: true },
    /** The actor's name when it happened (history keeps the name it had). */
    actorName: { type: 'string' },
    actorRole: { type: 'string', required: true },
    action: { type: 'string', required: true },
    entityType: { type: 'string', required: true },
    entityId: { type: 'string', required: true },
    changes: {
      type: 'list',
      items: { type: 'map', properties: { field: { type: 'string' }, from: { type: 'any' }, to: { type: 'any' } } },
    },
    ip: { type: 'string' },
    userAgent: { type: 'string' },
  },
  indexes: {
    byTenantTime: {
      pk: { field: 'pk', composite: ['tenantId'], template: 't#${tenantId}#audit' },
      sk: { field: 'sk', composite: ['at', 'auditId'], template: '${at}#${auditId}' },
    },
    byEntity: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['tenantId', 'entityType', 'entityId'], template: 't#${tenantId}#audit#${entityType}#${entityId}' },
      sk: { field: 'gsi1sk', composite: ['at'], template: '${at}' },
    },
    byActor: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['tenantId', 'actorId'], template: 't#${tenantId}#audit-actor#${actorId}' },
      sk: { field: 'gsi2sk', composite: ['at'], template: '${at}' },
    },
  },
});
