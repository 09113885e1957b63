/** The firm's people and invitations. */
import type { OperationDef } from '../operations.ts';

export const IDENTITY_OPERATIONS = [
  { operationId: 'listUsers', method: 'GET', path: '/api/users', lambda: 'identity', access: 'users.view' },
  { operationId: 'getUser', method: 'GET', path: '/api/users/{userId}', lambda: 'identity', access: 'users.view' },
  { operationId: 'updateUser', method: 'PATCH', path: '/api/users/{userId}', lambda: 'identity', access: 'users.manage' },
  { operationId: 'deactivateUser', method: 'POST', path: '/api/users/{userId}/deactivate', lambda: 'identity', access: 'users.manage' },
  { operationId: 'reactivateUser', method: 'POST', path: '/api/users/{userId}/reactivate', lambda: 'identity', access: 'users.manage' },
  { operationId: 'resumeEmail', method: 'POST', path: '/api/users/{userId}/email/resume', lambda: 'identity', access: 'users.manage' },
  { operationId: 'createInvitation', method: 'POST', path: '/api/invitations', lambda: 'identity', access: 'users.manage', success: [201] },
  // A customer's primary contact invites a colleague, if the firm allows it (functions/identity/invitations.ts).
  { operationId: 'inviteColleague', method: 'POST', path: '/api/organisation/contacts', lambda: 'identity', access: 'signed-in', success: [201] },
  { operationId: 'listInvitations', method: 'GET', path: '/api/invitations', lambda: 'identity', access: 'users.manage' },
  { operationId: 'getFirmLanguages', method: 'GET', path: '/api/firm/languages', lambda: 'identity', access: 'settings.manage' },
  { operationId: 'updateFirmLanguages', method: 'PATCH', path: '/api/firm/languages', lambda: 'identity', access: 'settings.manage' },
  { operationId: 'resendInvitation', method: 'POST', path: '/api/invitations/{invitationId}/resend', lambda: 'identity', access: 'users.manage' },
] as const satisfies readonly OperationDef[];
