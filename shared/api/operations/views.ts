/** Saved views: a person's own named filters for a list. */
import type { OperationDef } from '../operations.ts';

export const VIEWS_OPERATIONS = [
  { operationId: 'listSavedViews', method: 'GET', path: '/api/views', lambda: 'views', access: 'signed-in' },
  { operationId: 'createSavedView', method: 'POST', path: '/api/views', lambda: 'views', access: 'signed-in', success: [201] },
  { operationId: 'deleteSavedView', method: 'DELETE', path: '/api/views/{viewId}', lambda: 'views', access: 'signed-in' },
] as const satisfies readonly OperationDef[];
