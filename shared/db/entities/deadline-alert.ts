import { Entity } from '../entity.ts';

/**
 * That a request's deadline or a task's due date was warned of: once per subject, kind (soon or
 * passed) and date, so a moved deadline is warned of again. Made with a condition before the
 * notices go out, so two runs of the daily job, at once or one after the other, warn once.
 */
export const DeadlineAlert = new Entity({
  model: { entity: 'deadlineAlert', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    /** `request#<id>` or `task#<id>`. */
    subject: { type: 'string', required: true, readOnly: true },
    kind: { type: ['soon', 'passed'] as const, required: true, readOnly: true },
    due: { type: 'string', required: true, readOnly: true },
    createdAt: { type: 'string', required: true, readOnly: true },
    expiresAt: { type: 'number', required: true, readOnly: true },
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['tenantId', 'subject'], template: 't#${tenantId}#alert#${subject}' },
      sk: { field: 'sk', composite: ['kind', 'due'], template: '${kind}#${due}' },
    },
  },
});
