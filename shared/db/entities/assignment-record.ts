import { Entity } from '../entity.ts';

/**
 * One request given to one team member: written in the same transaction as the assignment (by
 * hand or automatic), so a member's assignment history is one Query, newest first, and stays
 * when the request moves on or is handed to someone else.
 */
export const AssignmentRecord = new Entity({
  model: { entity: 'assignmentRecord', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    userId: { type: 'string', required: true, readOnly: true },
    at: { type: 'string', required: true, readOnly: true },
    requestId: { type: 'string', required: true, readOnly: true },
    reference: { type: 'string', required: true },
    title: { type: 'string', required: true },
    /** Who chose: a person's name, or the automatic ranking. */
    how: { type: ['manual', 'auto'] as const, required: true },
    byName: { type: 'string' },
    /** Whom it was taken from, when it was handed over. */
    fromName: { type: 'string' },
  },
  indexes: {
    byMember: {
      pk: { field: 'pk', composite: ['tenantId', 'userId'], template: 't#${tenantId}#assignments#${userId}' },
      sk: { field: 'sk', composite: ['at', 'requestId'], template: '${at}#${requestId}' },
    },
  },
});
