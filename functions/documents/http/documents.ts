/**
 * Documents (ADR 0029); uploads start in document-uploads.ts, and the file's scan decides the
 * rest (consumers/document-scans.ts). Lists are one Query a page on a folder's index; a download link is for an available
 * document only, and the bucket policy refuses any other read besides.
 */
import { conflict, validationFailed } from '../../../shared/api/errors.ts';
import { DOCUMENTS_OPERATIONS } from '../../../shared/api/operations/documents.ts';
import { DOCUMENTS_SCHEMAS } from '../../../shared/api/schemas/documents.ts';
import { AuditEntry } from '../../../shared/db/entities/audit-entry.ts';
import { Document, DocumentVersion } from '../../../shared/db/entities/document.ts';
import { DocumentTag } from '../../../shared/db/entities/document-tag.ts';
import { tidyTags } from '../../../shared/domain/documents/tags.ts';
import { documentsTagged, tagWrites } from '../tags.ts';
import { ROOT_FOLDER } from '../../../shared/domain/documents/documents.ts';
import { OutboxEvent } from '../../../shared/db/entities/outbox-event.ts';
import { auditAndEvent, commitTransaction } from '../../../shared/db/mutation.ts';
import { queryPage } from '../../../shared/db/pagination.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { contactMaySeeDocument } from '../../../shared/domain/documents/access.ts';
import { FILE_KINDS } from '../../../shared/domain/documents/files.ts';
import { accessOf } from '../../../shared/domain/customers/customers.ts';
import { isStaff } from '../../../shared/domain/identity/permissions.ts';
import { actorFromClaims } from '../../lib/auth.ts';
import { changeContext } from '../../lib/change-context.ts';
import { contextHandler, type ReplyOf, type RequestOf } from '../../lib/http.ts';
import { customerFor, documentFor, documentView as toView, type DocumentItem } from '../access.ts';
import { downloadLink } from '../files.ts';
import {
  createDocumentFolder,
  deleteDocumentFolder,
  folderFor,
  getDocumentSettings,
  listDocumentFolders,
  updateDocumentFolder,
  updateDocumentSettings,
} from '../folders.ts';
import { cancelDocumentRequest, createDocumentRequest, listDocumentRequests } from '../requests.ts';
import { compareDocumentVersions, getDocumentPreview, listDocumentHistory, revertDocumentVersion, servedVersion } from '../versions.ts';
import { createDocumentShare, downloadSharedDocument, getSharedDocument, listDocumentShares, revokeDocumentShare, sendShareCode } from '../shares.ts';
import { discardDocumentVersion, listHeldDocumentVersions, rescanDocumentVersion } from '../quarantine.ts';
import { deleteDocument } from '../removal.ts';
import { getDocumentZip, requestDocumentZip } from '../zips.ts';

const database = databaseOf({ document: Document, version: DocumentVersion, tag: DocumentTag, audit: AuditEntry, outbox: OutboxEvent });

/** Statuses a list never shows: not yet arrived, found infected (the quarantine console's), gone. */
const UNLISTED: DocumentItem['status'][] = ['uploading', 'quarantined', 'deleted'];

const documentOf = (req: { actor: RequestOf<'getDocument'>['actor']; params: { documentId: string } }) => documentFor(req.actor, req.params.documentId);

/**
 * A folder's documents by name, or a search of the customer's documents in every folder: a
 * date range reads the date index between its bounds, a name the name index from its start,
 * anything else is a filter on the page. One Query a page either way.
 */
