/** Figures for the firm's dashboard, read from counters kept by the event stream. */
import type { OperationDef } from '../operations.ts';

export const ANALYTICS_OPERATIONS = [
  { operationId: 'getRequestKpis', method: 'GET', path: '/api/analytics/requests', context: 'analytics', access: 'analytics.view' },
] as const satisfies readonly OperationDef[];
