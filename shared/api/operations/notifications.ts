/** In-app notifications and live-update tickets. */
import type { OperationDef } from '../operations.ts';

export const NOTIFICATIONS_OPERATIONS = [
  { operationId: 'createRealtimeTicket', method: 'POST', path: '/api/realtime/tickets', context: 'notifications', access: 'signed-in', summary: 'A one-time ticket to open the live-updates WebSocket' },
  { operationId: 'listNotifications', method: 'GET', path: '/api/notifications', context: 'notifications', access: 'signed-in', summary: 'My notifications, newest first' },
  { operationId: 'markNotificationsRead', method: 'POST', path: '/api/notifications/read', context: 'notifications', access: 'signed-in', summary: 'Mark some of my notifications read' },
] as const satisfies readonly OperationDef[];
