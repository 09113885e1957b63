import type * as z from 'zod/mini';
import type { OperationDef, SuccessStatus } from '../operations.ts';

/** The schemas of one operation: what its handler parses and what OpenAPI documents. */
export interface Schemas {
  body?: z.ZodMiniType;
  query?: z.ZodMiniType;
  response?: z.ZodMiniType;
}

/** The statuses an operation answers on success: its manifest's, else 200 with a response schema and 204 without. */
export const successStatuses = (route: Pick<OperationDef, 'success'> & Schemas): readonly SuccessStatus[] => route.success ?? [route.response ? 200 : 204];
