/** The audit log. */
import type { OperationDef } from '../operations.ts';

export const AUDIT_OPERATIONS = [
  { operationId: 'listAudit', method: 'GET', path: '/api/audit', context: 'audit', access: 'audit.view', summary: "The firm's audit log, filtered by person, record, action and time" },
] as const satisfies readonly OperationDef[];
