/**
 * Merging a customer into another: its contacts, requests and bookings move, then it is removed
 * with the audit entry and event, in one transaction. More records than a transaction holds
 * move first, one by one, each on the condition that it is still the merged customer's: a merge
 * stopped half-way is finished by asking again, and nothing moves twice.
 */
import { validationFailed } from '../../shared/api/errors.ts';
import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import { changeContext } from '../lib/change-context.ts';
import type { ReplyOf, RequestOf } from '../lib/http.ts';
import { openableCustomer, toCustomerView } from './access.ts';
import { contactsOf, toContactView } from './contacts.ts';
import { database } from './db.ts';

export async function mergeCustomers(req: RequestOf<'mergeCustomers'>): Promise<ReplyOf<'mergeCustomers'>> {
  const { tenantId } = req.actor;
  const { from } = req.body;
  const target = await openableCustomer(req.actor, req.params.customerId);
  if (from === target.customerId) throw validationFailed([{ field: 'from', message: 'must be another customer than the one merged into' }]);
  const { entities } = database();
  const { data: merged } = await entities.customer.get({ tenantId, customerId: from }).go();
  if (!merged) throw validationFailed([{ field: 'from', message: 'is not a customer of this firm' }]);
  const into = target.customerId;

  // The customer merged into keeps its primary contact; the other's becomes an ordinary one, keeping full access.
  const [contacts, kept] = await Promise.all([contactsOf(tenantId, from), contactsOf(tenantId, into)]);
  const hasPrimary = kept.some((c) => c.isPrimaryContact && c.status !== 'deactivated');
  for (const contact of contacts) {
    const primary = contact.isPrimaryContact === true && !hasPrimary;
    await entities.user
      .patch({ tenantId, userId: contact.userId })
      .set({ customerId: into, isPrimaryContact: primary, contactAccess: toContactView(contact).contactAccess, version: contact.version + 1 })
      .where((a, op) => op.eq(a.customerId, from))
      .go();
  }
  const { data: requests } = await entities.request.query.byCustomer({ tenantId, customerId: from }).go({ pages: 'all' });
  for (const r of requests)
    await entities.request
      .patch({ tenantId, requestId: r.requestId })
      .set({ customerId: into })
      .composite({ createdAt: r.createdAt })
      .where((a, op) => op.eq(a.customerId, from))
      .go();
  const { data: entries } = await entities.calendar.query.byCustomer({ tenantId, customerId: from }).go({ pages: 'all' });
  for (const e of entries)
    await entities.calendar
      .patch({ tenantId, month: e.month, start: e.start, bookingId: e.bookingId })
      .set({ customerId: into })
      .where((a, op) => op.eq(a.customerId, from))
      .go();

  const contactIds = contacts.map((c) => c.userId);
  const recordIds = requests.map((r) => r.requestId);
  await commitTransaction(database(), (tx) => [
    tx.customer.delete({ tenantId, customerId: from }).commit(),
    ...auditAndEvent(tx, changeContext(req), {
      action: 'customer.merged',
      entityType: 'customer',
      entityId: into,
      customerId: into,
      changes: [
        { field: 'mergedCustomer', from: { customerId: from, name: merged.name }, to: null },
        { field: 'contacts', from: null, to: contactIds },
        { field: 'records', from: null, to: recordIds },
      ],
      event: { type: 'customer.merged', detail: { customerId: into, mergedId: from, contactIds, recordIds } },
    }),
  ]);
  return { body: toCustomerView(target) };
}
