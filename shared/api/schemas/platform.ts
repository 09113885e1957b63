import * as z from 'zod/mini';
import type { Schemas } from './types.ts';

export const health = z.object({ status: z.literal('ok'), table: z.object({ status: z.literal('ok'), latencyMs: z.number() }) });

export const PLATFORM_SCHEMAS = {
  getOpenApi: {},
  getHealth: { response: health },
} satisfies Record<string, Schemas>;
