import { Entity } from '../entity.ts';
import { ROOT_FOLDER } from '../../domain/documents/documents.ts';
import { DOCUMENT_REQUEST_STATUSES } from '../../domain/documents/requests.ts';

/**
 * Staff asking a customer for a file ("2026 W-2", due on a date). Open until a file uploaded
 * for it is scanned clean; reminded by the daily job until then (jobs/remind-document-requests.ts).
 */
export const DocumentRequest = new Entity({
  model: { entity: 'documentRequest', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    documentRequestId: { type: 'string', required: true, readOnly: true },
    customerId: { type: 'string', required: true, readOnly: true },
    title: { type: 'string', required: true },
    note: { type: 'string' },
    /** YYYY-MM-DD, in the firm's zone. */
    dueDate: { type: 'string', required: true },
    /** Where what is sent for it is filed. */
    folderId: { type: 'string', required: true, default: ROOT_FOLDER },
    status: { type: DOCUMENT_REQUEST_STATUSES, required: true, default: 'open' },
    requestedBy: { type: 'string', required: true },
    requestedByName: { type: 'string', required: true },
    /** The documents sent for it. */
    documentIds: { type: 'list', items: { type: 'string' }, required: true, default: () => [] },
    fulfilledAt: { type: 'string' },
    /** The day (YYYY-MM-DD, firm's zone) of its last reminder: a run claims a day once. */
    lastRemindedOn: { type: 'string' },
    remindersSent: { type: 'number', required: true, default: 0 },
    createdAt: { type: 'string', required: true, readOnly: true },
    updatedAt: { type: 'string', required: true, default: () => new Date().toISOString(), watch: '*', set: () => new Date().toISOString() },
    version: { type: 'number', required: true, default: 1 },
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['tenantId', 'documentRequestId'], template: 't#${tenantId}#document-request#${documentRequestId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'document-request' },
    },
    /** A customer's requests in a status, soonest due first. A status change needs `.composite({ customerId, dueDate, documentRequestId })`. */
    byCustomer: {
      index: 'gsi1',
      pk: {
        field: 'gsi1pk',
        composite: ['tenantId', 'customerId', 'status'],
        template: 't#${tenantId}#document-requests#${customerId}#${status}',
        casing: 'none',
      },
      sk: { field: 'gsi1sk', composite: ['dueDate', 'documentRequestId'], template: '${dueDate}#${documentRequestId}', casing: 'none' },
    },
    /** The firm's requests in a status by due date: what the reminder job reads. */
    byFirm: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['tenantId', 'status'], template: 't#${tenantId}#document-requests#${status}', casing: 'none' },
      sk: { field: 'gsi2sk', composite: ['dueDate', 'documentRequestId'], template: '${dueDate}#${documentRequestId}', casing: 'none' },
    },
  },
});
