/** Public platform routes: API description and liveness. */
import type { OperationDef } from '../operations.ts';

export const PLATFORM_OPERATIONS = [
  { operationId: 'getOpenApi', method: 'GET', path: '/api/openapi.json', lambda: 'platform', access: 'public', success: [200] },
  { operationId: 'getHealth', method: 'GET', path: '/api/health', lambda: 'platform', access: 'public' },
] as const satisfies readonly OperationDef[];
