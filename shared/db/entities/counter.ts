import { Entity } from '../entity.ts';

/** A per-firm sequence (e.g. request references), advanced by an atomic ADD. */
export const Counter = new Entity({
  model: { entity: 'counter', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    name: { type: 'string', required: true, readOnly: true },
    value: { type: 'number', required: true, default: 0 },
  },
  indexes: {
    byName: {
      pk: { field: 'pk', composite: ['tenantId', 'name'], template: 't#${tenantId}#counter#${name}' },
      sk: { field: 'sk', composite: [], template: 'counter' },
    },
  },
});
