import { Entity } from '../entity.ts';
import { VERSION_STATUSES } from '../../domain/documents/scans.ts';
import { ACCESS_LEVELS, DOCUMENT_STATUSES, ROOT_FOLDER } from '../../domain/documents/documents.ts';

/**
 * A customer's document (issue 17). Its own partition holds it and its versions, so a
 * document page is one Query. Its status is its current version's: the version served.
 */
export const Document = new Entity({
  model: { entity: 'document', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    documentId: { type: 'string', required: true, readOnly: true },
    customerId: { type: 'string', required: true },
    folderId: { type: 'string', required: true, default: ROOT_FOLDER },
    requestId: { type: 'string' },
    /** The document request it was sent for: the first clean file fulfils it. */
    documentRequestId: { type: 'string' },
    bookingId: { type: 'string' },
    name: { type: 'string', required: true },
    /** The name as sorted and searched (lower case). */
    nameKey: { type: 'string', hidden: true, watch: ['name'], set: (_, item: { name?: string }) => (item.name ?? '').toLowerCase() },
    description: { type: 'string' },
    category: { type: 'string' },
    tags: { type: 'list', items: { type: 'string' }, required: true, default: () => [] },
    mimeType: { type: 'string', required: true },
    size: { type: 'number', required: true },
    /** SHA-256 of the current version's content, base64 (as S3's x-amz-checksum-sha256). */
    checksum: { type: 'string', required: true },
    /** The version served; none until the first one is available. */
    currentVersion: { type: 'number' },
    /** The newest version uploaded (served or not). */
    latestVersion: { type: 'number', required: true },
    status: { type: DOCUMENT_STATUSES, required: true },
    accessLevel: { type: ACCESS_LEVELS, required: true, default: 'customer' },
    uploadedBy: { type: 'string', required: true },
    uploadedByName: { type: 'string', required: true },
    downloadCount: { type: 'number', required: true, default: 0 },
    /** An upload that never arrives is forgotten (DynamoDB TTL, epoch seconds); removed once it does. */
    expiresAt: { type: 'number' },
    createdAt: { type: 'string', required: true, readOnly: true },
    updatedAt: { type: 'string', required: true, default: () => new Date().toISOString(), watch: '*', set: () => new Date().toISOString() },
    version: { type: 'number', required: true, default: 1 },
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['tenantId', 'documentId'], template: 't#${tenantId}#document#${documentId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'document' },
    },
    /** A folder's documents by name. Moving one (customer or folder) needs `.composite({ nameKey, documentId })`. */
    byFolder: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['tenantId', 'customerId', 'folderId'], template: 't#${tenantId}#folder#${customerId}#${folderId}', casing: 'none' },
      sk: { field: 'gsi1sk', composite: ['nameKey', 'documentId'], template: '${nameKey}#${documentId}', casing: 'none' },
    },
    /** A customer's documents in every folder, newest first: search by date (a range is a key condition). */
    byCustomerDate: {
      index: 'gsi3',
      pk: { field: 'gsi3pk', composite: ['tenantId', 'customerId'], template: 't#${tenantId}#documents-by-date#${customerId}', casing: 'none' },
      sk: { field: 'gsi3sk', composite: ['createdAt', 'documentId'], template: '${createdAt}#${documentId}', casing: 'none' },
    },
    /** A customer's documents in every folder by name: search by what a name starts with (a key condition). */
    byCustomerName: {
      index: 'gsi4',
      pk: { field: 'gsi4pk', composite: ['tenantId', 'customerId'], template: 't#${tenantId}#documents-by-name#${customerId}', casing: 'none' },
      sk: { field: 'gsi4sk', composite: ['nameKey', 'documentId'], template: '${nameKey}#${documentId}', casing: 'none' },
    },
    /** The firm's documents in a status, newest change first: the quarantine console. */
    byStatus: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['tenantId', 'status'], template: 't#${tenantId}#documents#${status}', casing: 'none' },
      sk: { field: 'gsi2sk', composite: ['updatedAt', 'documentId'], template: '${updatedAt}#${documentId}', casing: 'none' },
    },
  },
});

/** Documents attached to a request or a comment: each one's id (none on a name from before documents existed) and its name when attached. */
export const ATTACHMENTS_ATTRIBUTE = {
  type: 'list',
  items: { type: 'map', properties: { documentId: { type: 'string' }, name: { type: 'string', required: true } } },
} as const;

