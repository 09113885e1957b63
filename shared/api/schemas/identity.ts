import * as z from 'zod/mini';
import { PERMISSIONS, ROLES } from '../../domain/identity/permissions.ts';
import { passwordProblem } from '../../domain/identity/password.ts';
import { email, page, pageQuery, requiredString } from './common.ts';
import { INVITABLE_ROLES } from './invitable-roles.ts';
import type { Schemas } from './types.ts';

export const loginInput = z.object({
  email,
  // Not trimmed: spaces may be part of a password.
  password: z.string({ error: 'is required' }).check(z.minLength(1, 'is required'), z.maxLength(256)),
});

export const userView = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  status: z.enum(['invited', 'active', 'deactivated']),
  locale: z.enum(['en', 'ar', 'hi']),
  timeZone: z.string(),
  phone: z.optional(z.string()),
  company: z.optional(z.string()),
  position: z.optional(z.string()),
  department: z.optional(z.string()),
  skills: z.optional(z.array(z.string())),
  expertiseLevel: z.optional(z.string()),
  availabilityStatus: z.optional(z.string()),
  mfaEnabled: z.optional(z.boolean()),
});
export type UserView = z.infer<typeof userView>;

export const tenantView = z.object({ tenantId: z.string(), slug: z.string(), name: z.string(), timeZone: z.string(), currency: z.string() });

export const me = z.object({
  user: userView,
  tenant: tenantView,
  permissions: z.array(z.enum(PERMISSIONS)),
  home: z.string(),
});

export const session = z.extend(me, {
  /** Short-lived bearer token, kept in memory by the web app only. */
  token: z.string(),
  expiresAt: z.string(),
});
export type Session = z.infer<typeof session>;

export const userPage = page(userView);

const LOCALE = z.enum(['en', 'ar', 'hi']);


export const createInvitationInput = z.object({
  email,
  name: requiredString(120),
  role: z.enum(INVITABLE_ROLES, { error: `must be one of ${INVITABLE_ROLES.join(', ')}` }),
  /** The language of the email and the first visit; the firm's language when not given. */
  locale: z.optional(LOCALE),
});

export const invitationView = z.object({
  invitationId: z.string(),
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  locale: LOCALE,
  status: z.enum(['pending', 'accepted', 'revoked']),
  expiresAt: z.string(),
  createdAt: z.string(),
});
export type InvitationView = z.infer<typeof invitationView>;

const token = requiredString(400);

export const invitationLookupQuery = z.object({ token });

/** What the person opening the link may see before accepting. */
export const invitationPreview = z.object({ email: z.string(), name: z.string(), role: z.enum(ROLES), locale: LOCALE, firmName: z.string() });

/** A new password: checked against the whole policy, every missing rule named. */
const newPassword = z.string({ error: 'is required' }).check(
  z.maxLength(256),
  z.refine((p) => !passwordProblem(p), { error: (issue) => passwordProblem(String(issue.input)) ?? 'is not allowed' }),
);

export const acceptInvitationInput = z.object({ token, password: newPassword });

export const forgotPasswordInput = z.object({ email });

const totpCode = z.string({ error: 'is required' }).check(z.trim(), z.regex(/^\d{6}$/, 'must be the 6 digits your authenticator app shows'));

/** The answer to a sign-in when two-step sign-in is on: the password was right, a code is next. */
export const totpChallenge = z.object({ totp: z.object({ session: z.string() }) });

export const mfaChallengeInput = z.object({ email, session: requiredString(4096), code: totpCode });
export const mfaSetupInput = z.object({ password: z.string({ error: 'is required' }).check(z.minLength(1, 'is required'), z.maxLength(256)) });
export const mfaSetup = z.object({ secret: z.string(), otpauthUri: z.string(), expiresAt: z.string() });
export const mfaConfirmInput = z.object({ code: totpCode });

export const resetPasswordInput = z.object({ token, password: newPassword });

/** The identity context's operations → schemas (each context bundles only its own). */
export const IDENTITY_SCHEMAS = {
  listUsers: { query: pageQuery, response: userPage },
  createInvitation: { body: createInvitationInput, response: invitationView },
  listInvitations: { query: pageQuery, response: page(invitationView) },
  resendInvitation: { response: invitationView },
} satisfies Record<string, Schemas>;
