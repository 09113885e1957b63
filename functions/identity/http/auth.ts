import { AUTH_SCHEMAS } from '../../../shared/api/schemas/auth.ts';
import { actorFromClaims } from '../../lib/auth.ts';
import { contextHandler } from '../../lib/http.ts';
import { acceptInvitation, previewInvitation } from '../accept-invitation.ts';
import { answerMfaChallenge, confirmMfaSetup, disableMfa, startMfaSetup } from '../mfa.ts';
import { forgotPassword, resetPassword } from '../password.ts';
import { getMe, login, logout, refresh } from '../session.ts';
import { AUTH_OPERATIONS } from '../../../shared/api/operations/auth.ts';

/** Authentication: sessions, passwords, and the first sign-in from an invitation. */
export const handler = contextHandler({
  routes: AUTH_OPERATIONS,
  schemas: AUTH_SCHEMAS,
  operations: {
    login,
    answerMfaChallenge,
    startMfaSetup,
    confirmMfaSetup,
    disableMfa,
    refresh,
    logout,
    getMe,
    forgotPassword,
    resetPassword,
    previewInvitation,
    acceptInvitation,
  },
  authenticate: actorFromClaims,
});
