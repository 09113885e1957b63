import * as z from 'zod/mini';
import { CONTACT_ACCESS, CONTACT_ROLES } from '../../domain/customers/customers.ts';
import { ROLES } from '../../domain/identity/permissions.ts';
import { email, isoDate, page, pageQuery, personName, typeError } from './common.ts';
import { INVITABLE_ROLES } from './invitable-roles.ts';
import type { Schemas } from './types.ts';
import { firmLanguagesFields, languages, locale, offersItsDefault, userView } from './user.ts';

/** The firm's directory: its people and their invitations. */
export const userPage = page(userView);

export const createInvitationInput = z.object({
  email,
  name: personName(120),
  role: z.enum(INVITABLE_ROLES, { error: `must be one of ${INVITABLE_ROLES.join(', ')}` }),
  /** The language of the email and the first visit; the firm's language when not given. */
  locale: z.optional(locale),
  /** A client joins this customer as a contact (without it, a customer of their own). */
  customerId: z.optional(z.string().check(z.maxLength(64))),
  contactRole: z.optional(z.enum(CONTACT_ROLES, { error: `must be one of ${CONTACT_ROLES.join(', ')}` })),
  contactAccess: z.optional(z.enum(CONTACT_ACCESS, { error: `must be one of ${CONTACT_ACCESS.join(', ')}` })),
});

/** A primary contact's invitation of a colleague into their customer. */
export const inviteColleagueInput = z.object({
  email,
  name: personName(120),
  locale: z.optional(locale),
  contactAccess: z.optional(z.enum(CONTACT_ACCESS, { error: `must be one of ${CONTACT_ACCESS.join(', ')}` })),
});

export const invitationView = z.object({
  invitationId: z.string(),
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  locale,
  status: z.enum(['pending', 'accepted', 'revoked', 'expired', 'unsent']),
  expiresAt: z.string(),
  createdAt: z.string(),
});
export type InvitationView = z.infer<typeof invitationView>;

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const clock = z.string().check(z.maxLength(5, 'must be a time like 09:00'), z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 09:00'));
const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));

/** Hours per weekday, in the person's zone: each range starts before it ends and none overlap. */
export const workingHours = z.partialRecord(z.enum(WEEKDAYS), z.array(z.object({ start: clock, end: clock })).check(z.maxLength(4))).check(
  z.refine(
    (days) =>
      Object.values(days).every((ranges) => {
        const sorted = [...(ranges ?? [])].sort((a, b) => toMinutes(a.start) - toMinutes(b.start));
        return sorted.every((r, i) => toMinutes(r.start) < toMinutes(r.end) && (i === 0 || toMinutes(sorted[i - 1]!.end) <= toMinutes(r.start)));
      }),
    'each range must start before it ends, without overlapping another',
  ),
);

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const optionalText = (max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max)));

/** A change to a person: only the fields sent change; `version` is the one the editor saw. */
export const updateUserInput = z.object({
  version: z.number({ error: typeError('must be a number') }).check(z.int(), z.minimum(1)),
  name: z.optional(personName(120)),
  phone: optionalText(40),
  role: z.optional(z.enum(INVITABLE_ROLES, { error: `must be one of ${INVITABLE_ROLES.join(', ')}` })),
  locale: z.optional(locale),
  timeZone: z.optional(
    z.string().check(
      z.maxLength(64, 'is not a time zone (use names like Europe/London)'),
      z.refine((zone) => zone.length > 64 || isTimeZone(zone), 'is not a time zone (use names like Europe/London)'),
    ),
  ),
  company: optionalText(200),
  employeeId: optionalText(40),
  department: optionalText(80),
  position: optionalText(80),
  skills: z.optional(z.array(z.string().check(z.trim(), z.toLowerCase(), z.minLength(1), z.maxLength(50))).check(z.maxLength(30))),
  expertiseLevel: z.optional(z.enum(['junior', 'intermediate', 'senior', 'expert'])),
  /** Minor units of the firm's currency per hour. */
  hourlyRate: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(100_000_000))),
  availabilityStatus: z.optional(z.enum(['available', 'busy', 'offline', 'on_leave'])),
  maxConcurrentProjects: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(50))),
  hireDate: z.optional(isoDate),
  managerId: z.optional(z.nullable(z.string().check(z.maxLength(100)))),
  workingHours: z.optional(workingHours),
});
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const userDetail = z.extend(userView, {
  version: z.number(),
  employeeId: z.optional(z.string()),
  hourlyRate: z.optional(z.number()),
  maxConcurrentProjects: z.optional(z.number()),
  hireDate: z.optional(z.string()),
  managerId: z.optional(z.string()),
  workingHours: z.optional(workingHours),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UserDetail = z.infer<typeof userDetail>;

/** The firm's default language and the languages it offers. */
export const firmLanguagesView = z.object(firmLanguagesFields);
export const updateFirmLanguagesInput = z.object({ locale: z.optional(locale), languages: z.optional(languages) }).check(
  z.refine((l) => l.locale !== undefined || l.languages !== undefined, { error: 'must change locale or languages', path: ['locale'] }),
  offersItsDefault,
);

/** The identity context's operations → schemas (each context bundles only its own). */
export const IDENTITY_SCHEMAS = {
  listUsers: { query: z.extend(pageQuery, { role: z.optional(z.enum(ROLES, { error: 'is not a role' })) }), response: userPage },
  createInvitation: { body: createInvitationInput, response: invitationView },
  inviteColleague: { body: inviteColleagueInput, response: invitationView },
  listInvitations: { query: pageQuery, response: page(invitationView) },
  resendInvitation: { response: invitationView },
  getUser: { response: userDetail },
  updateUser: { body: updateUserInput, response: userDetail },
  deactivateUser: { response: userDetail },
  reactivateUser: { response: userDetail },
  resumeEmail: { response: userDetail },
  getFirmLanguages: { response: firmLanguagesView },
  updateFirmLanguages: { body: updateFirmLanguagesInput, response: firmLanguagesView },
} satisfies Record<string, Schemas>;
