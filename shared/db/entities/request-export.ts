import { Entity } from '../entity.ts';

/**
 * A CSV export of requests someone asked for: built in the background (functions/analytics/consumers/exports.ts),
 * stored in S3 under `exports/`, offered to its requester as a short-lived link. Gone after a week.
 */
export const RequestExport = new Entity({
  model: { entity: 'requestExport', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    exportId: { type: 'string', required: true, readOnly: true },
    requestedBy: { type: 'string', required: true, readOnly: true },
    /** The list filters it was asked with (the same as GET /api/requests takes). */
    filters: { type: 'any', required: true },
    status: { type: ['pending', 'ready', 'failed'] as const, required: true, default: 'pending' },
    rowCount: { type: 'number' },
    /** The object's key in the uploads bucket, once ready. */
    key: { type: 'string' },
    /** Why it failed, for the requester. */
    problem: { type: 'string' },
    createdAt: { type: 'string', required: true, readOnly: true },
    finishedAt: { type: 'string' },
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['tenantId', 'exportId'], template: 't#${tenantId}#export#${exportId}' },
      sk: { field: 'sk', composite: [], template: 'export' },
    },
  },
});
