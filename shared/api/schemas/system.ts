import * as z from 'zod/mini';
import type { Schemas } from './types.ts';

export const HEALTH_CHECKS = ['table', 'bus', 'queues', 'realtime', 'mail'] as const;

/** One part of the system: whether it answers as it should, how fast, and what it reports. */
export const healthCheck = z.object({
  name: z.enum(HEALTH_CHECKS),
  ok: z.boolean(),
  latencyMs: z.number(),
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  error: z.optional(z.string()),
});
export type HealthCheck = z.infer<typeof healthCheck>;

export const systemHealth = z.object({ ok: z.boolean(), checkedAt: z.string(), checks: z.array(healthCheck) });

/** The system context's operations → schemas. */
export const SYSTEM_SCHEMAS = {
  getSystemHealth: { response: systemHealth },
} satisfies Record<string, Schemas>;
