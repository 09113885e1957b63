/** A request's changes: moves, assignment, comments, approval, edits, deletion, and the same in bulk. */
import type { OperationDef } from '../operations.ts';

export const WORKFLOW_OPERATIONS = [
  { operationId: 'moveRequest', method: 'POST', path: '/api/requests/{requestId}/status', context: 'workflow', access: 'signed-in' },
  { operationId: 'assignRequest', method: 'POST', path: '/api/requests/{requestId}/assignee', context: 'workflow', access: 'service_requests.assign' },
  { operationId: 'commentOnRequest', method: 'POST', path: '/api/requests/{requestId}/comments', context: 'workflow', access: 'signed-in', success: [201] },
  { operationId: 'approveRequest', method: 'POST', path: '/api/requests/{requestId}/approval', context: 'workflow', access: 'signed-in' },
  { operationId: 'updateRequest', method: 'PATCH', path: '/api/requests/{requestId}', context: 'workflow', access: 'signed-in' },
  { operationId: 'deleteRequest', method: 'DELETE', path: '/api/requests/{requestId}', context: 'workflow', access: 'service_requests.delete' },
  { operationId: 'bulkRequests', method: 'POST', path: '/api/requests/bulk', context: 'workflow', access: 'service_requests.update' },
] as const satisfies readonly OperationDef[];
