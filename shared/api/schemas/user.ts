import * as z from 'zod/mini';
import { LOCALES } from '../../domain/locales.ts';
import { PERMISSIONS, ROLES } from '../../domain/identity/permissions.ts';
import { EMAIL_PROBLEMS } from '../../domain/notifications/email-feedback.ts';

/** The people and session shapes every context answers with. */
export const locale = z.enum(LOCALES);

export const userView = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  status: z.enum(['invited', 'active', 'deactivated']),
  locale,
  timeZone: z.string(),
  phone: z.optional(z.string()),
  company: z.optional(z.string()),
  position: z.optional(z.string()),
  department: z.optional(z.string()),
  skills: z.optional(z.array(z.string())),
  expertiseLevel: z.optional(z.string()),
  availabilityStatus: z.optional(z.string()),
  mfaEnabled: z.optional(z.boolean()),
  /** The portal stopped emailing this address: it bounced for good, or its owner marked our email as spam. */
  emailProblem: z.optional(z.object({ reason: z.enum(EMAIL_PROBLEMS), at: z.string() })),
});
export type UserView = z.infer<typeof userView>;

export const tenantView = z.object({
  tenantId: z.string(),
  slug: z.string(),
  name: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  /** The firm's accent colour, when it chose one. */
  accent: z.optional(z.string()),
});

export const me = z.object({
  user: userView,
  tenant: tenantView,
  permissions: z.array(z.enum(PERMISSIONS)),
  home: z.string(),
  /** The firm requires two-step sign-in and this person has not set it up: nothing else is open. */
  mfaRequired: z.boolean(),
});

export const session = z.extend(me, {
  /** Short-lived bearer token, kept in memory by the web app only. */
  token: z.string(),
  expiresAt: z.string(),
});
export type Session = z.infer<typeof session>;
