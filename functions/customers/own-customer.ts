/**
 * A new client user's own customer: whoever signs up, is invited without a customer or books
 * as a guest for the first time starts as the sole, primary contact of a new customer named
 * after them. Joining an existing customer is an admin's decision, never a guess from the
 * address's domain (anyone could register `@acme.com`).
 */
import type { CreateEntityItem } from 'electrodb';
import { createHash } from 'node:crypto';
import type { Customer } from '../../shared/db/entities/customer.ts';
import type { ChangeRecord } from '../../shared/db/mutation.ts';
import { joiningContact } from '../../shared/domain/customers/customers.ts';

type NewCustomer = CreateEntityItem<typeof Customer>;

/**
 * A customer's id from what it is made of (a company's key in its firm, or its one person), so
 * that making it again (a retried request, a second migration run) finds the same customer.
 */
export const customerIdFor = (key: string) => `cus-${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;

export function ownCustomer(tenantId: string, person: { userId: string; name: string }): { customer: NewCustomer; contact: ReturnType<typeof joiningContact> } {
  const customerId = customerIdFor(`person:${person.userId}`);
  return {
    customer: { tenantId, customerId, name: person.name, kind: 'individual', status: 'active' },
    contact: joiningContact(customerId, true),
  };
}

/** The audit entry and `customer.created` event of a customer made along the way (a sign-up, an invitation, a first booking). */
export const customerCreated = (customer: Pick<NewCustomer, 'customerId' | 'name'>): ChangeRecord => ({
  action: 'customer.created',
  entityType: 'customer',
  entityId: customer.customerId,
  customerId: customer.customerId,
  changes: [{ field: 'name', from: null, to: customer.name }],
  event: { type: 'customer.created', detail: { customerId: customer.customerId, name: customer.name } },
});
