import {
  acceptInvitationInput,
  forgotPasswordInput,
  invitationLookupQuery,
  invitationPreview,
  loginInput,
  me,
  resetPasswordInput,
  session,
} from './identity.ts';
import type { Schemas } from './types.ts';

/** The auth context's operations → schemas. */
export const AUTH_SCHEMAS = {
  login: { body: loginInput, response: session },
  refresh: { response: session },
  logout: {},
  getMe: { response: me },
  forgotPassword: { body: forgotPasswordInput },
  resetPassword: { body: resetPasswordInput },
  previewInvitation: { query: invitationLookupQuery, response: invitationPreview },
  acceptInvitation: { body: acceptInvitationInput, response: session },
} satisfies Record<string, Schemas>;
