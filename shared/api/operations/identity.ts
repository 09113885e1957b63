/** The firm's people and invitations. */
import type { OperationDef } from '../operations.ts';

export const IDENTITY_OPERATIONS = [
  { operationId: 'listUsers', method: 'GET', path: '/api/users', context: 'identity', access: 'users.view', summary: "List the firm's users" },
  { operationId: 'getUser', method: 'GET', path: '/api/users/{userId}', context: 'identity', access: 'users.view', summary: "A person's full profile" },
  { operationId: 'updateUser', method: 'PATCH', path: '/api/users/{userId}', context: 'identity', access: 'users.manage', summary: "Change a person's role or profile (optimistic: send the version you saw)" },
  { operationId: 'deactivateUser', method: 'POST', path: '/api/users/{userId}/deactivate', context: 'identity', access: 'users.manage', summary: 'Shut a person out (never deleted): sessions end, sign-in refused' },
  { operationId: 'reactivateUser', method: 'POST', path: '/api/users/{userId}/reactivate', context: 'identity', access: 'users.manage', summary: 'Let a deactivated person sign in again' },
  { operationId: 'createInvitation', method: 'POST', path: '/api/invitations', context: 'identity', access: 'users.manage', summary: 'Invite a team member or client by email' },
  { operationId: 'listInvitations', method: 'GET', path: '/api/invitations', context: 'identity', access: 'users.manage', summary: "List the firm's invitations" },
  { operationId: 'resendInvitation', method: 'POST', path: '/api/invitations/{invitationId}/resend', context: 'identity', access: 'users.manage', summary: 'Send a pending invitation again, with a new link' },
] as const satisfies readonly OperationDef[];
