/**
 * Document requests (shared/domain/documents/requests.ts): staff ask a customer for a file by
 * a date, its contacts see the open ones on their home and send the file for it; the scan
 * consumer fulfils the request once that file is clean, and the daily job reminds until then.
 */
import { randomUUID } from 'node:crypto';
import type { EntityItem } from 'electrodb';
import { conflict, notFound, validationFailed } from '../../shared/api/errors.ts';
import type { DocumentRequestView } from '../../shared/api/schemas/documents.ts';
import { AuditEntry } from '../../shared/db/entities/audit-entry.ts';
import { DocumentRequest } from '../../shared/db/entities/document-request.ts';
import { OutboxEvent } from '../../shared/db/entities/outbox-event.ts';
import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import { queryPage } from '../../shared/db/pagination.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { ROOT_FOLDER } from '../../shared/domain/documents/documents.ts';
import { isStaff } from '../../shared/domain/identity/permissions.ts';
import type { AuthenticatedActor } from '../lib/auth.ts';
import { changeContext } from '../lib/change-context.ts';
import type { ReplyOf, RequestOf } from '../lib/http.ts';
import { customerFor } from './access.ts';
import { folderFor } from './folders.ts';

const database = databaseOf({ request: DocumentRequest, audit: AuditEntry, outbox: OutboxEvent });

export type DocumentRequestItem = EntityItem<typeof DocumentRequest>;

export const toRequestView = ({
  tenantId: _t,
  requestedBy: _r,
  lastRemindedOn: _l,
  updatedAt: _u,
  version: _v,
  ...r
}: DocumentRequestItem): DocumentRequestView => r;

/** The open request `documentRequestId` of the customer: what an upload for it must name (anything else is the field's error). */
export async function openRequestFor(actor: AuthenticatedActor, customerId: string, documentRequestId: string): Promise<DocumentRequestItem> {
  const { data: request } = await database().entities.request.get({ tenantId: actor.tenantId, documentRequestId }).go();
  if (!request || request.customerId !== customerId)
    throw validationFailed([{ field: 'documentRequestId', message: 'is not a document request of this customer' }]);
  if (request.status !== 'open') throw conflict(`“${request.title}” is ${request.status} already: nothing more is needed for it.`);
  return request;
}

export async function createDocumentRequest(req: RequestOf<'createDocumentRequest'>): Promise<ReplyOf<'createDocumentRequest'>> {
  const { actor, body } = req;
  const customerId = await customerFor(actor, body.customerId);
  const folder = await folderFor(actor, customerId, body.folderId ?? ROOT_FOLDER);
  // What the customer is asked to send cannot go where they may not look.
  if (folder?.internal) throw validationFailed([{ field: 'folderId', message: 'is internal: the customer could not see what they send into it' }]);
  const at = new Date().toISOString();
  const item: DocumentRequestItem = {
    tenantId: actor.tenantId,
    documentRequestId: randomUUID(),
    customerId,
    title: body.title,
    ...(body.note && { note: body.note }),
    dueDate: body.dueDate,
    folderId: folder?.folderId ?? ROOT_FOLDER,
    status: 'open',
    requestedBy: actor.userId,
    requestedByName: actor.name,
    documentIds: [],
    remindersSent: 0,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await commitTransaction(database(), (e) => [
    e.request.create(item).commit(),
    ...auditAndEvent(e, changeContext(req), {
      action: 'document_request.created',
      entityType: 'document_request',
      entityId: item.documentRequestId,
      customerId,
      changes: [{ field: 'title', from: null, to: item.title }],
      event: {
        type: 'document_request.created',
        detail: { documentRequestId: item.documentRequestId, customerId, title: item.title, dueDate: item.dueDate },
      },
    }),
  ]);
  return { status: 201, body: toRequestView(item) };
}

export async function listDocumentRequests(req: RequestOf<'listDocumentRequests'>): Promise<ReplyOf<'listDocumentRequests'>> {
  const { actor } = req;
  if (isStaff(actor.role) && !req.query.customerId) throw validationFailed([{ field: 'query.customerId', message: 'is required: whose requests to list' }]);
  const customerId = await customerFor(actor, req.query.customerId);
  const { limit, cursor, status = 'open' } = req.query;
  const query = database().entities.request.query.byCustomer({ tenantId: actor.tenantId, customerId, status });
  // Open ones soonest due first; the rest newest due first.
  return { body: await queryPage(cursor, (from) => query.go({ limit, cursor: from, order: status === 'open' ? 'asc' : 'desc' }), toRequestView) };
}

export async function cancelDocumentRequest(req: RequestOf<'cancelDocumentRequest'>): Promise<ReplyOf<'cancelDocumentRequest'>> {
  const { actor } = req;
  const { data: request } = await database().entities.request.get({ tenantId: actor.tenantId, documentRequestId: req.params.documentRequestId }).go();
  if (!request) throw notFound('Document request');
  await customerFor(actor, request.customerId).catch(() => {
    throw notFound('Document request');
  });
  if (request.status !== 'open') throw conflict(`“${request.title}” is ${request.status} already.`);
  const { customerId, dueDate, documentRequestId } = request;
  await commitTransaction(
    database(),
    (e) => [
      e.request
        .patch({ tenantId: actor.tenantId, documentRequestId })
        .set({ status: 'cancelled', version: request.version + 1 })
        // Its status is in the customer's index key (and ElectroDB makes the key's other parts conditions).
        .composite({ customerId, dueDate, documentRequestId })
        .where((a, op) => op.eq(a.version, request.version))
        .commit(),
      ...auditAndEvent(e, changeContext(req), {
        action: 'document_request.cancelled',
        entityType: 'document_request',
        entityId: documentRequestId,
        customerId,
        changes: [{ field: 'status', from: 'open', to: 'cancelled' }],
        event: { type: 'document_request.cancelled', detail: { documentRequestId, customerId, title: request.title } },
      }),
    ],
    'This request changed at the same moment (a file sent for it, or someone else). Reload and try again.',
  );
  return { body: toRequestView({ ...request, status: 'cancelled' }) };
}
