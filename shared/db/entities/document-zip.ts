import { Entity } from '../entity.ts';
import { ZIP_STATUSES } from '../../domain/documents/zips.ts';

/**
 * A folder's documents as one ZIP file, asked for by someone (issue 17): built in the
 * background (functions/documents/consumers/archives.ts) into the uploads bucket under
 * `exports/`, its progress counted here, offered to whoever asked as a short-lived link. Gone
 * after a day, with the file.
 */
export const DocumentZip = new Entity({
  model: { entity: 'documentZip', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    zipId: { type: 'string', required: true, readOnly: true },
    customerId: { type: 'string', required: true, readOnly: true },
    /** The folder zipped with its subfolders; ROOT_FOLDER: all the customer's documents. */
    folderId: { type: 'string', required: true, readOnly: true },
    /** The folder's name (or the customer's), which the file is named after. */
    name: { type: 'string', required: true, readOnly: true },
    requestedBy: { type: 'string', required: true, readOnly: true },
    status: { type: ZIP_STATUSES, required: true, default: 'building' },
    /** Files to add, once listed, and added so far. */
    total: { type: 'number' },
    added: { type: 'number', required: true, default: 0 },
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
    byId: {
      pk: { field: 'pk', composite: ['tenantId', 'zipId'], template: 't#${tenantId}#document-zip#${zipId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'document-zip' },
    },
  },
});
