/** The platform operator's firms (ADR 0035): only SUPER_ADMIN of the platform holds `platform.manage`. */
import type { OperationDef } from '../operations.ts';

export const FIRMS_OPERATIONS = [
  { operationId: 'listFirms', method: 'GET', path: '/api/platform/firms', lambda: 'firms', access: 'platform.manage' },
  { operationId: 'createFirm', method: 'POST', path: '/api/platform/firms', lambda: 'firms', access: 'platform.manage', success: [201] },
  { operationId: 'getFirm', method: 'GET', path: '/api/platform/firms/{firmId}', lambda: 'firms', access: 'platform.manage' },
  { operationId: 'suspendFirm', method: 'POST', path: '/api/platform/firms/{firmId}/suspend', lambda: 'firms', access: 'platform.manage' },
  { operationId: 'reactivateFirm', method: 'POST', path: '/api/platform/firms/{firmId}/reactivate', lambda: 'firms', access: 'platform.manage' },
  { operationId: 'scheduleFirmDeletion', method: 'POST', path: '/api/platform/firms/{firmId}/deletion', lambda: 'firms', access: 'platform.manage' },
  { operationId: 'cancelFirmDeletion', method: 'POST', path: '/api/platform/firms/{firmId}/deletion/cancel', lambda: 'firms', access: 'platform.manage' },
] as const satisfies readonly OperationDef[];
