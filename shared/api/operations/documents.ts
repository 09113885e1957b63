/** Customers' documents: uploads straight to S3, scanned before anyone can open them (ADR 0029). */
import type { OperationDef } from '../operations.ts';

export const DOCUMENTS_OPERATIONS = [
  { operationId: 'createDocumentUpload', method: 'POST', path: '/api/documents', lambda: 'documents', access: 'documents.upload', success: [201] },
  { operationId: 'listDocuments', method: 'GET', path: '/api/documents', lambda: 'documents', access: 'documents.view' },
  // Before /{documentId}: the local gateway matches in this order (API Gateway prefers the literal path anyway).
  { operationId: 'listHeldDocumentVersions', method: 'GET', path: '/api/documents/quarantine', lambda: 'documents', access: 'documents.quarantine' },
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
] as const satisfies readonly OperationDef[];
