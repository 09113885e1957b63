import { Entity } from '../entity.ts';

/**
 * One reminder of one booking to one recipient at one offset, written only while it can still
 * be sent. Reminders sit in an index by the UTC hour they fall due, across firms, which is
 * what the every-5-minutes job reads (a Query per hour, never a Scan). Sending first claims
 * the reminder with a conditional update from pending, so two runs cannot both send it.
 */
export const BookingReminder = new Entity({
  model: { entity: 'bookingReminder', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    bookingId: { type: 'string', required: true, readOnly: true },
    recipientId: { type: 'string', required: true, readOnly: true },
    offsetMinutes: { type: 'number', required: true, readOnly: true },
    /** ISO instant it falls due. */
    dueAt: { type: 'string', required: true },
    /** The start it reminds of: a reschedule writes a new one, so a claim of the old is refused. */
    startsAt: { type: 'string', required: true },
    state: { type: ['pending', 'sending', 'sent', 'skipped'] as const, required: true },
    /** UTC 'YYYY-MM-DDTHH' of dueAt. */
    dueHour: { type: 'string', required: true },
    claimedAt: { type: 'string' },
    sentAt: { type: 'string' },
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    byBooking: {
      pk: { field: 'pk', composite: ['tenantId', 'bookingId'], template: 't#${tenantId}#request#${bookingId}', casing: 'none' },
      sk: { field: 'sk', composite: ['recipientId', 'offsetMinutes'], template: 'reminder#${recipientId}#${offsetMinutes}', casing: 'none' },
    },
    byDueHour: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['dueHour'], template: 'reminders-due#${dueHour}', casing: 'none' },
      sk: { field: 'gsi1sk', composite: ['dueAt', 'tenantId', 'bookingId'], template: '${dueAt}#${tenantId}#${bookingId}', casing: 'none' },
    },
  },
});
