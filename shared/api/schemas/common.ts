/**
 * Schema building blocks. zod/mini (functional API) keeps Lambda bundles small: the classic
 * API costs ~85-450 KB minified, mini ~15 KB (docs/adr/0003-zod-mini.md).
 */
import * as z from 'zod/mini';
import { DATE_SHAPE, INSTANT_SHAPE, dateProblem, instantProblem } from '../../domain/time/strict.ts';

/** A string that must be present; missing or empty says "is required". */
export const requiredString = (max: number) => z.string({ error: 'is required' }).check(z.trim(), z.minLength(1, 'is required'), z.maxLength(max));

/** Trimmed and lower-cased before it is checked, so ' Sarah@Firm.com ' signs in as sarah@firm.com. */
export const email = z.pipe(requiredString(254).check(z.toLowerCase()), z.email('is not a valid email address'));

/** Cursor pagination: every list is one Query page; `cursor` is opaque to clients. */
export const pageQuery = z.object({
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
});

export const page = <T extends z.ZodMiniType>(item: T) => z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });

export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.optional(z.array(z.object({ field: z.string(), message: z.string() }))),
    requestId: z.optional(z.string()),
  }),
});

/** Integer minor units (cents) of the firm's currency. */
export const money = z.number({ error: 'must be an amount' }).check(z.int('must be whole cents'), z.minimum(0, 'cannot be negative'), z.maximum(100_000_000_00, 'is too large'));

/** Reports the first problem `problemOf` finds: one message per problem, naming the rule broken. */
const firstProblem = (problemOf: (value: unknown) => string | undefined) =>
  z.check<string>((ctx) => {
    const message = problemOf(ctx.value);
    if (message) ctx.issues.push({ code: 'custom', message, input: ctx.value });
  });
/** "is required" only when the field is missing; a value of the wrong type is told what it should be. */
const missingOr = (shape: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : shape);

/** A calendar date that exists, in the years the portal works in (shared/domain/time/strict.ts). */
export const isoDate = z.string({ error: missingOr(DATE_SHAPE) }).check(firstProblem(dateProblem));

/** An instant with `Z` or an offset ("2026-12-01T15:00:00Z") that exists, read strictly (shared/domain/time/strict.ts). */
export const instant = z.string({ error: missingOr(INSTANT_SHAPE) }).check(firstProblem(instantProblem));

/** Today or later (a day of slack for callers west of UTC). */
export const futureDate = isoDate.check(z.refine((d) => d >= new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10), 'cannot be in the past'));

/** Optimistic concurrency: the version the caller saw. */
export const version = z.number({ error: 'is required: send the version you saw' }).check(z.int());

/** A skill name like tax-preparation. */
export const skill = z.string().check(z.trim(), z.toLowerCase(), z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a skill like tax-preparation'));
export const skills = z.array(skill).check(z.maxLength(20, 'at most 20 skills'));

/** Hours of work on a task or template. */
export const taskHours = z.number({ error: 'must be a number of hours' }).check(z.gt(0, 'must be more than 0'), z.maximum(1000, 'is too large'));
/** A checklist as its steps' texts. */
export const checklistSteps = z.array(requiredString(300)).check(z.maxLength(50, 'at most 50 items'));
export const description = z.string().check(z.trim(), z.maxLength(4000));
