import { DIGESTS } from '../../domain/notifications/email.ts';
import { Entity } from '../entity.ts';

/**
 * One person's digest email due at one instant: the notices it tells of carry the same
 * `digestDueAt`. Slots sit in an index by the UTC hour they fall due, across firms, which the
 * hourly job reads (a Query per hour). Sending first claims the slot with a conditional update
 * from pending, so two runs, at once or one after the other, send it once.
 */
export const EmailDigest = new Entity({
  model: { entity: 'emailDigest', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    userId: { type: 'string', required: true, readOnly: true },
    /** ISO instant it falls due. */
    dueAt: { type: 'string', required: true, readOnly: true },
    /** UTC 'YYYY-MM-DDTHH' of dueAt. */
    dueHour: { type: 'string', required: true, readOnly: true },
    digest: { type: DIGESTS, required: true },
    state: { type: ['pending', 'sending', 'sent', 'skipped'] as const, required: true, default: 'pending' },
    claimedAt: { type: 'string' },
    sentAt: { type: 'string' },
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    byUser: {
      pk: { field: 'pk', composite: ['tenantId', 'userId'], template: 't#${tenantId}#u#${userId}#digests' },
      sk: { field: 'sk', composite: ['dueAt'], template: '${dueAt}', casing: 'none' },
    },
    byDueHour: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['dueHour'], template: 'digests-due#${dueHour}', casing: 'none' },
      sk: { field: 'gsi1sk', composite: ['dueAt', 'tenantId', 'userId'], template: '${dueAt}#${tenantId}#${userId}', casing: 'none' },
    },
  },
});
