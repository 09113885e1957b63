/**
 * The operations of the API as plain data (no schemas, so the web bundle stays small).
 * `routes.ts` attaches the zod schemas; the local gateway, CDK, OpenAPI and the web client
 * all derive from this one list.
 */
import type { Permission } from '../domain/identity/permissions.ts';

/** Bounded contexts: one Lambda each. */
export const CONTEXTS = ['access', 'audit', 'auth', 'identity', 'notifications', 'platform'] as const;
export type Context = (typeof CONTEXTS)[number];

/** 'public': no token; 'signed-in': any active user; a permission: users holding it. */
export type Access = 'public' | 'signed-in' | Permission;

export interface OperationDef {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: `/api/${string}`;
  context: Context;
  access: Access;
  summary: string;
}

const define = <const T extends readonly OperationDef[]>(ops: T) => ops;

export const OPERATIONS = define([
  { operationId: 'login', method: 'POST', path: '/api/auth/login', context: 'auth', access: 'public', summary: 'Sign in with email and password' },
  { operationId: 'refresh', method: 'POST', path: '/api/auth/refresh', context: 'auth', access: 'public', summary: 'New token from the refresh cookie' },
  { operationId: 'logout', method: 'POST', path: '/api/auth/logout', context: 'auth', access: 'signed-in', summary: 'Revoke the session and clear the cookie' },
  { operationId: 'answerMfaChallenge', method: 'POST', path: '/api/auth/mfa/challenge', context: 'auth', access: 'public', summary: 'Finish a two-step sign-in with the authenticator code' },
  { operationId: 'startMfaSetup', method: 'POST', path: '/api/auth/mfa/setup', context: 'auth', access: 'signed-in', summary: 'Start turning on two-step sign-in (password again); returns the app secret' },
  { operationId: 'confirmMfaSetup', method: 'POST', path: '/api/auth/mfa/confirm', context: 'auth', access: 'signed-in', summary: 'Turn on two-step sign-in with the first code from the app' },
  { operationId: 'forgotPassword', method: 'POST', path: '/api/auth/forgot-password', context: 'auth', access: 'public', summary: 'Email a password-reset link (always accepted: existence is not revealed)' },
  { operationId: 'resetPassword', method: 'POST', path: '/api/auth/reset-password', context: 'auth', access: 'public', summary: 'Choose a new password with the emailed link; signs out every session' },
  { operationId: 'getMe', method: 'GET', path: '/api/me', context: 'auth', access: 'signed-in', summary: 'The signed-in user, firm and permissions' },
  { operationId: 'listUsers', method: 'GET', path: '/api/users', context: 'identity', access: 'users.view', summary: "List the firm's users" },
  { operationId: 'getUser', method: 'GET', path: '/api/users/{userId}', context: 'identity', access: 'users.view', summary: "A person's full profile" },
  { operationId: 'updateUser', method: 'PATCH', path: '/api/users/{userId}', context: 'identity', access: 'users.manage', summary: "Change a person's role or profile (optimistic: send the version you saw)" },
  { operationId: 'deactivateUser', method: 'POST', path: '/api/users/{userId}/deactivate', context: 'identity', access: 'users.manage', summary: 'Shut a person out (never deleted): sessions end, sign-in refused' },
  { operationId: 'reactivateUser', method: 'POST', path: '/api/users/{userId}/reactivate', context: 'identity', access: 'users.manage', summary: 'Let a deactivated person sign in again' },
  { operationId: 'createInvitation', method: 'POST', path: '/api/invitations', context: 'identity', access: 'users.manage', summary: 'Invite a team member or client by email' },
  { operationId: 'listInvitations', method: 'GET', path: '/api/invitations', context: 'identity', access: 'users.manage', summary: "List the firm's invitations" },
  { operationId: 'resendInvitation', method: 'POST', path: '/api/invitations/{invitationId}/resend', context: 'identity', access: 'users.manage', summary: 'Send a pending invitation again, with a new link' },
  { operationId: 'previewInvitation', method: 'GET', path: '/api/invitations/preview', context: 'auth', access: 'public', summary: 'What an invitation link is for, before accepting' },
  { operationId: 'acceptInvitation', method: 'POST', path: '/api/invitations/accept', context: 'auth', access: 'public', summary: 'Accept an invitation: set a password and sign in' },
  { operationId: 'createRealtimeTicket', method: 'POST', path: '/api/realtime/tickets', context: 'notifications', access: 'signed-in', summary: 'A one-time ticket to open the live-updates WebSocket' },
  { operationId: 'listNotifications', method: 'GET', path: '/api/notifications', context: 'notifications', access: 'signed-in', summary: 'My notifications, newest first' },
  { operationId: 'markNotificationsRead', method: 'POST', path: '/api/notifications/read', context: 'notifications', access: 'signed-in', summary: 'Mark some of my notifications read' },
  { operationId: 'listRoleDefinitions', method: 'GET', path: '/api/permissions', context: 'access', access: 'permissions.manage', summary: 'Every permission, and what each role holds' },
  { operationId: 'listGrants', method: 'GET', path: '/api/users/{userId}/grants', context: 'access', access: 'permissions.manage', summary: "A person's extra permissions, active and expired" },
  { operationId: 'createGrant', method: 'POST', path: '/api/users/{userId}/grants', context: 'access', access: 'permissions.manage', summary: 'Grant a person one extra permission until a date' },
  { operationId: 'revokeGrant', method: 'DELETE', path: '/api/users/{userId}/grants/{grantId}', context: 'access', access: 'permissions.manage', summary: 'Take a granted permission back' },
  { operationId: 'listAudit', method: 'GET', path: '/api/audit', context: 'audit', access: 'audit.view', summary: "The firm's audit log, filtered by person, record, action and time" },
  { operationId: 'getOpenApi', method: 'GET', path: '/api/openapi.json', context: 'platform', access: 'public', summary: 'This API as OpenAPI 3.1' },
  { operationId: 'getHealth', method: 'GET', path: '/api/health', context: 'platform', access: 'public', summary: 'Liveness of the API and its table' },
]);

export type OperationId = (typeof OPERATIONS)[number]['operationId'];

export const operation = (id: OperationId): OperationDef => OPERATIONS.find((o) => o.operationId === id)!;

/** `/api/users/{id}` → RegExp with named groups. */
export function pathPattern(path: string): RegExp {
  const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, '(?<$1>[^/]+)');
  return new RegExp(`^${source}$`);
}
