import { Entity } from '../entity.ts';

/**
 * One 15-minute grain of one person's time held by one booking, in one of their seats (a
 * person who takes two bookings at once has seats 0 and 1). Created with attribute_not_exists
 * in the booking's transaction: of two bookings reaching for the same grain, one fails. Expires
 * a month after the grain, when nothing can book it any more.
 */
export const SlotLock = new Entity({
  model: { entity: 'slotLock', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    staffId: { type: 'string', required: true, readOnly: true },
    /** Epoch milliseconds of the grain's start, zero-padded so keys sort by time. */
    grain: { type: 'string', required: true, readOnly: true },
    seat: { type: 'number', required: true, readOnly: true },
    bookingId: { type: 'string', required: true, readOnly: true },
    expiresAt: { type: 'number', required: true, readOnly: true },
  },
  indexes: {
    byStaff: {
      pk: { field: 'pk', composite: ['tenantId', 'staffId'], template: 't#${tenantId}#slots#${staffId}', casing: 'none' },
      sk: { field: 'sk', composite: ['grain', 'seat'], template: 'grain#${grain}#${seat}', casing: 'none' },
    },
  },
});
