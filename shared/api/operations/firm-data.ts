/** A firm's own data, all of it, for its admins to take (issue 19; ADR 0038). */
import type { OperationDef } from '../operations.ts';

export const FIRM_DATA_OPERATIONS = [
  { operationId: 'requestFirmExport', method: 'POST', path: '/api/firm/exports', lambda: 'firm-data', access: 'firm.export', success: [202] },
  { operationId: 'listFirmExports', method: 'GET', path: '/api/firm/exports', lambda: 'firm-data', access: 'firm.export' },
  { operationId: 'getFirmExport', method: 'GET', path: '/api/firm/exports/{exportId}', lambda: 'firm-data', access: 'firm.export' },
] as const satisfies readonly OperationDef[];
