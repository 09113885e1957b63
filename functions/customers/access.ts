/** A customer as the API shows it, and which staff may open it. */
import type { EntityItem } from 'electrodb';
import { notFound } from '../../shared/api/errors.ts';
import type { CustomerView } from '../../shared/api/schemas/customers.ts';
import { customerOf, type Customer } from '../../shared/db/entities/customer.ts';
import type { ServiceRequest } from '../../shared/db/entities/service-request.ts';
import { hasPermission } from '../../shared/domain/identity/policy.ts';
import type { AuthenticatedActor } from '../lib/auth.ts';
import { database } from './db.ts';

export type CustomerItem = EntityItem<typeof Customer>;
type RequestItem = EntityItem<typeof ServiceRequest>;

export const toCustomerView = ({ tenantId: _t, nameKey: _n, ...c }: CustomerItem): CustomerView => c;

/** The customer's requests and bookings (not deleted ones), with only what the page needs of them. */
export async function recordsOf(tenantId: string, customerId: string) {
  const { data } = await database()
    .entities.request.query.byCustomer({ tenantId, customerId })
    .where((a, op) => op.notExists(a.deletedAt))
    .go({
      pages: 'all',
      attributes: ['requestId', 'status', 'isBooking', 'scheduledAt', 'noShow', 'budgetMin', 'budgetMax', 'listPrice', 'price', 'assigneeId'],
    });
  return data as Pick<
    RequestItem,
    'requestId' | 'status' | 'isBooking' | 'scheduledAt' | 'noShow' | 'budgetMin' | 'budgetMax' | 'listPrice' | 'price' | 'assigneeId'
  >[];
}

/**
 * The customers a team member works for or manages, by name: from their assigned requests (one
 * Query on their own index) and the customers naming them as account manager. A person's own
 * work is tens or hundreds of requests, so this is read whole and not paged.
 */
export async function customersOfMember(actor: AuthenticatedActor): Promise<CustomerItem[]> {
  const { tenantId, userId } = actor;
  const { request, customer } = database().entities;
  const [{ data: work }, { data: managed }] = await Promise.all([
    request.query.byAssignee({ tenantId, assigneeId: userId }).go({ pages: 'all', attributes: ['customerId'] }),
    customer.query
      .byName({ tenantId })
      .where((a, op) => op.eq(a.accountManagerId, userId))
      .go({ pages: 'all' }),
  ]);
  const known = new Set(managed.map((c) => c.customerId));
  const others = [...new Set(work.map((r) => customerOf(r)).filter((id): id is string => !!id && !known.has(id)))];
  const { data: worked } = others.length ? await customer.get(others.map((customerId) => ({ tenantId, customerId }))).go() : { data: [] };
  return [...managed, ...worked].sort((a, b) => (a.nameKey ?? '').localeCompare(b.nameKey ?? ''));
}

/**
 * The customer of the path, if the caller may open it: leads and admins any of the firm's,
 * a team member those they manage or have work of assigned to them. Otherwise 404, so that
 * whether it exists is not told.
 */
export async function openableCustomer(actor: AuthenticatedActor, customerId: string, records?: Awaited<ReturnType<typeof recordsOf>>) {
  const { data: customer } = await database().entities.customer.get({ tenantId: actor.tenantId, customerId }).go();
  if (!customer) throw notFound('Customer');
  if (hasPermission(actor, 'customers.read.all') || customer.accountManagerId === actor.userId) return customer;
  const work = records ?? (await recordsOf(actor.tenantId, customerId));
  if (!work.some((r) => r.assigneeId === actor.userId)) throw notFound('Customer');
  return customer;
}
