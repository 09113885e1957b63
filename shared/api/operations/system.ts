/** The system's health, for admins: its own context, since it carries authentication and several AWS clients. */
import type { OperationDef } from '../operations.ts';

export const SYSTEM_OPERATIONS = [
  { operationId: 'getSystemHealth', method: 'GET', path: '/api/system/health', lambda: 'system', access: 'system.health' },
] as const satisfies readonly OperationDef[];
