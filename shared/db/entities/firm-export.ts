import { Entity } from '../entity.ts';

/**
 * All of a firm's data as one ZIP file, asked for by an admin (issue 19; ADR 0038): built in the
 * background (functions/platform/firm-export-builder.ts) into the uploads bucket under
 * `exports/firms/`, offered as a short-lived link. A firm's exports share one small partition,
 * which its admins' list reads whole; each is gone after FIRM_EXPORT_DAYS, with its file.
 */
export const FirmExport = new Entity({
  model: { entity: 'firmExport', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    exportId: { type: 'string', required: true, readOnly: true },
    requestedBy: { type: 'string', required: true, readOnly: true },
    status: { type: ['building', 'ready', 'failed'] as const, required: true, default: 'building' },
    /** Built as the firm is set to be deleted (ADR 0039): kept under `closing/` until the purge, for the operator, not listed to the firm. */
    closing: { type: 'boolean' },
    /** Once built: how many records and files it holds, and its size. */
    records: { type: 'number' },
    files: { type: 'number' },
    bytes: { type: 'number' },
    /** The object's key in the uploads bucket, once ready. */
    key: { type: 'string' },
    /** Why it could not be built, for whoever asked. */
    problem: { type: 'string' },
    createdAt: { type: 'string', required: true, readOnly: true },
    finishedAt: { type: 'string' },
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    byFirm: {
      pk: { field: 'pk', composite: ['tenantId'], template: 't#${tenantId}#firm-exports' },
      sk: { field: 'sk', composite: ['exportId'], template: 'export#${exportId}' },
    },
  },
});
