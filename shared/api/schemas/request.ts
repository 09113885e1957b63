/** A request and a line of its activity as the API shows them: shared by the requests and workflow contexts. */
import * as z from 'zod/mini';
import { PRIORITIES, REQUEST_STATUSES } from '../../domain/requests/workflow.ts';

export const activityView = z.object({
  activityId: z.string(),
  at: z.string(),
  kind: z.enum(['created', 'status', 'assigned', 'updated', 'comment', 'approved', 'deleted']),
  actorId: z.string(),
  actorName: z.string(),
  actorRole: z.string(),
  from: z.optional(z.string()),
  to: z.optional(z.string()),
  text: z.optional(z.string()),
  internal: z.boolean(),
});

export const requestView = z.object({
  requestId: z.string(),
  reference: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  title: z.string(),
  description: z.string(),
  priority: z.enum(PRIORITIES),
  status: z.enum(REQUEST_STATUSES),
  budgetMin: z.optional(z.number()),
  budgetMax: z.optional(z.number()),
  currency: z.string(),
  listPrice: z.optional(z.number()),
  deadline: z.optional(z.string()),
  requirements: z.array(z.object({ key: z.string(), label: z.string(), answer: z.string() })),
  attachments: z.array(z.string()),
  assigneeId: z.optional(z.string()),
  assigneeName: z.optional(z.string()),
  assignedAt: z.optional(z.string()),
  assignmentReason: z.optional(z.string()),
  completedAt: z.optional(z.string()),
  clientApprovedAt: z.optional(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type RequestView = z.infer<typeof requestView>;
