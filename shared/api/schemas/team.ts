import * as z from 'zod/mini';
import { ROLES } from '../../domain/identity/permissions.ts';
import type { Schemas } from './types.ts';

export const memberWorkload = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  position: z.optional(z.string()),
  skills: z.array(z.string()),
  expertiseLevel: z.optional(z.string()),
  availabilityStatus: z.string(),
  activeRequests: z.number(),
  maxConcurrentProjects: z.number(),
  /** Free share of capacity, 0–100. */
  availabilityPercent: z.number(),
});
export type MemberWorkload = z.infer<typeof memberWorkload>;

/** The team context's operations → schemas. */
export const TEAM_SCHEMAS = {
  listTeamWorkload: { response: z.object({ items: z.array(memberWorkload) }) },
} satisfies Record<string, Schemas>;
