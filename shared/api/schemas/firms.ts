/** The platform operator's view of firms (ADR 0035). */
import * as z from 'zod/mini';
import { MONTHLY_USAGE, SLUG_MAX, SLUG_MIN, STANDING_USAGE, slugProblem } from '../../domain/platform/firms.ts';
import { timeZone } from './booking.ts';
import { email, page, pageQuery, personName, typeError } from './common.ts';
import type { Schemas } from './types.ts';
import { firmLanguagesFields, languages, locale, offersItsDefault } from './user.ts';
import { firmExportView } from './firm-data.ts';

const slug = z.string({ error: typeError('must be text') }).check(
  z.trim(),
  z.toLowerCase(),
  z.maxLength(SLUG_MAX, `must be ${SLUG_MIN} to ${SLUG_MAX} characters`),
  z.refine((s) => s.length > SLUG_MAX || !slugProblem(s), { error: (issue) => slugProblem(String(issue.input)) ?? 'is not allowed' }),
);

const CURRENCY_RULE = 'must be an ISO 4217 currency code such as USD, EUR or GBP';
const isCurrency = (code: string) => Intl.supportedValuesOf('currency').includes(code);
const currency = z.string({ error: typeError('must be text') }).check(
  z.trim(),
  z.toUpperCase(),
  z.maxLength(3, CURRENCY_RULE),
  z.refine((c) => c.length > 3 || isCurrency(c), CURRENCY_RULE),
);

export const createFirmInput = z
  .object({
    name: personName(100),
    slug,
    timeZone,
    currency,
    /** The firm's default language: its emails' when a person's is not offered, and new people's. */
    locale,
    /** The languages it offers its people and visitors; none: all of them. */
    languages: z.optional(languages),
    admin: z.object({ name: personName(120), email }),
  })
  .check(offersItsDefault);
export type CreateFirmInput = z.infer<typeof createFirmInput>;

const reason = z.string({ error: typeError('must be text') }).check(z.trim(), z.minLength(3, 'must say why, in at least 3 characters'), z.maxLength(500));
export const firmStatusInput = z.object({ reason });
/** The firm's name typed again: deleting is never one careless click. */
export const firmDeletionInput = z.object({ name: z.string({ error: typeError('must be text') }).check(z.maxLength(100)), reason });

const counts = <const F extends readonly string[]>(figures: F) =>
  z.object(Object.fromEntries(figures.map((f) => [f, z.number()])) as { [K in F[number]]: z.ZodMiniNumber });

export const firmView = z.object({
  firmId: z.string(),
  name: z.string(),
  slug: z.string(),
  status: z.enum(['active', 'suspended']),
  timeZone: z.string(),
  currency: z.string(),
  ...firmLanguagesFields,
  createdAt: z.string(),
  /** Set while the firm is to be deleted (ADR 0039): when it is purged, unless that is cancelled first. */
  deleteAfter: z.optional(z.string()),
  /** People who may sign in, and bytes of documents held (measured each night, kept by events between). */
  now: counts(STANDING_USAGE),
  /** This month's (UTC) API calls, emails, bookings and requests so far. */
  thisMonth: counts(MONTHLY_USAGE),
});
export type FirmView = z.infer<typeof firmView>;

export const firmDetail = z.extend(firmView, {
  /** The month `usage` is of, YYYY-MM. */
  month: z.string(),
  usage: counts(MONTHLY_USAGE),
  /** The first admin's invitation, while nobody has accepted it. */
  pendingAdmin: z.nullable(z.object({ email: z.string(), name: z.string(), expiresAt: z.string() })),
  /** While it is to be deleted: the export made then, kept until the purge (a link for 15 minutes once ready). */
  closingExport: z.nullable(firmExportView),
});

const month = z.optional(z.string().check(z.maxLength(7, 'must be a month as YYYY-MM'), z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM')));

export const FIRMS_SCHEMAS = {
  listFirms: { query: z.extend(pageQuery, { status: z.optional(z.enum(['active', 'suspended'])) }), response: page(firmView) },
  createFirm: { body: createFirmInput, response: firmView },
  getFirm: { query: z.object({ month }), response: firmDetail },
  suspendFirm: { body: firmStatusInput, response: firmView },
  reactivateFirm: { body: firmStatusInput, response: firmView },
  scheduleFirmDeletion: { body: firmDeletionInput, response: firmView },
  cancelFirmDeletion: { body: firmStatusInput, response: firmView },
} satisfies Record<string, Schemas>;
