/** The firm's people and invitations. */
import type { OperationDef } from '../operations.ts';

export const IDENTITY_OPERATIONS = [
  { operationId: 'listUsers', method: 'GET', path: '/api/users', context: 'identity', access: 'users.view' },
  { operationId: 'getUser', method: 'GET', path: '/api/users/{userId}', context: 'identity', access: 'users.view' },
  { operationId: 'updateUser', method: 'PATCH', path: '/api/users/{userId}', context: 'identity', access: 'users.manage' },
  { operationId: 'deactivateUser', method: 'POST', path: '/api/users/{userId}/deactivate', context: 'identity', access: 'users.manage' },
  { operationId: 'reactivateUser', method: 'POST', path: '/api/users/{userId}/reactivate', context: 'identity', access: 'users.manage' },
  { operationId: 'createInvitation', method: 'POST', path: '/api/invitations', context: 'identity', access: 'users.manage', success: [201] },
  { operationId: 'listInvitations', method: 'GET', path: '/api/invitations', context: 'identity', access: 'users.manage' },
  { operationId: 'resendInvitation', method: 'POST', path: '/api/invitations/{invitationId}/resend', context: 'identity', access: 'users.manage' },
] as const satisfies readonly OperationDef[];
