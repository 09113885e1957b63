import { Entity } from '../entity.ts';
import { NO_CUSTOMER, hasCustomer } from './customer.ts';

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
    /** The customer whose record changed, so that its timeline is one Query. */
    customerId: { type: 'string', required: true, readOnly: true, default: NO_CUSTOMER },
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
    /** A customer's timeline: every change to it, its contacts and its records. */
    byCustomer: {
      index: 'gsi3',
      condition: hasCustomer,
      pk: { field: 'gsi3pk', composite: ['tenantId', 'customerId'], template: 't#${tenantId}#customer-audit#${customerId}', casing: 'none' },
      sk: { field: 'gsi3sk', composite: ['at', 'auditId'], template: '${at}#${auditId}', casing: 'none' },
    },
  },
});
