import * as z from 'zod/mini';
import { LOCALES, type Locale } from '../../domain/locales.ts';
import { PERMISSIONS, ROLES } from '../../domain/identity/permissions.ts';
import { EMAIL_PROBLEMS } from '../../domain/notifications/email-feedback.ts';

/** The people and session shapes every context answers with. */
export const locale = z.enum(LOCALES, { error: `must be one of ${LOCALES.join(', ')}` });

/** The languages a firm offers: each once, at least one. */
export const languages = z.array(locale).check(
  z.minLength(1, 'must name at least one language'),
  z.refine((ls) => new Set(ls).size === ls.length, 'must name each language once'),
);

/** A firm's default language and the ones it offers, in every answer that shows a page of the firm. */
export const firmLanguagesFields = { locale, languages: z.array(locale) };

/** A firm's default must be among its languages (a 400 on `locale`; none at all is a 400 on `languages` alone). */
export const offersItsDefault = z.refine<{ locale?: Locale | undefined; languages?: Locale[] | undefined }>(
  (firm) => !firm.locale || !firm.languages?.length || firm.languages.includes(firm.locale),
  { error: "must be one of the firm's languages", path: ['locale'] },
);

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
  /** The firm's default language, and the ones it offers: the language switcher offers only these. */
  ...firmLanguagesFields,
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
