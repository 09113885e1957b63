/**
 * Starting, sending and cancelling uploads of documents (ADR 0029, 0032): a small file in one
 * presigned POST, a large one in parts that the uploader alone signs, lists, completes or cancels.
 */
import type { OperationDef } from '../operations.ts';

const VERSION = '/api/documents/{documentId}/versions/{versionNo}' as const;

export const DOCUMENT_UPLOADS_OPERATIONS = [
  { operationId: 'createDocumentUpload', method: 'POST', path: '/api/documents', lambda: 'document-uploads', access: 'documents.upload', success: [201] },
  { operationId: 'listDocumentUploadParts', method: 'GET', path: `${VERSION}/parts`, lambda: 'document-uploads', access: 'documents.upload' },
  { operationId: 'signDocumentUploadParts', method: 'POST', path: `${VERSION}/parts`, lambda: 'document-uploads', access: 'documents.upload' },
  {
    operationId: 'completeDocumentUpload',
    method: 'POST',
    path: `${VERSION}/complete`,
    lambda: 'document-uploads',
    access: 'documents.upload',
    success: [202],
  },
  { operationId: 'cancelDocumentUpload', method: 'DELETE', path: `${VERSION}/upload`, lambda: 'document-uploads', access: 'documents.upload', success: [204] },
] as const satisfies readonly OperationDef[];
