import { Entity } from '../entity.ts';

/**
 * A firm's slug, claimed when the firm is made and never released (ADR 0035): created only if
 * absent, in the transaction that makes the firm, so two firms can never hold one slug, and a
 * deleted firm's slug never names another.
 */
export const SlugClaim = new Entity({
  model: { entity: 'slugClaim', version: '1', service: 'portal' },
  attributes: {
    slug: { type: 'string', required: true, readOnly: true },
    tenantId: { type: 'string', required: true, readOnly: true },
    claimedAt: { type: 'string', required: true, readOnly: true, default: () => new Date().toISOString() },
    /** When its firm was purged (ADR 0039): the claim, with the platform's log, is what is left of it. */
    purgedAt: { type: 'string' },
  },
  indexes: {
    bySlug: {
      pk: { field: 'pk', composite: ['slug'], template: 'slug#${slug}' },
      sk: { field: 'sk', composite: [], template: 'claim' },
    },
  },
});
