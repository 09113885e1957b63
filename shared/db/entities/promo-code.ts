import { Entity } from '../entity.ts';

/** A firm's promo code for bookings. `uses` rises in the transaction that books with it, on the condition that it is under `maxUses`. */
export const PromoCode = new Entity({
  model: { entity: 'promoCode', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    /** Upper-case. */
    code: { type: 'string', required: true, readOnly: true },
    kind: { type: ['percent', 'fixed'] as const, required: true },
    value: { type: 'number', required: true },
    currency: { type: 'string' },
    validFrom: { type: 'string' },
    validUntil: { type: 'string' },
    maxUses: { type: 'number', required: true, default: 0 },
    uses: { type: 'number', required: true, default: 0 },
    oncePerClient: { type: 'boolean', required: true, default: false },
    minAmount: { type: 'number', required: true, default: 0 },
    active: { type: 'boolean', required: true, default: true },
    createdAt: { type: 'string', required: true, readOnly: true, default: () => new Date().toISOString() },
    version: { type: 'number', required: true, default: 1 },
  },
  indexes: {
    byTenant: {
      pk: { field: 'pk', composite: ['tenantId'], template: 't#${tenantId}#promos', casing: 'none' },
      sk: { field: 'sk', composite: ['code'], template: 'promo#${code}', casing: 'none' },
    },
  },
});

/** That a client has booked with a code: created only if absent, for codes good once per client. */
export const PromoUse = new Entity({
  model: { entity: 'promoUse', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    code: { type: 'string', required: true, readOnly: true },
    clientId: { type: 'string', required: true, readOnly: true },
    bookingId: { type: 'string', required: true, readOnly: true },
    usedAt: { type: 'string', required: true, readOnly: true },
  },
  indexes: {
    byClient: {
      pk: { field: 'pk', composite: ['tenantId', 'code'], template: 't#${tenantId}#promo-uses#${code}', casing: 'none' },
      sk: { field: 'sk', composite: ['clientId'], template: 'client#${clientId}', casing: 'none' },
    },
  },
});
