import * as z from 'zod/mini';
import type { Schemas } from './types.ts';

export const health = z.object({ status: z.literal('ok'), table: z.object({ status: z.literal('ok'), latencyMs: z.number() }) });

/** This very document: an OpenAPI 3.1 object (its paths are what the rest of it describes). */
export const openApiView = z.looseObject({
  openapi: z.string(),
  info: z.object({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});

export const PLATFORM_SCHEMAS = {
  getOpenApi: { response: openApiView },
  getHealth: { response: health },
} satisfies Record<string, Schemas>;
