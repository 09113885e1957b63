/** Account → Organisation: a client's own customer and its people; its primary contact invites colleagues and sets what they see. */
import { useCallback, useState } from 'react';
import type { ContactView } from '../../../../shared/api/schemas/customers.ts';
import type { Session } from '../../../../shared/api/schemas/user.ts';
import { CONTACT_ACCESS, type ContactAccess } from '../../../../shared/domain/customers/customers.ts';
import { call } from '../api.ts';
import { Shell } from '../components/Shell.tsx';
import { FormOutcome } from '../components/Status.tsx';
import { DataTable } from '../components/TableScroll.tsx';
import { useLoad } from '../components/useLoad.tsx';
import { useSubmission } from '../components/useSubmission.ts';
import { Card, PageHeader } from '../components/ui.tsx';
import { customersText } from '../i18n/customers/index.ts';
import { format } from '../i18n/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { InviteContact } from './InviteContact.tsx';

function OrganisationPage({ session }: { session: Session }) {
  const t = useText(customersText);
  const o = t.organisation;
  const c = t.client.contacts;
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  const { show } = useLoad(useCallback(() => call('getOrganisation'), [version]));
  const { busy, failure, notice, setNotice, run } = useSubmission((f) => f);

  const setAccess = (contact: ContactView, contactAccess: ContactAccess) =>
    run(async () => {
      await call('updateColleague', { params: { userId: contact.userId }, body: { version: contact.version, contactAccess } });
      setNotice(format(c.changed, { name: contact.name }));
      changed();
    });

  return show(({ customer, contacts, mayInvite, mayManage }) => {
    const primary = contacts.find((p) => p.isPrimaryContact);
    const billing = customer.billing;
    return (
      <>
        <PageHeader title={o.title} lead={format(o.lead, { name: customer.name })} />
        <Card aria-labelledby="organisation-details" className="mb-8">
          <h2 id="organisation-details" className="mb-4 text-lg font-semibold">
            {o.details}
          </h2>
          <dl className="grid gap-2 sm:grid-cols-[auto_1fr]">
            <dt className="font-medium">{t.clients.name}</dt>
            <dd>{customer.name}</dd>
            <dt className="font-medium">{t.clients.kind}</dt>
            <dd>{t.clients.kinds[customer.kind]}</dd>
            {customer.industry && (
              <>
                <dt className="font-medium">{t.clients.industry}</dt>
                <dd>{customer.industry}</dd>
              </>
            )}
            {billing?.legalName && (
              <>
                <dt className="font-medium">{t.clients.billing.legalName}</dt>
                <dd>{billing.legalName}</dd>
              </>
            )}
            {billing?.address && (
              <>
                <dt className="font-medium">{t.clients.billing.address}</dt>
                <dd className="whitespace-pre-line">{billing.address}</dd>
              </>
            )}
          </dl>
        </Card>
        <Card aria-labelledby="organisation-people" className="mb-8">
          <h2 id="organisation-people" className="mb-4 text-lg font-semibold">
            {format(o.people, { name: customer.name })}
          </h2>
          <DataTable label={format(o.people, { name: customer.name })} headers={[c.name, c.email, c.role, c.access, c.account]}>
            {contacts.map((p) => (
              <tr key={p.userId} className="border-t border-slate-100">
                <td className="px-4 py-2">
                  {p.userId === session.user.userId ? format(o.you, { name: p.name }) : p.name}
                  {p.isPrimaryContact && <span className="ms-2 text-sm text-slate-600">· {c.primary}</span>}
                </td>
                <td className="px-4 py-2">{p.email}</td>
                <td className="px-4 py-2">{c.roles[p.contactRole]}</td>
                <td className="px-4 py-2">
                  {mayManage && !p.isPrimaryContact ? (
                    <select
                      aria-label={format(c.accessOf, { name: p.name })}
                      value={p.contactAccess}
                      disabled={busy}
                      onChange={(e) => setAccess(p, e.currentTarget.value as ContactAccess)}
                      className="rounded border border-slate-300 px-2 py-1"
                    >
                      {CONTACT_ACCESS.map((a) => (
                        <option key={a} value={a}>
                          {c.levels[a]}
                        </option>
                      ))}
                    </select>
                  ) : (
                    c.levels[p.contactAccess]
                  )}
                </td>
                <td className="px-4 py-2">{c.accounts[p.status]}</td>
              </tr>
            ))}
          </DataTable>
          <FormOutcome notice={notice} failure={failure} />
          {mayInvite ? (
            <InviteContact title={o.inviteTitle} lead={o.inviteLead} send={(body) => call('inviteColleague', { body })} onInvited={changed} />
          ) : (
            <p className="mt-4 text-sm text-slate-600">{mayManage ? o.firmInvites : format(o.onlyPrimary, { name: primary?.name ?? '' })}</p>
          )}
        </Card>
      </>
    );
  });
}

mount(() => <Shell area="account">{(session) => <OrganisationPage session={session} />}</Shell>);
