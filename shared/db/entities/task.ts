import { Entity } from '../entity.ts';
import { TASK_STATUSES } from '../../domain/tasks/tasks.ts';
import { PRIORITIES } from '../../domain/requests/workflow.ts';

/** A task linked to no request, and a task nobody holds: the indexes need a key either way. */
export const NO_REQUEST = '-';
export { UNASSIGNED } from './service-request.ts';

/** Sorts tasks without a due date after those with one. */
export const NO_DUE_DATE = '9999-12-31';

/**
 * A piece of work, usually of a request. Its partition holds it and its comments. Lists use one
 * index each: a request's tasks (oldest first), an assignee's and the firm's open (or done)
 * tasks by due date, a status's by due date. Every change is a whole-item put guarded by the
 * version, so the index keys (`state`, `dueKey`) always match the fields they are made of.
 */
export const Task = new Entity({
  model: { entity: 'task', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    taskId: { type: 'string', required: true, readOnly: true },
    requestId: { type: 'string', required: true, readOnly: true, default: NO_REQUEST },
    requestReference: { type: 'string' },
    requestTitle: { type: 'string' },
    templateId: { type: 'string' },
    title: { type: 'string', required: true },
    description: { type: 'string', required: true, default: '' },
    status: { type: TASK_STATUSES, required: true, default: 'todo' },
    priority: { type: PRIORITIES, required: true, default: 'medium' },
    /** A calendar date (YYYY-MM-DD) in the firm's zone. */
    dueDate: { type: 'string' },
    assigneeId: { type: 'string', required: true },
    assigneeName: { type: 'string' },
    checklist: {
      type: 'list',
      required: true,
      default: () => [],
      items: {
        type: 'map',
        properties: {
          itemId: { type: 'string', required: true },
          text: { type: 'string', required: true },
          done: { type: 'boolean', required: true },
          doneBy: { type: 'string' },
          doneAt: { type: 'string' },
        },
      },
    },
    estimatedHours: { type: 'number' },
    requiredSkills: { type: 'list', items: { type: 'string' }, required: true, default: () => [] },
    createdBy: { type: 'string', required: true, readOnly: true },
    createdByName: { type: 'string', required: true, readOnly: true },
    completedAt: { type: 'string' },
    /** Index keys: open or done, and the due date with undated last. */
    state: { type: ['open', 'done'] as const, required: true, hidden: true },
    dueKey: { type: 'string', required: true, hidden: true },
    /** Lower-cased title, for the list's text filter. */
    searchText: { type: 'string', required: true, hidden: true },
    createdAt: { type: 'string', required: true, readOnly: true },
    updatedAt: { type: 'string', required: true, default: () => new Date().toISOString(), set: () => new Date().toISOString(), watch: '*' },
    version: { type: 'number', required: true, default: 1 },
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['tenantId', 'taskId'], template: 't#${tenantId}#task#${taskId}' },
      sk: { field: 'sk', composite: [], template: 'task' },
    },
    byRequest: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['tenantId', 'requestId'], template: 't#${tenantId}#request-tasks#${requestId}' },
      sk: { field: 'gsi1sk', composite: ['createdAt', 'taskId'], template: '${createdAt}#${taskId}' },
    },
    byAssignee: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['tenantId', 'assigneeId'], template: 't#${tenantId}#assignee-tasks#${assigneeId}' },
      sk: { field: 'gsi2sk', composite: ['state', 'dueKey', 'taskId'], template: '${state}#${dueKey}#${taskId}' },
    },
    byFirm: {
      index: 'gsi3',
      pk: { field: 'gsi3pk', composite: ['tenantId'], template: 't#${tenantId}#tasks' },
      sk: { field: 'gsi3sk', composite: ['state', 'dueKey', 'taskId'], template: '${state}#${dueKey}#${taskId}' },
    },
    byStatus: {
      index: 'gsi4',
      pk: { field: 'gsi4pk', composite: ['tenantId', 'status'], template: 't#${tenantId}#status-tasks#${status}' },
      sk: { field: 'gsi4sk', composite: ['dueKey', 'taskId'], template: '${dueKey}#${taskId}' },
    },
  },
});
