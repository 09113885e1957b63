/** Public platform routes: API description and liveness. */
import type { OperationDef } from '../operations.ts';

export const PLATFORM_OPERATIONS = [
  { operationId: 'getOpenApi', method: 'GET', path: '/api/openapi.json', context: 'platform', access: 'public', summary: 'This API as OpenAPI 3.1' },
  { operationId: 'getHealth', method: 'GET', path: '/api/health', context: 'platform', access: 'public', summary: 'Liveness of the API and its table' },
] as const satisfies readonly OperationDef[];
