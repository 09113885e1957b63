import { CUSTOMER_KINDS, CUSTOMER_STATUSES, companyKey } from '../../domain/customers/customers.ts';
import { Entity } from '../entity.ts';

/**
 * A record's `customerId` when it has none: staff users, and a booking held for an address's
 * owner (ADR 0016). The attribute is always written so that the indexes by customer can be
 * sparse: ElectroDB needs every key attribute of an index with a condition on each write.
 */
export const NO_CUSTOMER = '-';

/** The customer that owns a record, if any (rows written before the migration have none at all). */
export const customerOf = (record: { customerId?: string | undefined }): string | undefined =>
  record.customerId && record.customerId !== NO_CUSTOMER ? record.customerId : undefined;

/** Index condition: only records with a customer are in its indexes. */
export const hasCustomer = (attributes: { customerId?: unknown }) => typeof attributes.customerId === 'string' && attributes.customerId !== NO_CUSTOMER;

/**
 * A firm's client organisation, or a person on their own (shared/domain/customers). Its contacts
 * are client users with its `customerId`. Lists go by name: `nameKey` is the name as compared
 * (companyKey), so a search by the start of a name is one Query.
 */
export const Customer = new Entity({
  model: { entity: 'customer', version: '1', service: 'portal' },
  attributes: {
    tenantId: { type: 'string', required: true, readOnly: true },
    customerId: { type: 'string', required: true, readOnly: true },
    name: { type: 'string', required: true },
    nameKey: { type: 'string', watch: ['name'], set: (_, item) => companyKey(String(item.name)) },
    kind: { type: CUSTOMER_KINDS, required: true, default: 'business' },
    industry: { type: 'string' },
    status: { type: CUSTOMER_STATUSES, required: true, default: 'active' },
    tags: { type: 'list', items: { type: 'string' }, required: true, default: () => [] },
    notes: { type: 'string' },
    /** The staff member who looks after the customer. */
    accountManagerId: { type: 'string' },
    /** How invoices are addressed and paid, once billing lands. Money in minor units of `currency`. */
    billing: {
      type: 'map',
      properties: {
        legalName: { type: 'string' },
        address: { type: 'string' },
        taxId: { type: 'string' },
        currency: { type: 'string' },
        paymentTermsDays: { type: 'number' },
      },
    },
    createdAt: { type: 'string', required: true, readOnly: true, default: () => new Date().toISOString() },
    updatedAt: { type: 'string', required: true, default: () => new Date().toISOString(), watch: '*', set: () => new Date().toISOString() },
    version: { type: 'number', required: true, default: 1 },
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['tenantId', 'customerId'], template: 't#${tenantId}#customer#${customerId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'customer' },
    },
    byName: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['tenantId'], template: 't#${tenantId}#customers', casing: 'none' },
      sk: { field: 'gsi1sk', composite: ['nameKey', 'customerId'], template: '${nameKey}#${customerId}', casing: 'none' },
    },
  },
});
