/**
 * Schema building blocks. zod/mini (functional API) keeps Lambda bundles small: the classic
 * API costs ~85-450 KB minified, mini ~15 KB (docs/adr/0003-zod-mini.md).
 */
import * as z from 'zod/mini';
import { FIELD_RULES } from '../errors.ts';
import { DATE_SHAPE, INSTANT_SHAPE, dateProblem, instantProblem } from '../../domain/time/strict.ts';

/**
 * Every message names the rule broken. zod applies a schema's `error` to all of its issues, so
 * a fixed "is required" would also answer a value that is too long: `typeError` answers only a
 * missing value or one of the wrong type, and the rest keep their own messages.
 */
export const typeError =
  (wrongType: string, missing = 'is required') =>
  (issue: { code?: string; input?: unknown }) =>
    issue.code === 'invalid_type' ? (issue.input === undefined ? missing : wrongType) : undefined;

/** Limits without a message of their own say what the limit is. */
z.config({
  customError: (issue) => {
    if (issue.code !== 'too_big' && issue.code !== 'too_small') return undefined;
    const bound = issue.code === 'too_big' ? 'at most' : 'at least';
    if (issue.origin === 'string') return `must be ${bound} ${issue.maximum ?? issue.minimum} characters`;
    if (issue.origin === 'array') return `must have ${bound} ${issue.maximum ?? issue.minimum} items`;
    return undefined;
  },
});

/** A string that must be present; missing or empty says "is required". */
export const requiredString = (max: number) => z.string({ error: typeError('must be text') }).check(z.trim(), z.minLength(1, 'is required'), z.maxLength(max));

/**
 * A name: one line, no control characters, so that nothing a person types can add a line to
 * an email's headers or body (a CRLF in a name once reached booking emails).
 */
export const personName = (max: number) => requiredString(max).check(z.regex(/^[^\p{Cc}]*$/u, 'must be one line, without line breaks or control characters'));

/** Trimmed and lower-cased before it is checked, so ' Sarah@Firm.com ' signs in as sarah@firm.com. */
export const email = z.pipe(requiredString(254).check(z.toLowerCase()), z.email('is not a valid email address'));

/** Cursor pagination: every list is one Query page; `cursor` is opaque to clients. */
export const pageQuery = z.object({
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
});

export const page = <T extends z.ZodMiniType>(item: T) => z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });

/**
 * Every error's body. Some carry more for the caller to act on (a taken slot's `reason` and
 * `suggestions`, whether staff `canProceed`), so the object is open to further properties.
 */
export const errorResponse = z.object({
  error: z.looseObject({
    code: z.string(),
    message: z.string(),
    details: z.optional(z.array(z.object({ field: z.string(), message: z.string(), rule: z.optional(z.enum(FIELD_RULES)), limit: z.optional(z.number()) }))),
    requestId: z.optional(z.string()),
    reason: z.optional(z.string()),
    suggestions: z.optional(z.array(z.looseObject({ start: z.string(), end: z.string() }))),
    canProceed: z.optional(z.boolean()),
  }),
});

/** Integer minor units (cents) of the firm's currency. */
export const money = z
  .number({ error: typeError('must be an amount') })
  .check(z.int('must be whole cents'), z.minimum(0, 'cannot be negative'), z.maximum(100_000_000_00, 'is too large'));

/** Reports the first problem `problemOf` finds: one message per problem, naming the rule broken. */
const firstProblem = (problemOf: (value: unknown) => string | undefined) =>
  z.check<string>((ctx) => {
    const message = problemOf(ctx.value);
    if (message) ctx.issues.push({ code: 'custom', message, input: ctx.value });
  });

/** A date or time read by `problemOf`; anything longer than any such value is told its shape. */
const dateLike = (shape: string, problemOf: (value: unknown) => string | undefined) =>
  z.string({ error: typeError(shape) }).check(
    z.maxLength(40, shape),
    firstProblem((value) => (typeof value === 'string' && value.length > 40 ? undefined : problemOf(value))),
  );

/** A calendar date that exists, in the years the portal works in (shared/domain/time/strict.ts). */
export const isoDate = dateLike(DATE_SHAPE, dateProblem);

/** An instant with `Z` or an offset ("2026-12-01T15:00:00Z") that exists, read strictly (shared/domain/time/strict.ts). */
export const instant = dateLike(INSTANT_SHAPE, instantProblem);

/** An optional filter by a record's id. */
export const idFilter = z.optional(z.string().check(z.maxLength(64)));

/** Today or later (a day of slack for callers west of UTC). */
export const futureDate = isoDate.check(z.refine((d) => d >= new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10), 'cannot be in the past'));

/** Optimistic concurrency: the version the caller saw. */
export const version = z.number({ error: typeError('must be a number: send the version you saw', 'is required: send the version you saw') }).check(z.int());

/** A skill name like tax-preparation. */
export const skill = z
  .string()
  .check(
    z.maxLength(40, 'must be a skill like tax-preparation'),
    z.trim(),
    z.toLowerCase(),
    z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a skill like tax-preparation'),
  );
export const skills = z.array(skill).check(z.maxLength(20, 'at most 20 skills'));

/** Hours of work on a task or template. */
export const taskHours = z.number({ error: typeError('must be a number of hours') }).check(z.gt(0, 'must be more than 0'), z.maximum(1000, 'is too large'));
/** A checklist as its steps' texts. */
export const checklistSteps = z.array(requiredString(300)).check(z.maxLength(50, 'at most 50 items'));
export const description = z.string().check(z.trim(), z.maxLength(4000));
