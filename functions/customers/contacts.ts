/** A customer's contacts: listed from the customer index of users, and changed by an admin. */
import type { EntityItem } from 'electrodb';
import { AppError, conflict, notFound, validationFailed } from '../../shared/api/errors.ts';
import type { ContactView } from '../../shared/api/schemas/customers.ts';
import type { User } from '../../shared/db/entities/user.ts';
import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import { diffFields } from '../../shared/domain/audit/diff.ts';
import { accessOf, primaryContactProblem } from '../../shared/domain/customers/customers.ts';
import { changeContext } from '../lib/change-context.ts';
import type { ReplyOf, RequestOf } from '../lib/http.ts';
import { openableCustomer } from './access.ts';
import { database } from './db.ts';

type UserItem = EntityItem<typeof User>;

export async function contactsOf(tenantId: string, customerId: string): Promise<UserItem[]> {
  return (await database().entities.user.query.byCustomer({ tenantId, customerId }).go({ pages: 'all' })).data;
}

const isPrimary = (u: UserItem) => u.isPrimaryContact === true;

export const toContactView = (u: UserItem): ContactView => ({
  userId: u.userId,
  name: u.name,
  email: u.email,
  status: u.status,
  locale: u.locale,
  isPrimaryContact: isPrimary(u),
  contactRole: u.contactRole ?? 'staff',
  contactAccess: accessOf({ isPrimaryContact: isPrimary(u), access: u.contactAccess ?? 'own' }),
  version: u.version,
});

/**
 * Changes a contact's role or access, or makes them the primary contact. The present primary
 * then becomes an ordinary contact keeping the access they had, in the same transaction, each
 * written on the condition that nobody changed it meanwhile: a customer never has two.
 */
export async function updateContact(req: RequestOf<'updateContact'>): Promise<ReplyOf<'updateContact'>> {
  const { tenantId } = req.actor;
  const { customerId, userId } = req.params;
  const { version, isPrimaryContact, ...fields } = req.body;
  await openableCustomer(req.actor, customerId);
  const contacts = await contactsOf(tenantId, customerId);
  const contact = contacts.find((c) => c.userId === userId);
  if (!contact) throw notFound('Contact');
  if (contact.version !== version) throw conflict(`${contact.name} was changed by someone else meanwhile. Reload to see those changes, then try again.`);
  const promoted = isPrimaryContact === true && !isPrimary(contact);
  if (promoted && contact.status === 'deactivated')
    throw new AppError('unprocessable', `${contact.name}’s account is closed, so they cannot be the primary contact. Choose an active contact.`);
  if ((isPrimary(contact) || promoted) && fields.contactAccess === 'own')
    throw validationFailed([{ field: 'contactAccess', message: 'cannot be own for the primary contact, who always sees all of the customer’s records' }]);

  const next: UserItem = { ...contact, ...fields, ...(promoted && { isPrimaryContact: true }), version: version + 1 };
  const demoted = promoted ? contacts.filter((c) => c.userId !== userId && isPrimary(c)) : [];
  const after = contacts.map((c) => (c.userId === userId ? next : demoted.includes(c) ? { ...c, isPrimaryContact: false } : c));
  if (primaryContactProblem(after.filter((c) => c.status !== 'deactivated').map((c) => ({ isPrimaryContact: isPrimary(c) }))) === 'several_primaries')
    throw conflict('This customer has more than one primary contact.');

  const changes = diffFields(toContactView(contact), toContactView(next)).filter((c) => c.field !== 'version');
  if (!changes.length) return { body: toContactView(contact) };
  await commitTransaction(
    database(),
    (entities) => [
      entities.user
        .patch({ tenantId, userId })
        .set({ ...fields, ...(promoted && { isPrimaryContact: true }), version: next.version })
        .where((a, op) => `${op.eq(a.version, version)} AND ${op.eq(a.customerId, customerId)}`)
        .commit(),
      ...demoted.map((d) =>
        entities.user
          .patch({ tenantId, userId: d.userId })
          .set({ isPrimaryContact: false, contactAccess: toContactView(d).contactAccess, version: d.version + 1 })
          .where((a, op) => `${op.eq(a.version, d.version)} AND ${op.eq(a.customerId, customerId)}`)
          .commit(),
      ),
      ...auditAndEvent(entities, changeContext(req), {
        action: 'customer.contact_changed',
        entityType: 'user',
        entityId: userId,
        customerId,
        changes: [...changes, ...demoted.map((d) => ({ field: 'primaryContact', from: d.name, to: contact.name }))],
        event: { type: 'customer.contact_changed', detail: { customerId, contactId: userId, fields: changes.map((c) => c.field) } },
      }),
    ],
    `${contact.name} was changed by someone else meanwhile. Reload to see those changes, then try again.`,
  );
  return { body: toContactView(next) };
}
