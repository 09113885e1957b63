import { z } from 'zod';

/** Trimmed and lower-cased before it is checked, so ' Sarah@Firm.com ' signs in as sarah@firm.com. */
export const email = z.string().trim().toLowerCase().pipe(z.email().max(254));

/** Cursor pagination: every list is one Query page; `cursor` is opaque to clients. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2048).optional(),
});

export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    requestId: z.string().optional(),
  }),
});
