import * as z from 'zod/mini';
import { BULK_ACTIONS, PRIORITIES, REQUEST_STATUSES } from '../../domain/requests/workflow.ts';
import { futureDate, money, requiredString, typeError, version } from './common.ts';
import { activityView, attachmentIds, requestView } from './request.ts';
import type { Schemas } from './types.ts';

export const moveRequestInput = z.object({
  to: z.enum(REQUEST_STATUSES, { error: 'is not a request status' }),
  note: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
  /** Complete it although tasks are still open: without this, completing lists them (422). */
  confirmOpenTasks: z.optional(z.boolean({ error: typeError('must be true or false') })),
  version,
});
export const assignRequestInput = z.object({ assigneeId: requiredString(100), version });
/** Words, documents of the request's customer, or both. */
export const commentInput = z
  .object({ text: z._default(z.string().check(z.trim(), z.maxLength(5000)), ''), internal: z._default(z.boolean(), false), attachments: attachmentIds })
  .check(z.refine((c) => c.text !== '' || c.attachments.length > 0, { error: 'is required unless documents are attached', path: ['text'] }));
export const approveInput = z.object({ version, note: z.optional(z.string().check(z.trim(), z.maxLength(2000))) });

/** What was asked, changed: only the fields sent; null takes a budget end or the deadline away. */
export const updateRequestInput = z
  .object({
    version,
    title: z.optional(z.string().check(z.trim(), z.minLength(5, 'must be at least 5 characters'), z.maxLength(300, 'must be at most 300 characters'))),
    description: z.optional(z.string().check(z.trim(), z.maxLength(10_000))),
    priority: z.optional(z.enum(PRIORITIES, { error: 'must be low, medium, high or urgent' })),
    budgetMin: z.optional(z.nullable(money)),
    budgetMax: z.optional(z.nullable(money)),
    deadline: z.optional(z.nullable(futureDate)),
    /** All the answers, by question key. */
    requirements: z.optional(z.record(z.string(), z.string().check(z.trim(), z.maxLength(2000)))),
  })
  .check(
    z.refine((r) => r.budgetMin == null || r.budgetMax == null || r.budgetMin <= r.budgetMax, { error: 'must not be below the minimum', path: ['budgetMax'] }),
  );

export const bulkInput = z.object({
  action: z.enum(BULK_ACTIONS, { error: 'must be move, assign, priority or delete' }),
  requestIds: z.array(requiredString(100)).check(z.minLength(1, 'must name at least one request'), z.maxLength(50, 'at most 50 at a time')),
  to: z.optional(z.enum(REQUEST_STATUSES, { error: 'is not a request status' })),
  assigneeId: z.optional(requiredString(100)),
  priority: z.optional(z.enum(PRIORITIES, { error: 'must be low, medium, high or urgent' })),
  note: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
});

export const bulkResult = z.object({
  requestId: z.string(),
  reference: z.optional(z.string()),
  ok: z.boolean(),
  /** Why not, when it did not work. */
  code: z.optional(z.string()),
  message: z.optional(z.string()),
});

/** The firm's review rules (shared/domain/requests/review.ts), in its currency. */
export const requestSettings = z.object({ reviewRequests: z.boolean(), reviewAbove: z.optional(z.number()), currency: z.string() });

/** Only what changes; null takes the threshold away. */
export const requestSettingsInput = z
  .object({
    reviewRequests: z.optional(z.boolean({ error: typeError('must be true or false') })),
    reviewAbove: z.optional(z.nullable(money)),
  })
  .check(z.refine((s) => s.reviewRequests !== undefined || s.reviewAbove !== undefined, { error: 'must change reviewRequests or reviewAbove' }));

/** The workflow context's operations → schemas. */
export const WORKFLOW_SCHEMAS = {
  moveRequest: { body: moveRequestInput, response: requestView },
  assignRequest: { body: assignRequestInput, response: requestView },
  commentOnRequest: { body: commentInput, response: activityView },
  approveRequest: { body: approveInput, response: requestView },
  updateRequest: { body: updateRequestInput, response: requestView },
  deleteRequest: {},
  bulkRequests: { body: bulkInput, response: z.object({ results: z.array(bulkResult) }) },
  getRequestSettings: { response: requestSettings },
  updateRequestSettings: { body: requestSettingsInput, response: requestSettings },
} satisfies Record<string, Schemas>;