async function listDocuments(req: RequestOf<'listDocuments'>): Promise<ReplyOf<'listDocuments'>> {
  const { actor } = req;
  const { limit, cursor, folderId = ROOT_FOLDER, q, kind, from, to, tag } = req.query;
  if (isStaff(actor.role) && !req.query.customerId) throw validationFailed([{ field: 'query.customerId', message: 'is required: whose documents to list' }]);
  if (from && to && from > to) throw validationFailed([{ field: 'query.to', message: 'must not be before from' }]);
  const customerId = await customerFor(actor, req.query.customerId);
  const searching = Boolean(q || kind || from || to || tag);
  if (!searching) await folderFor(actor, customerId, folderId, 'query.folderId');
  const contact = isStaff(actor.role) ? undefined : actor.contact;
  const { document } = database().entities;
  const key = { tenantId: actor.tenantId, customerId };
  const name = q?.toLowerCase();
  if (tag) {
    // The tag's own items are the index; the other filters hold for each document read.
    const kinds: readonly string[] | undefined = kind && FILE_KINDS[kind];
    const shown = (d: DocumentItem) =>
      !UNLISTED.includes(d.status) &&
      (!contact || contactMaySeeDocument(contact, d)) &&
      (!name || d.name.toLowerCase().startsWith(name)) &&
      (!kinds || kinds.includes(d.mimeType));
    const page = await documentsTagged(key, { tag, from, to, limit, cursor }, shown);
    return { body: { items: page.items.map(toView), nextCursor: page.nextCursor } };
  }
  const chosen = !searching
    ? document.query.byFolder({ ...key, folderId })
    : from || to
      ? document.query.byCustomerDate(key).between({ createdAt: from ?? '0000' }, { createdAt: `${to ?? '9999'}~` })
      : name
        ? document.query.byCustomerName(key).begins({ nameKey: name })
        : document.query.byCustomerDate(key);
  const query = chosen.where((a, op) =>
    [
      ...UNLISTED.map((s) => op.ne(a.status, s)),
      // Named and dated at once: the name is a filter on the date range.
      ...(name && (from || to) ? [op.begins(a.nameKey, name)] : []),
      ...(kind ? [`(${(FILE_KINDS[kind] as readonly string[]).map((mime) => op.eq(a.mimeType, mime)).join(' OR ')})`] : []),
      // A contact: nothing internal; others' private ones never; the customer's shared ones by their access.
      ...(contact
        ? [
            op.ne(a.accessLevel, 'internal'),
            accessOf(contact) === 'own'
              ? op.eq(a.uploadedBy, contact.userId)
              : `(${op.eq(a.accessLevel, 'customer')} OR ${op.eq(a.uploadedBy, contact.userId)})`,
          ]
        : []),
    ].join(' AND '),
  );
  // Dated results newest first; named ones in name order.
  const order = searching && !(name && !from && !to) ? 'desc' : 'asc';
  return { body: await queryPage(cursor, (next) => query.go({ limit, cursor: next, order }), toView) };
}

async function getDocument(req: RequestOf<'getDocument'>): Promise<ReplyOf<'getDocument'>> {
  const document = await documentOf(req);
  const { data: versions } = await database()
    .entities.version.query.byDocument({ tenantId: req.actor.tenantId, documentId: document.documentId })
    .go({ pages: 'all', order: 'desc' });
  return {
    body: {
      ...toView(document),
      versions: versions.map(({ versionNo, name, size, mimeType, status, changeSummary, revertedFrom, uploadedByName, createdAt }) => ({
        versionNo,
        name,
        size,
        mimeType,
        status,
        uploadedByName,
        createdAt,
        ...(changeSummary && { changeSummary }),
        ...(revertedFrom && { revertedFrom }),
      })),
    },
  };
}

