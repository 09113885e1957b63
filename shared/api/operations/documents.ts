/** Customers' documents: uploads straight to S3, scanned before anyone can open them (ADR 0029). */
import type { OperationDef } from '../operations.ts';

export const DOCUMENTS_OPERATIONS = [
  { operationId: 'createDocumentUpload', method: 'POST', path: '/api/documents', lambda: 'documents', access: 'documents.upload', success: [201] },
  { operationId: 'listDocuments', method: 'GET', path: '/api/documents', lambda: 'documents', access: 'documents.view' },
  // Before /{documentId}: the local gateway matches in this order (API Gateway prefers the literal path anyway).
  { operationId: 'listHeldDocumentVersions', method: 'GET', path: '/api/documents/quarantine', lambda: 'documents', access: 'documents.quarantine' },
  { operationId: 'listDocumentFolders', method: 'GET', path: '/api/documents/folders', lambda: 'documents', access: 'documents.view' },
  { operationId: 'createDocumentFolder', method: 'POST', path: '/api/documents/folders', lambda: 'documents', access: 'documents.organise', success: [201] },
  { operationId: 'renameDocumentFolder', method: 'PATCH', path: '/api/documents/folders/{folderId}', lambda: 'documents', access: 'documents.organise' },
  { operationId: 'deleteDocumentFolder', method: 'DELETE', path: '/api/documents/folders/{folderId}', lambda: 'documents', access: 'documents.organise' },
  { operationId: 'getDocumentSettings', method: 'GET', path: '/api/firm/document-settings', lambda: 'documents', access: 'settings.manage' },
  { operationId: 'updateDocumentSettings', method: 'PATCH', path: '/api/firm/document-settings', lambda: 'documents', access: 'settings.manage' },
  { operationId: 'updateDocument', method: 'PATCH', path: '/api/documents/{documentId}', lambda: 'documents', access: 'documents.organise' },
  { operationId: 'getDocument', method: 'GET', path: '/api/documents/{documentId}', lambda: 'documents', access: 'documents.view' },
  { operationId: 'getDocumentDownload', method: 'GET', path: '/api/documents/{documentId}/download', lambda: 'documents', access: 'documents.view' },
  {
    operationId: 'discardDocumentVersion',
    method: 'POST',
    path: '/api/documents/{documentId}/versions/{versionNo}/discard',
    lambda: 'documents',
    access: 'documents.quarantine',
  },
  {
    operationId: 'rescanDocumentVersion',
    method: 'POST',
    path: '/api/documents/{documentId}/versions/{versionNo}/rescan',
    lambda: 'documents',
    access: 'documents.quarantine',
  },
  { operationId: 'createDocumentRequest', method: 'POST', path: '/api/document-requests', lambda: 'documents', access: 'documents.organise', success: [201] },
  { operationId: 'listDocumentRequests', method: 'GET', path: '/api/document-requests', lambda: 'documents', access: 'documents.view' },
  {
    operationId: 'cancelDocumentRequest',
    method: 'POST',
    path: '/api/document-requests/{documentRequestId}/cancel',
    lambda: 'documents',
    access: 'documents.organise',
  },
  {
    operationId: 'revertDocumentVersion',
    method: 'POST',
    path: '/api/documents/{documentId}/versions/{versionNo}/revert',
    lambda: 'documents',
    access: 'documents.organise',
    success: [201],
  },
  { operationId: 'compareDocumentVersions', method: 'GET', path: '/api/documents/{documentId}/compare', lambda: 'documents', access: 'documents.view' },
  { operationId: 'getDocumentPreview', method: 'GET', path: '/api/documents/{documentId}/preview', lambda: 'documents', access: 'documents.view' },
  { operationId: 'listDocumentHistory', method: 'GET', path: '/api/documents/{documentId}/history', lambda: 'documents', access: 'documents.organise' },
] as const satisfies readonly OperationDef[];
