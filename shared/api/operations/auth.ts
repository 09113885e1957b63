/** Authentication: sessions, two-step sign-in, passwords, accepting invitations. */
import type { OperationDef } from '../operations.ts';

export const AUTH_OPERATIONS = [
  { operationId: 'login', method: 'POST', path: '/api/auth/login', context: 'auth', access: 'public', summary: 'Sign in with email and password' },
  { operationId: 'refresh', method: 'POST', path: '/api/auth/refresh', context: 'auth', access: 'public', summary: 'New token from the refresh cookie' },
  { operationId: 'logout', method: 'POST', path: '/api/auth/logout', context: 'auth', access: 'signed-in', summary: 'Revoke the session and clear the cookie', beforeMfa: true },
  { operationId: 'answerMfaChallenge', method: 'POST', path: '/api/auth/mfa/challenge', context: 'auth', access: 'public', summary: 'Finish a two-step sign-in with the authenticator code' },
  { operationId: 'startMfaSetup', method: 'POST', path: '/api/auth/mfa/setup', context: 'auth', access: 'signed-in', summary: 'Start turning on two-step sign-in (password again); returns the app secret', beforeMfa: true },
  { operationId: 'confirmMfaSetup', method: 'POST', path: '/api/auth/mfa/confirm', context: 'auth', access: 'signed-in', summary: 'Turn on two-step sign-in with the first code from the app', beforeMfa: true },
  { operationId: 'forgotPassword', method: 'POST', path: '/api/auth/forgot-password', context: 'auth', access: 'public', summary: 'Email a password-reset link (always accepted: existence is not revealed)' },
  { operationId: 'resetPassword', method: 'POST', path: '/api/auth/reset-password', context: 'auth', access: 'public', summary: 'Choose a new password with the emailed link; signs out every session' },
  { operationId: 'getMe', method: 'GET', path: '/api/me', context: 'auth', access: 'signed-in', summary: 'The signed-in user, firm and permissions', beforeMfa: true },
  { operationId: 'previewInvitation', method: 'GET', path: '/api/invitations/preview', context: 'auth', access: 'public', summary: 'What an invitation link is for, before accepting' },
  { operationId: 'acceptInvitation', method: 'POST', path: '/api/invitations/accept', context: 'auth', access: 'public', summary: 'Accept an invitation: set a password and sign in' },
  { operationId: 'disableMfa', method: 'POST', path: '/api/auth/mfa/disable', context: 'auth', access: 'signed-in', summary: 'Turn off two-step sign-in (password and a current code); refused where the firm requires it' },
] as const satisfies readonly OperationDef[];
