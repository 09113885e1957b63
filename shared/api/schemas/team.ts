import * as z from 'zod/mini';
import { ROLES } from '../../domain/identity/permissions.ts';
import { page, pageQuery, typeError } from './common.ts';
import { bookingProfileView, updateBookingProfileInput } from './booking-profile.ts';
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
  /** Tasks assigned to them that are not done. */
  openTasks: z.number(),
  maxConcurrentProjects: z.number(),
  /** Free share of capacity, 0–100. */
  availabilityPercent: z.number(),
});
export type MemberWorkload = z.infer<typeof memberWorkload>;

export const offerAssigneesQuery = z.object({
  /** Comma-separated skill names; none offers everyone. */
  skills: z._default(z.string().check(z.maxLength(900)), ''),
});

export const offeredAssignee = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.string(),
  matched: z.array(z.string()),
  away: z.boolean(),
  availabilityStatus: z.string(),
  openTasks: z.number(),
});
export type OfferedAssigneeView = z.infer<typeof offeredAssignee>;

export const requestCandidates = z.object({
  /** Eligible members, best first; `reason` is the ranking's (shared/domain/requests/assignment.ts), as JSON. */
  ranked: z.array(z.object({ userId: z.string(), name: z.string(), role: z.string(), score: z.number(), reason: z.string() })),
  /** Active staff the ranking leaves out (full, away, or without the skills): still assignable by hand. */
  others: z.array(z.object({ userId: z.string(), name: z.string(), role: z.string() })),
});

export const assignmentRecordView = z.object({
  at: z.string(),
  requestId: z.string(),
  reference: z.string(),
  title: z.string(),
  how: z.enum(['manual', 'auto']),
  byName: z.optional(z.string()),
  fromName: z.optional(z.string()),
});
export type AssignmentRecordView = z.infer<typeof assignmentRecordView>;

/** The team context's operations → schemas. */
export const TEAM_SCHEMAS = {
  listTeamWorkload: { response: z.object({ items: z.array(memberWorkload) }) },
  listAssignmentHistory: { query: pageQuery, response: page(assignmentRecordView) },
  getBookingProfile: { response: bookingProfileView },
  updateBookingProfile: { body: updateBookingProfileInput, response: bookingProfileView },
  rankRequestAssignees: {
    query: z.object({ serviceId: z.string({ error: typeError('must be text') }).check(z.minLength(1, 'is required'), z.maxLength(100)) }),
    response: requestCandidates,
  },
  offerTaskAssignees: { query: offerAssigneesQuery, response: z.object({ offered: z.array(offeredAssignee), suggested: z.optional(z.string()) }) },
} satisfies Record<string, Schemas>;
