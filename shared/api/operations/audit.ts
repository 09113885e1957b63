/** The audit log. */
import type { OperationDef } from '../operations.ts';

export const AUDIT_OPERATIONS = [
  { operationId: 'listAudit', method: 'GET', path: '/api/audit', lambda: 'audit', access: 'audit.view' },
] as const satisfies readonly OperationDef[];
