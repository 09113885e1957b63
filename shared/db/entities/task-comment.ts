import { Entity } from '../entity.ts';

/** A comment on a task, in the task's partition, in time order. Tasks are staff-only work. */
export const TaskComment = new Entity({
  model: { entity: 'taskComment', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    taskId: { type: 'string', required: true, readOnly: true },
    commentId: { type: 'string', required: true, readOnly: true },
    at: { type: 'string', required: true, readOnly: true },
    authorId: { type: 'string', required: true },
    authorName: { type: 'string', required: true },
    text: { type: 'string', required: true },
  },
  indexes: {
    byTask: {
      pk: { field: 'pk', composite: ['tenantId', 'taskId'], template: 't#${tenantId}#task#${taskId}' },
      sk: { field: 'sk', composite: ['at', 'commentId'], template: 'comment#${at}#${commentId}' },
    },
  },
});
