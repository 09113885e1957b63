import { Entity } from '../entity.ts';
import { SERVICE_STATUSES } from '../../domain/catalog/services.ts';

/**
 * A service of the firm's catalog. Prices are integer minor units of the firm's currency.
 * Only active services can be requested; deprecated ones stay for the requests that name them.
 */
export const Service = new Entity({
  model: { entity: 'service', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    serviceId: { type: 'string', required: true, readOnly: true },
    name: { type: 'string', required: true },
    description: { type: 'string', required: true, default: '' },
    category: { type: 'string', required: true },
    basePrice: { type: 'number', required: true },
    currency: { type: 'string', required: true },
    estimatedHours: { type: 'number', required: true },
    requiredSkills: { type: 'list', items: { type: 'string' }, required: true, default: () => [] },
    /** What the client is asked when requesting it; answers are kept on the request by key. */
    questions: {
      type: 'list',
      required: true,
      default: () => [],
      items: {
        type: 'map',
        properties: { key: { type: 'string', required: true }, label: { type: 'string', required: true }, required: { type: 'boolean', required: true } },
      },
    },
    status: { type: SERVICE_STATUSES, required: true, default: 'active' },
    /** Booking settings when the service can be booked as an appointment (shared/domain/bookings/settings.ts); validated on the way in. */
    booking: { type: 'any' },
    createdAt: { type: 'string', required: true, readOnly: true, default: () => new Date().toISOString() },
    updatedAt: { type: 'string', required: true, default: () => new Date().toISOString(), set: () => new Date().toISOString(), watch: '*' },
    version: { type: 'number', required: true, default: 1 },
  },
  indexes: {
    byTenant: {
      pk: { field: 'pk', composite: ['tenantId'], template: 't#${tenantId}' },
      sk: { field: 'sk', composite: ['serviceId'], template: 'service#${serviceId}' },
    },
    // A status's services by name: the public catalog is the active ones.
    byStatus: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['tenantId', 'status'], template: 't#${tenantId}#services#${status}' },
      sk: { field: 'gsi1sk', composite: ['name', 'serviceId'], template: '${name}#${serviceId}' },
    },
  },
});
