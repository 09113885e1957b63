/** Service requests: asked for by clients (or staff on their behalf), reviewed, assigned, worked and approved. */
import type { OperationDef } from '../operations.ts';

export const REQUESTS_OPERATIONS = [
  { operationId: 'createRequest', method: 'POST', path: '/api/requests', context: 'requests', access: 'service_requests.create', summary: 'Ask for a service (as a draft, or submitted); staff name the client they ask for' },
  { operationId: 'listRequests', method: 'GET', path: '/api/requests', context: 'requests', access: 'signed-in', summary: 'Requests I may see, newest first, filtered; one Query a page' },
  { operationId: 'getRequest', method: 'GET', path: '/api/requests/{requestId}', context: 'requests', access: 'signed-in', summary: 'A request with its timeline and comments, and what I may do next' },
  { operationId: 'moveRequest', method: 'POST', path: '/api/requests/{requestId}/status', context: 'requests', access: 'signed-in', summary: 'Move a request along its workflow (who may depends on the move)' },
  { operationId: 'assignRequest', method: 'POST', path: '/api/requests/{requestId}/assignee', context: 'requests', access: 'service_requests.assign', summary: 'Assign a request to a team member' },
  { operationId: 'commentOnRequest', method: 'POST', path: '/api/requests/{requestId}/comments', context: 'requests', access: 'signed-in', summary: 'Comment on a request; staff may keep a note internal' },
  { operationId: 'approveRequest', method: 'POST', path: '/api/requests/{requestId}/approval', context: 'requests', access: 'signed-in', summary: 'The client accepts the completed work' },
] as const satisfies readonly OperationDef[];
