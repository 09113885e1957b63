/** Service requests: asked for by clients (or staff on their behalf), listed and read. Their changes: workflow.ts. */
import type { OperationDef } from '../operations.ts';

export const REQUESTS_OPERATIONS = [
  { operationId: 'createRequest', method: 'POST', path: '/api/requests', lambda: 'requests', access: 'service_requests.create', success: [201] },
  { operationId: 'listRequests', method: 'GET', path: '/api/requests', lambda: 'requests', access: 'signed-in' },
  { operationId: 'getClientHome', method: 'GET', path: '/api/home', lambda: 'requests', access: 'signed-in' },
  { operationId: 'getRequest', method: 'GET', path: '/api/requests/{requestId}', lambda: 'requests', access: 'signed-in' },
] as const satisfies readonly OperationDef[];
