/** A customer's contacts: listed from the customer index of users, and changed by an admin. */
import type { EntityItem } from 'electrodb';
import { AppError, conflict, forbidden, notFound, validationFailed } from '../../shared/api/errors.ts';
import type { ContactView } from '../../shared/api/schemas/customers.ts';
import type { User } from '../../shared/db/entities/user.ts';
import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import { diffFields } from '../../shared/domain/audit/diff.ts';
import { accessOf, primaryContactProblem } from '../../shared/domain/customers/customers.ts';
import { changeContext } from '../lib/change-context.ts';
import type { ReplyOf, RequestOf, SignedInRequest } from '../lib/http.ts';
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
  await openableCustomer(req.actor, req.params.customerId);
  return { body: await changeContact(req, req.params.customerId, req.params.userId, req.body) };
}

type ContactChange = RequestOf<'updateContact'>['body'];

async function changeContact(req: SignedInRequest, customerId: string, userId: string, change: ContactChange): Promise<ContactView> {
  const { tenantId } = req.actor;
  const { version, isPrimaryContact, ...fields } = change;
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
  if (!changes.length) return toContactView(contact);
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
  return toContactView(next);
}

/** A client's own customer, its contacts, and what the caller may do there. */
export async function getOrganisation(req: RequestOf<'getOrganisation'>): Promise<ReplyOf<'getOrganisation'>> {
  const { tenantId, contact } = req.actor;
  if (!contact) throw notFound('Organisation');
  const [{ data: customer }, contacts, { data: firm }] = await Promise.all([
    database().entities.customer.get({ tenantId, customerId: contact.customerId }).go(),
    contactsOf(tenantId, contact.customerId),
    database().entities.tenant.get({ tenantId }).go(),
  ]);
  if (!customer) throw notFound('Organisation');
  const { customerId, name, kind, industry, billing } = customer;
  return {
    body: {
      customer: { customerId, name, kind, ...(industry && { industry }), ...(billing && { billing }) },
      contacts: contacts.map(toContactView),
      mayInvite: contact.isPrimaryContact && firm?.contactsInvite !== false,
      mayManage: contact.isPrimaryContact,
    },
  };
}

/** The primary contact chooses what a colleague sees (not their own access: the primary always has all). */
export async function updateColleague(req: RequestOf<'updateColleague'>): Promise<ReplyOf<'updateColleague'>> {
  const { contact, userId: me } = req.actor;
  if (!contact?.isPrimaryContact) throw forbidden('Only your organisation’s primary contact can change what colleagues see.');
  if (req.params.userId === me) throw forbidden('As the primary contact you always see all of your organisation’s records.');
  return { body: await changeContact(req, contact.customerId, req.params.userId, req.body) };
}
