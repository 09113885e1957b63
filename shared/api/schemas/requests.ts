import * as z from 'zod/mini';
import { ATTENTION_KINDS } from '../../domain/requests/attention.ts';
import { NEXT_ACTIONS, NEXT_ACTORS, PRIORITIES, REQUEST_STATUSES } from '../../domain/requests/workflow.ts';
import { bookingView } from './booking.ts';
import { futureDate, money, page, pageQuery, requiredString, typeError } from './common.ts';
import { activityView, attachmentIds, attachmentView, requestFilters, requestListOrder, requestView } from './request.ts';
import type { Schemas } from './types.ts';

export const createRequestInput = z
  .object({
    serviceId: requiredString(100),
    /** Staff asking on a client's behalf name the client; clients ask for themselves. */
    clientId: z.optional(requiredString(100)),
    title: z
      .string({ error: typeError('must be text') })
      .check(z.trim(), z.minLength(5, 'must be at least 5 characters'), z.maxLength(300, 'must be at most 300 characters')),
    description: z._default(z.string().check(z.trim(), z.maxLength(10_000)), ''),
    priority: z._default(z.enum(PRIORITIES, { error: 'must be low, medium, high or urgent' }), 'medium'),
    budgetMin: z.optional(money),
    budgetMax: z.optional(money),
    deadline: z.optional(futureDate),
    /** Answers by question key. */
    requirements: z._default(z.record(z.string(), z.string().check(z.trim(), z.maxLength(2000))), {}),
    /** Documents of the customer, uploaded first (POST /api/documents). */
    attachments: attachmentIds,
    /** false keeps it a draft. */
    submit: z._default(z.boolean(), true),
  })
  .check(
    z.refine((r) => r.budgetMin === undefined || r.budgetMax === undefined || r.budgetMin <= r.budgetMax, {
      error: 'must not be below the minimum',
      path: ['budgetMax'],
    }),
  );

/** Who acts next and what they do (none once cancelled or accepted); `you` when it is the caller. */
const nextStepView = z.object({ action: z.enum(NEXT_ACTIONS), by: z.enum(NEXT_ACTORS), you: z.boolean() });

export const requestDetail = z.extend(requestView, {
  /** The documents attached when it was asked for. */
  attachments: z.array(attachmentView),
  activity: z.array(activityView),
  /** The statuses the caller may move it to now, and whether they may approve it. */
  allowedMoves: z.array(z.enum(REQUEST_STATUSES)),
  mayApprove: z.boolean(),
  /** Whether the caller may change what was asked. */
  mayEdit: z.boolean(),
  nextStep: z.optional(nextStepView),
  /** Whether the firm reviews it before work starts. */
  review: z.boolean(),
  /** A booking's time, price and whether the reader may still move or cancel it themselves. */
  booking: z.optional(z.extend(bookingView, { mayChange: z.boolean() })),
});

/**
 * A client's home, as far as requests go: what asks for them now, and their open requests with
 * who acts next (their appointments and recent activity come from their own contexts).
 */
export const clientHomeView = z.object({
  attention: z.array(z.object({ kind: z.enum(ATTENTION_KINDS), requestId: z.string(), reference: z.string(), title: z.string(), at: z.string() })),
  open: z.array(z.extend(requestView, { nextStep: z.optional(nextStepView) })),
  /** More open requests than `open` shows: the full list has them. */
  moreOpen: z.boolean(),
});

export const listRequestsQuery = z.extend(pageQuery, {
  ...requestFilters,
  /** Newest asked first unless asked otherwise (shared/domain/requests/list-order.ts). */
  ...requestListOrder,
});

/** The requests context's operations → schemas. */
export const REQUESTS_SCHEMAS = {
  createRequest: { body: createRequestInput, response: requestView },
  listRequests: { query: listRequestsQuery, response: page(requestView) },
  getRequest: { response: requestDetail },
  getClientHome: { response: clientHomeView },
} satisfies Record<string, Schemas>;
