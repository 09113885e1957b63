import * as z from 'zod/mini';
import {
  acceptInvitationInput,
  forgotPasswordInput,
  invitationLookupQuery,
  invitationPreview,
  loginInput,
  me,
  mfaChallengeInput,
  mfaConfirmInput,
  mfaSetup,
  mfaSetupInput,
  resetPasswordInput,
  session,
  totpChallenge,
} from './identity.ts';
import type { Schemas } from './types.ts';

/** The auth context's operations → schemas. */
export const AUTH_SCHEMAS = {
  login: { body: loginInput, response: z.union([session, totpChallenge]) },
  answerMfaChallenge: { body: mfaChallengeInput, response: session },
  startMfaSetup: { body: mfaSetupInput, response: mfaSetup },
  confirmMfaSetup: { body: mfaConfirmInput },
  refresh: { response: session },
  logout: {},
  getMe: { response: me },
  forgotPassword: { body: forgotPasswordInput },
  resetPassword: { body: resetPasswordInput },
  previewInvitation: { query: invitationLookupQuery, response: invitationPreview },
  acceptInvitation: { body: acceptInvitationInput, response: session },
} satisfies Record<string, Schemas>;
