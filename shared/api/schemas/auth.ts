import * as z from 'zod/mini';
import { ROLES } from '../../domain/identity/permissions.ts';
import { passwordProblem } from '../../domain/identity/password.ts';
import { email, requiredString, typeError } from './common.ts';
import type { Schemas } from './types.ts';
import { locale, me, session } from './user.ts';

export const loginInput = z.object({
  email,
  // Not trimmed: spaces may be part of a password.
  password: z.string({ error: typeError('must be text') }).check(z.minLength(1, 'is required'), z.maxLength(256)),
});

const token = requiredString(400);

export const invitationLookupQuery = z.object({ token });

/** What the person opening the link may see before accepting. */
export const invitationPreview = z.object({
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  locale,
  firmName: z.string(),
  /** The languages the firm offers (its page's switcher offers only these). */
  languages: z.array(locale),
  source: z.enum(['firm', 'self']),
});

/** A new password: checked against the whole policy, every missing rule named. */
const newPassword = z.string({ error: typeError('must be text') }).check(
  z.maxLength(256),
  z.refine((p) => !passwordProblem(p), { error: (issue) => passwordProblem(String(issue.input)) ?? 'is not allowed' }),
);

export const acceptInvitationInput = z.object({ token, password: newPassword });

export const forgotPasswordInput = z.object({ email });

const totpCode = z
  .string({ error: typeError('must be text') })
  .check(
    z.maxLength(20, 'must be the 6 digits your authenticator app shows'),
    z.trim(),
    z.regex(/^\d{6}$/, 'must be the 6 digits your authenticator app shows'),
  );

/** The answer to a sign-in when two-step sign-in is on: the password was right, a code is next. */
export const totpChallenge = z.object({ totp: z.object({ session: z.string() }) });

export const mfaChallengeInput = z.object({ email, session: requiredString(4096), code: totpCode });
export const mfaSetupInput = z.object({ password: z.string({ error: typeError('must be text') }).check(z.minLength(1, 'is required'), z.maxLength(256)) });
export const mfaSetup = z.object({ secret: z.string(), otpauthUri: z.string(), expiresAt: z.string() });
export const mfaConfirmInput = z.object({ code: totpCode });
export const mfaDisableInput = z.object({ password: mfaSetupInput.shape.password, code: totpCode });

export const resetPasswordInput = z.object({ token, password: newPassword });

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
  disableMfa: { body: mfaDisableInput },
} satisfies Record<string, Schemas>;
