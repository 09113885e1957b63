import { Entity } from '../entity.ts';
import { ATTACHMENTS_ATTRIBUTE } from './document.ts';

/**
 * What happened to a request, in its own partition: status moves, assignments, edits and
 * comments, in time order. Internal comments are for staff only.
 */
export const RequestActivity = new Entity({
  model: { entity: 'requestActivity', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    requestId: { type: 'string', required: true, readOnly: true },
    activityId: { type: 'string', required: true, readOnly: true },
    at: { type: 'string', required: true, readOnly: true },
    kind: { type: ['created', 'status', 'assigned', 'updated', 'comment', 'approved', 'deleted'] as const, required: true },
    actorId: { type: 'string', required: true },
    actorName: { type: 'string', required: true },
    actorRole: { type: 'string', required: true },
    from: { type: 'string' },
    to: { type: 'string' },
    /** The comment, or the note given with a move. */
    text: { type: 'string' },
    internal: { type: 'boolean', required: true, default: false },
    /** A comment's documents (shared/domain/documents/attachments.ts). */
    attachedDocuments: ATTACHMENTS_ATTRIBUTE,
  },
  indexes: {
    byRequest: {
      pk: { field: 'pk', composite: ['tenantId', 'requestId'], template: 't#${tenantId}#request#${requestId}' },
      sk: { field: 'sk', composite: ['at', 'activityId'], template: 'activity#${at}#${activityId}' },
    },
  },
});
