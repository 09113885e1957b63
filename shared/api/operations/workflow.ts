/** A request's changes: moves, assignment, comments, approval, edits, deletion, and the same in bulk. */
import type { OperationDef } from '../operations.ts';

export const WORKFLOW_OPERATIONS = [
  { operationId: 'moveRequest', method: 'POST', path: '/api/requests/{requestId}/status', lambda: 'workflow', access: 'signed-in' },
  { operationId: 'assignRequest', method: 'POST', path: '/api/requests/{requestId}/assignee', lambda: 'workflow', access: 'service_requests.assign' },
  { operationId: 'commentOnRequest', method: 'POST', path: '/api/requests/{requestId}/comments', lambda: 'workflow', access: 'signed-in', success: [201] },
  { operationId: 'approveRequest', method: 'POST', path: '/api/requests/{requestId}/approval', lambda: 'workflow', access: 'signed-in' },
  { operationId: 'updateRequest', method: 'PATCH', path: '/api/requests/{requestId}', lambda: 'workflow', access: 'signed-in' },
  { operationId: 'deleteRequest', method: 'DELETE', path: '/api/requests/{requestId}', lambda: 'workflow', access: 'service_requests.delete' },
  { operationId: 'bulkRequests', method: 'POST', path: '/api/requests/bulk', lambda: 'workflow', access: 'service_requests.update' },
  { operationId: 'getRequestSettings', method: 'GET', path: '/api/firm/request-settings', lambda: 'workflow', access: 'settings.manage' },
  { operationId: 'updateRequestSettings', method: 'PATCH', path: '/api/firm/request-settings', lambda: 'workflow', access: 'settings.manage' },
] as const satisfies readonly OperationDef[];
