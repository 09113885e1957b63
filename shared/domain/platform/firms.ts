/**
 * Firms as the platform operator sees them (ADR 0035). Operators are people of one reserved
 * tenant, `platform`: its audit log is the platform's, which no firm can read, and nothing of a
 * firm is ever under it. A firm's id is made from its slug, and a slug, once claimed, is never
 * released: neither names another firm after this one is deleted.
 */

/** The operators' own tenant: not a firm, never listed or counted as one. */
export const PLATFORM_TENANT_ID = 'platform';

/** The operators' tenant as it is made (the seed, `npm run bootstrap`). */
export const PLATFORM_TENANT = {
  tenantId: PLATFORM_TENANT_ID,
  slug: 'platform',
  name: 'Service Portal',
  timeZone: 'UTC',
  currency: 'USD',
  locale: 'en',
} as const;

export const SLUG_RULE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MIN = 3;
export const SLUG_MAX = 40;

/** Words that name the portal's own pages or people, or could pass for them in a link. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'platform',
  'admin',
  'api',
  'app',
  'www',
  'portal',
  'staff',
  'account',
  'login',
  'register',
  'signup',
  'book',
  'chat',
  'help',
  'support',
  'status',
  'billing',
  'security',
  'service-portal',
]);

/** What is wrong with a slug, in words, or undefined when it may be claimed (if nobody has). */
export function slugProblem(slug: string): string | undefined {
  if (slug.length < SLUG_MIN || slug.length > SLUG_MAX) return `must be ${SLUG_MIN} to ${SLUG_MAX} characters`;
  if (!SLUG_RULE.test(slug)) return 'may hold only lower-case letters, digits and single hyphens between them';
  if (RESERVED_SLUGS.has(slug)) return 'is reserved by the portal';
  return undefined;
}

/** A firm's id: its slug's, so that making a firm again after a failure makes the same one. */
export const firmIdOf = (slug: string) => `t-${slug}`;

/** What is counted of a firm each month (UTC), by atomic additions as it happens. */
export const MONTHLY_USAGE = ['apiCalls', 'emails', 'bookings', 'requests'] as const;
/** What a firm holds now: kept by events, and measured whole again each night. */
export const STANDING_USAGE = ['users', 'storageBytes'] as const;
export type UsageFigure = (typeof MONTHLY_USAGE)[number] | (typeof STANDING_USAGE)[number];
/** The usage item of what a firm holds now (the others are months). */
export const STANDING_PERIOD = 'now';

/** The calendar month (UTC) an instant falls in, `YYYY-MM`: the unit of usage. */
export const usageMonthOf = (at: Date) => at.toISOString().slice(0, 7);