/** One uploaded file of a document: kept when a newer one comes, with its scans. */
export const DocumentVersion = new Entity({
  model: { entity: 'documentVersion', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    documentId: { type: 'string', required: true, readOnly: true },
    versionNo: { type: 'number', required: true, readOnly: true },
    /** The S3 key (shared/domain/documents/keys.ts). */
    objectKey: { type: 'string', required: true, readOnly: true },
    name: { type: 'string', required: true },
    mimeType: { type: 'string', required: true },
    size: { type: 'number', required: true },
    checksum: { type: 'string', required: true },
    status: { type: VERSION_STATUSES, required: true },
    /** Scans so far (shared/domain/documents/scans.ts): the verdict, failed attempts, threats named. */
    verdict: { type: ['NO_THREATS_FOUND', 'THREATS_FOUND'] as const },
    scanFailures: { type: 'number', required: true, default: 0 },
    threats: { type: 'list', items: { type: 'string' } },
    /** Whether the content's first bytes are what the name says, once the scan let them be read. */
    typeMatches: { type: 'boolean' },
    /** A file sent in parts (ADR 0032): its S3 multipart upload, until it is complete or cancelled. */
    uploadId: { type: 'string' },
    /** Sent in parts, S3 checked each part; whether the whole file is the SHA-256 declared, read after the scan. */
    checksumMatches: { type: 'boolean' },
    lastScanAt: { type: 'string' },
    changeSummary: { type: 'string' },
    /** A revert: the version whose file (and object) this one serves again. */
    revertedFrom: { type: 'number' },
    uploadedBy: { type: 'string', required: true },
    uploadedByName: { type: 'string', required: true },
    expiresAt: { type: 'number' },
    createdAt: { type: 'string', required: true, readOnly: true },
    updatedAt: { type: 'string', required: true, default: () => new Date().toISOString(), watch: '*', set: () => new Date().toISOString() },
  },
  indexes: {
    byDocument: {
      pk: { field: 'pk', composite: ['tenantId', 'documentId'], template: 't#${tenantId}#document#${documentId}', casing: 'none' },
      sk: { field: 'sk', composite: ['versionNo'], template: 'version#${versionNo}', casing: 'none' },
    },
    /** Versions waiting for a scan, oldest first: what the rescan job retries. */
    byStatus: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['tenantId', 'status'], template: 't#${tenantId}#document-versions#${status}', casing: 'none' },
      sk: { field: 'gsi2sk', composite: ['createdAt', 'documentId', 'versionNo'], template: '${createdAt}#${documentId}#${versionNo}', casing: 'none' },
    },
  },
});

/** A folder of a customer's documents (shared/domain/documents/folders.ts). */
export const DocumentFolder = new Entity({
  model: { entity: 'documentFolder', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    folderId: { type: 'string', required: true, readOnly: true },
    customerId: { type: 'string', required: true, readOnly: true },
    /** ROOT_FOLDER for a top-level folder. */
    parentId: { type: 'string', required: true },
    /** From the top down to the parent: the breadcrumb, in one batch read. */
    ancestors: { type: 'list', items: { type: 'string' }, required: true, default: () => [] },
    name: { type: 'string', required: true },
    nameKey: { type: 'string', hidden: true, watch: ['name'], set: (_, item: { name?: string }) => (item.name ?? '').toLowerCase() },
    /** Staff only: contacts neither see it nor what is filed in it. */
    internal: { type: 'boolean', required: true, default: false },
    createdBy: { type: 'string', required: true },
    createdAt: { type: 'string', required: true, readOnly: true },
    updatedAt: { type: 'string', required: true, default: () => new Date().toISOString(), watch: '*', set: () => new Date().toISOString() },
    version: { type: 'number', required: true, default: 1 },
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['tenantId', 'folderId'], template: 't#${tenantId}#document-folder#${folderId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'folder' },
    },
    /** A folder's subfolders by name. Renaming one needs `.composite({ nameKey, folderId })`. */
    byParent: {
      index: 'gsi1',
      pk: {
        field: 'gsi1pk',
        composite: ['tenantId', 'customerId', 'parentId'],
        template: 't#${tenantId}#subfolders#${customerId}#${parentId}',
        casing: 'none',
      },
      sk: { field: 'gsi1sk', composite: ['nameKey', 'folderId'], template: '${nameKey}#${folderId}', casing: 'none' },
    },
  },
});

/**
 * A folder's name where it is, in lower case: written on the condition that none is there, in
 * the transaction that makes, renames or moves the folder, so that two siblings cannot take one
 * name at the same moment (the sibling query alone is a check, then a write). Folders made
 * before it existed have none; the query still finds them.
 */
export const DocumentFolderName = new Entity({
  model: { entity: 'documentFolderName', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    customerId: { type: 'string', required: true, readOnly: true },
    parentId: { type: 'string', required: true, readOnly: true },
    nameKey: { type: 'string', required: true, readOnly: true },
    folderId: { type: 'string', required: true, readOnly: true },
  },
  indexes: {
    byName: {
      pk: {
        field: 'pk',
        composite: ['tenantId', 'customerId', 'parentId', 'nameKey'],
        template: 't#${tenantId}#folder-name#${customerId}#${parentId}#${nameKey}',
        casing: 'none',
      },
      sk: { field: 'sk', composite: [], template: 'folder-name' },
    },
  },
});
