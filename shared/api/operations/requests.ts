/** Service requests: asked for by clients (or staff on their behalf), listed and read. Their changes: workflow.ts. */
import type { OperationDef } from '../operations.ts';

export const REQUESTS_OPERATIONS = [
  { operationId: 'createRequest', method: 'POST', path: '/api/requests', context: 'requests', access: 'service_requests.create', success: [201] },
  { operationId: 'listRequests', method: 'GET', path: '/api/requests', context: 'requests', access: 'signed-in' },
  { operationId: 'getRequest', method: 'GET', path: '/api/requests/{requestId}', context: 'requests', access: 'signed-in' },
] as const satisfies readonly OperationDef[];
