/** Authentication: sessions, two-step sign-in, passwords, accepting invitations. */
import type { OperationDef } from '../operations.ts';

export const AUTH_OPERATIONS = [
  { operationId: 'login', method: 'POST', path: '/api/auth/login', lambda: 'auth', access: 'public', success: [200, 202] },
  { operationId: 'refresh', method: 'POST', path: '/api/auth/refresh', lambda: 'auth', access: 'public' },
  { operationId: 'logout', method: 'POST', path: '/api/auth/logout', lambda: 'auth', access: 'signed-in', beforeMfa: true },
  { operationId: 'answerMfaChallenge', method: 'POST', path: '/api/auth/mfa/challenge', lambda: 'auth', access: 'public' },
  { operationId: 'startMfaSetup', method: 'POST', path: '/api/auth/mfa/setup', lambda: 'auth', access: 'signed-in', beforeMfa: true, success: [201] },
  { operationId: 'confirmMfaSetup', method: 'POST', path: '/api/auth/mfa/confirm', lambda: 'auth', access: 'signed-in', beforeMfa: true },
  { operationId: 'forgotPassword', method: 'POST', path: '/api/auth/forgot-password', lambda: 'auth', access: 'public', success: [202] },
  { operationId: 'resetPassword', method: 'POST', path: '/api/auth/reset-password', lambda: 'auth', access: 'public' },
  { operationId: 'getMe', method: 'GET', path: '/api/me', lambda: 'auth', access: 'signed-in', beforeMfa: true },
  { operationId: 'previewInvitation', method: 'GET', path: '/api/invitations/preview', lambda: 'auth', access: 'public' },
  { operationId: 'acceptInvitation', method: 'POST', path: '/api/invitations/accept', lambda: 'auth', access: 'public', success: [201] },
  { operationId: 'disableMfa', method: 'POST', path: '/api/auth/mfa/disable', lambda: 'auth', access: 'signed-in' },
] as const satisfies readonly OperationDef[];
