/** Figures for the firm's dashboard (read from counters kept by the event stream), and request exports. */
import type { OperationDef } from '../operations.ts';

export const ANALYTICS_OPERATIONS = [
  { operationId: 'getRequestKpis', method: 'GET', path: '/api/analytics/requests', lambda: 'analytics', access: 'analytics.view' },
  { operationId: 'getKpiTrends', method: 'GET', path: '/api/analytics/trends', lambda: 'analytics', access: 'analytics.view' },
  { operationId: 'getBookingKpis', method: 'GET', path: '/api/analytics/bookings', lambda: 'analytics', access: 'analytics.view' },
  { operationId: 'createRequestExport', method: 'POST', path: '/api/requests/exports', lambda: 'analytics', access: 'analytics.export', success: [202] },
  { operationId: 'getRequestExport', method: 'GET', path: '/api/requests/exports/{exportId}', lambda: 'analytics', access: 'analytics.export' },
] as const satisfies readonly OperationDef[];
