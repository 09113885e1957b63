import type { ContactView } from '../../../../shared/api/schemas/customers.ts';
import { CONTACT_ACCESS, CONTACT_ROLES, type ContactAccess, type ContactRole } from '../../../../shared/domain/customers/customers.ts';
import { call } from '../api.ts';
import { FormOutcome } from '../components/Status.tsx';
import { DataTable } from '../components/TableScroll.tsx';
import { useSubmission } from '../components/useSubmission.ts';
import { Button, Card, StatusChip } from '../components/ui.tsx';
import { customersText } from '../i18n/customers/index.ts';
import { format } from '../i18n/index.ts';
import { useText } from '../i18n/text.ts';
import { InviteContact } from './InviteContact.tsx';

/**
 * A customer's contacts. Those who manage customers change a contact's role and access, move
 * the primary flag, and invite a new contact; the others read.
 */
export function Contacts({ customerId, contacts, manage, onChanged }: { customerId: string; contacts: ContactView[]; manage: boolean; onChanged: () => void }) {
  const t = useText(customersText);
  const c = t.client.contacts;
  const { busy, failure, notice, setNotice, run } = useSubmission((f) => f);

  const change = (contact: ContactView, body: { contactRole?: ContactRole; contactAccess?: ContactAccess; isPrimaryContact?: true }, message: string) =>
    run(async () => {
      await call('updateContact', { params: { customerId, userId: contact.userId }, body: { version: contact.version, ...body } });
      setNotice(message);
      onChanged();
    });

  const select = <T extends string>(contact: ContactView, label: string, value: T, values: readonly T[], name: (v: T) => string, send: (v: T) => void) => (
    <select
      aria-label={label}
      value={value}
      disabled={busy}
      onChange={(e) => send(e.currentTarget.value as T)}
      className="rounded border border-slate-300 px-2 py-1"
    >
      {values.map((v) => (
        <option key={v} value={v} disabled={contact.isPrimaryContact && v === 'own'}>
          {name(v)}
        </option>
      ))}
    </select>
  );

  return (
    <Card aria-labelledby="contacts-title" className="mb-8">
      <h2 id="contacts-title" className="mb-4 text-lg font-semibold">
        {c.title}
      </h2>
      {contacts.length === 0 ? (
        <p className="text-slate-600">{c.empty}</p>
      ) : (
        <DataTable label={c.title} headers={[c.name, c.email, c.role, c.access, c.account, c.primary]}>
          {contacts.map((contact) => (
            <tr key={contact.userId} className="border-t border-slate-100">
              <td className="px-4 py-2">{contact.name}</td>
              <td className="px-4 py-2">{contact.email}</td>
              <td className="px-4 py-2">
                {manage
                  ? select(
                      contact,
                      format(c.roleOf, { name: contact.name }),
                      contact.contactRole,
                      CONTACT_ROLES,
                      (r) => c.roles[r],
                      (contactRole) => change(contact, { contactRole }, format(c.changed, { name: contact.name })),
                    )
                  : c.roles[contact.contactRole]}
              </td>
              <td className="px-4 py-2">
                {manage
                  ? select(
                      contact,
                      format(c.accessOf, { name: contact.name }),
                      contact.contactAccess,
                      CONTACT_ACCESS,
                      (a) => c.levels[a],
                      (contactAccess) => change(contact, { contactAccess }, format(c.changed, { name: contact.name })),
                    )
                  : c.levels[contact.contactAccess]}
              </td>
              <td className="px-4 py-2">
                <StatusChip status={contact.status}>{c.accounts[contact.status]}</StatusChip>
              </td>
              <td className="px-4 py-2">
                {contact.isPrimaryContact ? (
                  <span className="font-medium">{c.primary}</span>
                ) : (
                  manage &&
                  contact.status !== 'deactivated' && (
                    <span className="flex flex-wrap gap-2">
                      <Button
                        variant="secondary"
                        size="sm"
                        type="button"
                        disabled={busy}
                        aria-label={format(c.makePrimaryOf, { name: contact.name })}
                        onClick={() => change(contact, { isPrimaryContact: true }, format(c.madePrimary, { name: contact.name }))}
                      >
                        {c.makePrimary}
                      </Button>
                      {contact.status === 'active' && (
                        <Button
                          variant="secondary"
                          size="sm"
                          type="button"
                          disabled={busy}
                          aria-label={format(c.deactivateOf, { name: contact.name })}
                          onClick={() =>
                            run(async () => {
                              await call('deactivateUser', { params: { userId: contact.userId } });
                              setNotice(format(c.deactivated, { name: contact.name }));
                              onChanged();
                            })
                          }
                        >
                          {c.deactivate}
                        </Button>
                      )}
                    </span>
                  )
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <FormOutcome notice={notice} failure={failure} />
      {manage && (
        <InviteContact
          title={t.client.invite.title}
          lead={t.client.invite.lead}
          send={(body) => call('createInvitation', { body: { ...body, role: 'CLIENT', customerId } })}
          onInvited={onChanged}
        />
      )}
    </Card>
  );
}
