/**
 * Schema building blocks. zod/mini (functional API) keeps Lambda bundles small: the classic
 * API costs ~85-450 KB minified, mini ~15 KB (docs/adr/0003-zod-mini.md).
 */
import * as z from 'zod/mini';

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
