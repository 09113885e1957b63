import { Entity } from '../entity.ts';
import { DEFAULT_LOCALE, LOCALES } from '../../domain/locales.ts';

/** A firm. Looked up by id (from the token) or by its public slug (login, register, booking pages). */
export const Tenant = new Entity({
  model: { entity: 'tenant', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    slug: { type: 'string', required: true },
    name: { type: 'string', required: true },
    timeZone: { type: 'string', required: true },
    currency: { type: 'string', required: true },
    /** The firm's default language: its emails' when a person's is not offered, and new people's. */
    locale: { type: LOCALES, required: true, default: DEFAULT_LOCALE },
    /** The languages it offers its people and visitors (shared/domain/locales.ts languagesOf); none: all of them. */
    languages: { type: 'list', items: { type: 'string' } },
    status: { type: ['active', 'suspended'] as const, required: true, default: 'active' },
    /** Whether clients may create their own account from the firm's sign-up page. */
    clientSignUp: { type: 'boolean', required: true, default: false },
    /** Whether every member must use two-step sign-in; until they set it up they can do nothing else. */
    requireMfa: { type: 'boolean', required: true, default: false },
    /** Whether a customer's primary contact may invite colleagues into it (Account → Organisation). */
    contactsInvite: { type: 'boolean', required: true, default: true },
    /** Review every new request before work starts (shared/domain/requests/review.ts); off, the ranked assignee starts at once. */
    reviewRequests: { type: 'boolean', required: true, default: false },
    /** Review requests worth more than this, in minor units, even with reviewRequests off. */
    reviewAbove: { type: 'number' },
    /** The firm's accent colour (#rrggbb), checked for contrast (shared/domain/brand/contrast.ts); none: the portal's own. */
    brandAccent: { type: 'string' },
    /** A few lines under every email the firm sends (address, registration, a note). */
    emailFooter: { type: 'string' },
    /** The folders each new customer gets (shared/domain/documents/folders.ts); none: DEFAULT_FOLDER_TEMPLATE. */
    folderTemplate: {
      type: 'list',
      items: { type: 'map', properties: { path: { type: 'string', required: true }, internal: { type: 'boolean' } } },
    },
    /** Years a removed document's files are kept (shared/domain/documents/retention.ts); none: the default. */
    documentRetentionYears: { type: 'number' },
    /** Set while the firm is to be deleted (ADR 0039): when the purge-firms job removes it. Cancelling removes it. */
    deleteAfter: { type: 'string' },
    /** The export built when its deletion was asked for, kept until the purge for the operator to hand over. */
    closingExportId: { type: 'string' },
    createdAt: { type: 'string', required: true, readOnly: true, default: () => new Date().toISOString() },
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['tenantId'], template: 't#${tenantId}' },
      sk: { field: 'sk', composite: [], template: 'tenant' },
    },
    // Platform directory: the one key not under a tenant, because it is how a tenant is found.
    bySlug: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['slug'], template: 'slug#${slug}' },
      sk: { field: 'gsi1sk', composite: [], template: 'tenant' },
    },
    // Every firm, for scheduled jobs that visit each one (never a request path).
    directory: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: [], template: 'tenants' },
      sk: { field: 'gsi2sk', composite: ['tenantId'], template: 'tenant#${tenantId}' },
    },
  },
});
