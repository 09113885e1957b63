import { Entity } from '../entity.ts';
import { LEAD_SOURCES, LEAD_STATUSES } from '../../domain/leads/leads.ts';

/**
 * A lead of a firm (shared/domain/leads), found again by email address, listed by stage for the
 * pipeline. Converting one to a customer keeps the lead, marked converted.
 */
export const Lead = new Entity({
  model: { entity: 'lead', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    leadId: { type: 'string', required: true, readOnly: true },
    name: { type: 'string', required: true },
    /** Lower-cased. */
    email: { type: 'string', required: true },
    phone: { type: 'string' },
    company: { type: 'string' },
    status: { type: LEAD_STATUSES, required: true, default: 'new' },
    source: { type: LEAD_SOURCES, required: true, readOnly: true },
    ownerId: { type: 'string' },
    /** The page the widget was on, for where leads come from. */
    sourceUrl: { type: 'string' },
    customerId: { type: 'string' },
    createdAt: { type: 'string', required: true, readOnly: true, default: () => new Date().toISOString() },
    updatedAt: { type: 'string', required: true, default: () => new Date().toISOString(), watch: '*', set: () => new Date().toISOString() },
    version: { type: 'number', required: true, default: 1 },
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['tenantId', 'leadId'], template: 't#${tenantId}#lead#${leadId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'lead' },
    },
    byEmail: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['tenantId', 'email'], template: 't#${tenantId}#lead-email#${email}', casing: 'none' },
      sk: { field: 'gsi1sk', composite: [], template: 'lead' },
    },
    byStatus: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['tenantId', 'status'], template: 't#${tenantId}#leads#${status}', casing: 'none' },
      sk: { field: 'gsi2sk', composite: ['createdAt', 'leadId'], template: '${createdAt}#${leadId}', casing: 'none' },
    },
  },
});