/** Staff move a document to another of its customer's folders, or change its description, tags or who may see it. */
async function updateDocument(req: RequestOf<'updateDocument'>): Promise<ReplyOf<'updateDocument'>> {
  const document = await documentOf(req);
  const { body } = req;
  const folder = body.folderId === undefined ? undefined : await folderFor(req.actor, document.customerId, body.folderId);
  const folderId = body.folderId ?? document.folderId;
  const internalFolder = body.folderId === undefined ? (await folderFor(req.actor, document.customerId, folderId))?.internal : folder?.internal;
  if (internalFolder && (body.accessLevel ?? 'internal') !== 'internal')
    throw validationFailed([{ field: 'accessLevel', message: 'must be internal: the document is filed in an internal folder' }]);
  const change = {
    ...(body.folderId !== undefined && { folderId }),
    ...(body.description !== undefined && { description: body.description }),
    // Filed in an internal folder, a document is internal.
    ...((body.accessLevel !== undefined || internalFolder) && { accessLevel: internalFolder ? ('internal' as const) : body.accessLevel! }),
    ...(body.tags !== undefined && { tags: tidyTags(body.tags) }),
  };
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const changed = (Object.keys(change) as (keyof typeof change)[]).filter((field) => !same(change[field], document[field]));
  if (!changed.length) return { body: toView(document) };
  await commitTransaction(
    database(),
    (e) => [
      e.document
        .patch({ tenantId: document.tenantId, documentId: document.documentId })
        .set({ ...change, version: document.version + 1 })
        // The folder index's keys are the customer, the folder and the name (ElectroDB makes these conditions too).
        .composite({ customerId: document.customerId, nameKey: document.name.toLowerCase(), documentId: document.documentId })
        .where((a, op) => op.eq(a.version, document.version))
        .commit(),
      ...(change.tags ? tagWrites(e, document, change.tags) : []),
      ...auditAndEvent(e, changeContext(req), {
        action: 'document.updated',
        entityType: 'document',
        entityId: document.documentId,
        customerId: document.customerId,
        changes: changed.map((field) => ({ field, from: document[field] ?? null, to: change[field] ?? null })),
        event: { type: 'document.updated', detail: { documentId: document.documentId, customerId: document.customerId, fields: changed } },
      }),
    ],
    'Someone changed this document at the same moment. Reload and try again.',
  );
  return { body: toView({ ...document, ...change }) };
}

/** Why a document cannot be downloaded, by its status. */
const NOT_SERVED: Record<string, string> = {
  uploading: 'has not arrived yet',
  scanning: 'is still being checked for malware. Try again in a moment',
  quarantined: 'was found to contain malware and is quarantined',
  rejected: 'is not the type of file its name says, so it is not served',
  unscannable: 'could not be checked for malware, so it is not served',
  archived: 'is archived',
};

async function getDocumentDownload(req: RequestOf<'getDocumentDownload'>): Promise<ReplyOf<'getDocumentDownload'>> {
  const document = await documentOf(req);
  const served = await servedVersion(document);
  if (!served) throw conflict(`${document.name} ${NOT_SERVED[document.status] ?? 'cannot be downloaded'}.`);
  // A reverted version serves an earlier version's object: the version says which.
  const link = await downloadLink(served.objectKey, document.name);
  await commitTransaction(database(), (e) => [
    e.document.patch({ tenantId: document.tenantId, documentId: document.documentId }).add({ downloadCount: 1 }).commit(),
    ...auditAndEvent(e, changeContext(req), {
      action: 'document.downloaded',
      entityType: 'document',
      entityId: document.documentId,
      customerId: document.customerId,
      changes: [{ field: `version ${served.versionNo}`, from: null, to: 'downloaded' }],
    }),
  ]);
  return { body: link };
}

export const handler = contextHandler({
  routes: DOCUMENTS_OPERATIONS,
  schemas: DOCUMENTS_SCHEMAS,
  operations: {
    listDocuments,
    getDocument,
    getDocumentDownload,
    updateDocument,
    deleteDocument,
    requestDocumentZip,
    getDocumentZip,
    listDocumentFolders,
    createDocumentFolder,
    updateDocumentFolder,
    deleteDocumentFolder,
    getDocumentSettings,
    updateDocumentSettings,
    createDocumentShare,
    listDocumentShares,
    revokeDocumentShare,
    getSharedDocument,
    sendShareCode,
    downloadSharedDocument,
    revertDocumentVersion,
    compareDocumentVersions,
    getDocumentPreview,
    listDocumentHistory,
    createDocumentRequest,
    listDocumentRequests,
    cancelDocumentRequest,
    listHeldDocumentVersions,
    discardDocumentVersion,
    rescanDocumentVersion,
  },
  authenticate: actorFromClaims,
});
