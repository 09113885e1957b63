/** A request and a line of its activity as the API shows them: shared by the requests and workflow contexts. */
import * as z from 'zod/mini';
import { PRIORITIES, REQUEST_STATUSES } from '../../domain/requests/workflow.ts';
import { ORDER_WORDS, REQUEST_SORTS } from '../../domain/requests/list-order.ts';
import { ATTACHMENT_STATES, MAX_ATTACHMENTS } from '../../domain/documents/attachments.ts';
import { idFilter, isoDate } from './common.ts';

/** An attached document as the reader sees it now (shared/domain/documents/attachments.ts); one they may not see is left out. */
export const attachmentView = z.object({ documentId: z.optional(z.string()), name: z.string(), state: z.enum(ATTACHMENT_STATES) });
export type AttachmentView = z.infer<typeof attachmentView>;

/** Documents of the request's customer to attach, by id: at most 10, each once. */
export const attachmentIds = z._default(
  z.array(z.string().check(z.minLength(1, 'is not a document id'), z.maxLength(64, 'is not a document id'))).check(
    z.maxLength(MAX_ATTACHMENTS, `must be at most ${MAX_ATTACHMENTS} documents`),
    z.refine((ids) => new Set(ids).size === ids.length, 'must name each document once'),
  ),
  [],
);

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
  /** A comment's documents. */
  attachments: z.optional(z.array(attachmentView)),
});
export type ActivityView = z.infer<typeof activityView>;

export const requestView = z.object({
  requestId: z.string(),
  reference: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  /** The customer the request is for (absent on a request of none: made before customers, or a booking held for an address's owner). */
  customerId: z.optional(z.string()),
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

/** The order of a request list: the column, and its direction (each column's natural one when left out). */
export const requestListOrder = {
  sort: z.optional(z.enum(REQUEST_SORTS, { error: `must be one of: ${REQUEST_SORTS.join(', ')}` })),
  order: z.optional(z.enum(ORDER_WORDS, { error: 'must be asc or desc' })),
};

/** What a request list (or export) can be narrowed by. */
export const requestFilters = {
  status: z.optional(z.enum(REQUEST_STATUSES)),
  priority: z.optional(z.enum(PRIORITIES)),
  serviceId: idFilter,
  assigneeId: idFilter,
  clientId: idFilter,
  customerId: idFilter,
  /** Created on or after / before, as dates. */
  from: z.optional(isoDate),
  to: z.optional(isoDate),
  /** Deadline on or after / on or before, as dates. */
  deadlineFrom: z.optional(isoDate),
  deadlineTo: z.optional(isoDate),
  /** `true`: open work only (sent, and not yet completed or cancelled), as the dashboard counts it. */
  open: z.optional(z.enum(['true'], { error: 'must be true (open work only) or left out' })),
  /** Text in the title or reference. */
  q: z.optional(z.string().check(z.trim(), z.maxLength(100))),
};
