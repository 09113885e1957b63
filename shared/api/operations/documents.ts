/** Customers' documents: uploads straight to S3, scanned before anyone can open them (ADR 0029). */
import type { OperationDef } from '../operations.ts';

export const DOCUMENTS_OPERATIONS = [
  { operationId: 'createDocumentUpload', method: 'POST', path: '/api/documents', lambda: 'documents', access: 'documents.upload', success: [201] },
  { operationId: 'listDocuments', method: 'GET', path: '/api/documents', lambda: 'documents', access: 'documents.view' },
  { operationId: 'getDocument', method: 'GET', path: '/api/documents/{documentId}', lambda: 'documents', access: 'documents.view' },
  { operationId: 'getDocumentDownload', method: 'GET', path: '/api/documents/{documentId}/download', lambda: 'documents', access: 'documents.view' },
] as const satisfies readonly OperationDef[];
