/**
 * The orders a request list can be read in (ADR 0028). Each is one index whose sort key starts
 * with the value sorted on; the request's creation time and id break ties.
 */
import { PRIORITIES, type Priority } from './workflow.ts';

export const REQUEST_SORTS = ['created', 'deadline', 'priority'] as const;
export type RequestSort = (typeof REQUEST_SORTS)[number];
export type Direction = 'asc' | 'desc';

/** The way a column reads first: newest asked, soonest deadline, most urgent. */
export const NATURAL_DIRECTION: Record<RequestSort, Direction> = { created: 'desc', deadline: 'asc', priority: 'desc' };

/** `newest` and `oldest` are how lists and saved views said it before other orders existed. */
export const ORDER_WORDS = ['asc', 'desc', 'newest', 'oldest'] as const;
export type OrderWord = (typeof ORDER_WORDS)[number];

export function directionOf(sort: RequestSort, order: OrderWord | undefined): Direction {
  if (order === 'newest') return 'desc';
  if (order === 'oldest') return 'asc';
  return order ?? NATURAL_DIRECTION[sort];
}

/** A request without a deadline sorts after every date, as SQL's NULLS LAST does (and first when reversed). */
export const NO_DEADLINE = '9999-12-31';
export const deadlineOrder = (deadline: string | undefined) => deadline ?? NO_DEADLINE;

/** Low 1 … urgent 4, so that a descending read starts with the most urgent. */
export const priorityOrder = (priority: Priority) => String(PRIORITIES.indexOf(priority) + 1);
