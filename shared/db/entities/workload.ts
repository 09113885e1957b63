import { Entity } from '../entity.ts';

/** A team member's current load: active requests and open tasks, each kept in the same transaction as the change that moves it. */
export const Workload = new Entity({
  model: { entity: 'workload', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    userId: { type: 'string', required: true, readOnly: true },
    activeRequests: { type: 'number', required: true, default: 0 },
    openTasks: { type: 'number', required: true, default: 0 },
  },
  indexes: {
    byUser: {
      pk: { field: 'pk', composite: ['tenantId', 'userId'], template: 't#${tenantId}#workload#${userId}' },
      sk: { field: 'sk', composite: [], template: 'workload' },
    },
  },
});
