/** Service requests: asked for by clients (or staff on their behalf), reviewed, assigned, worked and approved. */
import type { OperationDef } from '../operations.ts';

export const REQUESTS_OPERATIONS = [
  { operationId: 'createRequest', method: 'POST', path: '/api/requests', context: 'requests', access: 'service_requests.create' },
  { operationId: 'listRequests', method: 'GET', path: '/api/requests', context: 'requests', access: 'signed-in' },
  { operationId: 'getRequest', method: 'GET', path: '/api/requests/{requestId}', context: 'requests', access: 'signed-in' },
  { operationId: 'moveRequest', method: 'POST', path: '/api/requests/{requestId}/status', context: 'requests', access: 'signed-in' },
  { operationId: 'assignRequest', method: 'POST', path: '/api/requests/{requestId}/assignee', context: 'requests', access: 'service_requests.assign' },
  { operationId: 'commentOnRequest', method: 'POST', path: '/api/requests/{requestId}/comments', context: 'requests', access: 'signed-in' },
  { operationId: 'approveRequest', method: 'POST', path: '/api/requests/{requestId}/approval', context: 'requests', access: 'signed-in' },
] as const satisfies readonly OperationDef[];
