import type * as z from 'zod/mini';

/** The schemas of one operation: what its handler parses and what OpenAPI documents. */
export interface Schemas {
  body?: z.ZodMiniType;
  query?: z.ZodMiniType;
  response?: z.ZodMiniType;
}
