import { Entity } from '../entity.ts';

/**
 * One emailed manage link of a booking: only the hash of its secret, found by that hash, so a
 * booking's record never grows with its links. `validUntil` says when it stops opening the
 * booking (a week after the appointment); TTL removes it a month later, until when an old
 * link is told it expired rather than that it never existed.
 */
export const ManageLink = new Entity({
  model: { entity: 'manageLink', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    bookingId: { type: 'string', required: true, readOnly: true },
    hash: { type: 'string', required: true, readOnly: true },
    validUntil: { type: 'string', required: true, readOnly: true },
    expiresAt: { type: 'number', required: true, readOnly: true },
  },
  indexes: {
    byHash: {
      // The hash is base64url: its letter case matters (ElectroDB lower-cases by default).
      pk: { field: 'pk', composite: ['tenantId', 'bookingId', 'hash'], template: 't#${tenantId}#booking#${bookingId}#link#${hash}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'link' },
    },
  },
});
