import { Entity } from '../entity.ts';

/**
 * A document shared with someone outside the portal (issue 17): a link emailed to them that
 * works until `validUntil` unless revoked, and may ask for a one-time code sent to the same
 * address. Only hashes of the link's secret and of the code are kept. Every use is counted
 * here and audited.
 */
export const DocumentShare = new Entity({
  model: { entity: 'documentShare', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    shareId: { type: 'string', required: true, readOnly: true },
    documentId: { type: 'string', required: true, readOnly: true },
    customerId: { type: 'string', required: true, readOnly: true },
    recipientEmail: { type: 'string', required: true, readOnly: true },
    validUntil: { type: 'string', required: true },
    requireCode: { type: 'boolean', required: true },
    status: { type: ['active', 'revoked'] as const, required: true, default: 'active' },
    /** Set by the notifier when it emails the link (the secret itself is never stored). */
    secretHash: { type: 'string' },
    codeHash: { type: 'string' },
    codeValidUntil: { type: 'string' },
    /** Wrong codes against the present one; at MAX_CODE_ATTEMPTS it is void. */
    codeAttempts: { type: 'number', required: true, default: 0 },
    lastCodeAt: { type: 'string' },
    uses: { type: 'number', required: true, default: 0 },
    lastUsedAt: { type: 'string' },
    createdBy: { type: 'string', required: true },
    createdByName: { type: 'string', required: true },
    revokedAt: { type: 'string' },
    createdAt: { type: 'string', required: true, readOnly: true },
    /** Forgotten a year after it stops working (DynamoDB TTL, epoch seconds); its audit entries stay. */
    expiresAt: { type: 'number', required: true },
    version: { type: 'number', required: true, default: 1 },
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['tenantId', 'shareId'], template: 't#${tenantId}#document-share#${shareId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'share' },
    },
    /** A document's shares, newest first. */
    byDocument: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['tenantId', 'documentId'], template: 't#${tenantId}#document-shares#${documentId}', casing: 'none' },
      sk: { field: 'gsi1sk', composite: ['createdAt', 'shareId'], template: '${createdAt}#${shareId}', casing: 'none' },
    },
  },
});
