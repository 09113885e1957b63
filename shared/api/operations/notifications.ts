/** In-app notifications and live-update tickets. */
import type { OperationDef } from '../operations.ts';

export const NOTIFICATIONS_OPERATIONS = [
  { operationId: 'createRealtimeTicket', method: 'POST', path: '/api/realtime/tickets', lambda: 'notifications', access: 'signed-in', success: [201] },
  { operationId: 'listNotifications', method: 'GET', path: '/api/notifications', lambda: 'notifications', access: 'signed-in' },
  { operationId: 'markNotificationsRead', method: 'POST', path: '/api/notifications/read', lambda: 'notifications', access: 'signed-in' },
  { operationId: 'getEmailPreferences', method: 'GET', path: '/api/me/email-preferences', lambda: 'notifications', access: 'signed-in' },
  { operationId: 'updateEmailPreferences', method: 'PUT', path: '/api/me/email-preferences', lambda: 'notifications', access: 'signed-in' },
  { operationId: 'openEmailLink', method: 'POST', path: '/api/notifications/links/open', lambda: 'notifications', access: 'signed-in' },
] as const satisfies readonly OperationDef[];
