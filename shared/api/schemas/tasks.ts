import * as z from 'zod/mini';
import { PRIORITIES } from '../../domain/requests/workflow.ts';
import { TASK_STATUSES } from '../../domain/tasks/tasks.ts';
import {
  checklistSteps as steps,
  description,
  futureDate,
  isoDate,
  page,
  pageQuery,
  requiredString,
  taskHours as hours,
  typeError,
  version,
} from './common.ts';
import type { Schemas } from './types.ts';

export const checklistItemView = z.object({
  itemId: z.string(),
  text: z.string(),
  done: z.boolean(),
  doneBy: z.optional(z.string()),
  doneAt: z.optional(z.string()),
});

export const taskView = z.object({
  taskId: z.string(),
  requestId: z.optional(z.string()),
  requestReference: z.optional(z.string()),
  requestTitle: z.optional(z.string()),
  templateId: z.optional(z.string()),
  title: z.string(),
  description: z.string(),
  status: z.enum(TASK_STATUSES),
  priority: z.enum(PRIORITIES),
  dueDate: z.optional(z.string()),
  assigneeId: z.optional(z.string()),
  assigneeName: z.optional(z.string()),
  checklist: z.array(checklistItemView),
  estimatedHours: z.optional(z.number()),
  requiredSkills: z.array(z.string()),
  createdBy: z.string(),
  createdByName: z.string(),
  completedAt: z.optional(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type TaskView = z.infer<typeof taskView>;

export const taskCommentView = z.object({ commentId: z.string(), at: z.string(), authorId: z.string(), authorName: z.string(), text: z.string() });

export const taskDetail = z.extend(taskView, {
  comments: z.array(taskCommentView),
  /** Whether the caller may change it (status, checklist, details), and hand it over. */
  mayChange: z.boolean(),
  mayAssign: z.boolean(),
});

/** From a template (its fields are the defaults) or by hand (a title is then required). */
export const createTaskInput = z
  .object({
    requestId: z.optional(requiredString(100)),
    templateId: z.optional(requiredString(100)),
    title: z.optional(z.string().check(z.trim(), z.minLength(3, 'must be at least 3 characters'), z.maxLength(300, 'must be at most 300 characters'))),
    description: z.optional(description),
    priority: z._default(z.enum(PRIORITIES, { error: 'must be low, medium, high or urgent' }), 'medium'),
    dueDate: z.optional(futureDate),
    assigneeId: z.optional(requiredString(100)),
    checklist: z.optional(steps),
    estimatedHours: z.optional(hours),
  })
  .check(z.refine((t) => t.templateId !== undefined || t.title !== undefined, { error: 'is required (or pick a template)', path: ['title'] }));

export const updateTaskInput = z.object({
  version,
  status: z.optional(z.enum(TASK_STATUSES, { error: 'must be todo, in_progress, blocked or done' })),
  title: z.optional(z.string().check(z.trim(), z.minLength(3, 'must be at least 3 characters'), z.maxLength(300, 'must be at most 300 characters'))),
  description: z.optional(description),
  priority: z.optional(z.enum(PRIORITIES, { error: 'must be low, medium, high or urgent' })),
  /** null clears it. */
  dueDate: z.optional(z.nullable(isoDate)),
  estimatedHours: z.optional(z.nullable(hours)),
});

export const assignTaskInput = z.object({ assigneeId: requiredString(100), version });
export const checkTaskItemInput = z.object({ done: z.boolean({ error: typeError('must be true or false') }) });
export const taskCommentInput = z.object({ text: requiredString(5000) });

/** `open` is every status but done. */
export const TASK_FILTERS = ['open', ...TASK_STATUSES] as const;

export const listTasksQuery = z.extend(pageQuery, {
  /** Without it: open tasks, or all of a request's tasks. */
  status: z.optional(z.enum(TASK_FILTERS, { error: 'must be open, todo, in_progress, blocked or done' })),
  /** Leads and admins: someone's tasks (`me` for one's own); team members always see their own. */
  assigneeId: z.optional(z.string().check(z.maxLength(100))),
  priority: z.optional(z.enum(PRIORITIES)),
  /** A request's tasks, oldest first. */
  requestId: z.optional(z.string().check(z.maxLength(100))),
  /** Due on or before. */
  dueBy: z.optional(isoDate),
  /** Text in the title. */
  q: z.optional(z.string().check(z.trim(), z.maxLength(100))),
});

/** The tasks context's operations → schemas. */
export const TASKS_SCHEMAS = {
  createTask: { body: createTaskInput, response: taskView },
  listTasks: { query: listTasksQuery, response: page(taskView) },
  getTask: { response: taskDetail },
  updateTask: { body: updateTaskInput, response: taskView },
  assignTask: { body: assignTaskInput, response: taskView },
  checkTaskItem: { body: checkTaskItemInput, response: taskView },
  commentOnTask: { body: taskCommentInput, response: taskCommentView },
  deleteTask: {},
} satisfies Record<string, Schemas>;
