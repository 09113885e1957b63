/** The firm's Clients: find customers (one page at a time), and add one. */
import { useCallback, useState, type FormEvent } from 'react';
import type { CustomerView } from '../../../../shared/api/schemas/customers.ts';
import type { Session } from '../../../../shared/api/schemas/user.ts';
import { CUSTOMER_STATUSES, type CustomerStatus } from '../../../../shared/domain/customers/customers.ts';
import { call } from '../api.ts';
import { Shell } from '../components/Shell.tsx';
import { DataTable } from '../components/TableScroll.tsx';
import { useLoad } from '../components/useLoad.tsx';
import { usePagedList } from '../components/usePagedList.tsx';
import { Card, PageHeader, StatusChip } from '../components/ui.tsx';
import { customersText } from '../i18n/customers/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { CustomerForm, type StaffOption } from './CustomerForm.tsx';
import { areaOfPage, clientHref } from './links.ts';

interface Filters {
  q?: string | undefined;
  status?: CustomerStatus | undefined;
  accountManagerId?: string | undefined;
  tag?: string | undefined;
}

const area = areaOfPage();
const control = 'mt-1 block rounded border border-slate-300 px-2 py-1';

function ClientsPage({ session }: { session: Session }) {
  const t = useText(customersText);
  const [filters, setFilters] = useState<Filters>({});
  const [version, setVersion] = useState(0);
  const { data: staff = [] } = useLoad(useCallback(async (): Promise<StaffOption[]> => (await call('listTeamWorkload')).items, []));
  const fetchPage = useCallback((cursor: string | undefined) => call('listCustomers', { query: { limit: 25, cursor, ...filters } }), [filters, version]);
  const { items, show } = usePagedList<CustomerView>(fetchPage);
  const managerOf = (id: string | undefined) => staff.find((s) => s.userId === id)?.name ?? t.clients.nobody;

  function onFilter(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const value = (k: string) => String(data.get(k) ?? '').trim() || undefined;
    setFilters({ q: value('q'), status: value('status') as CustomerStatus | undefined, accountManagerId: value('accountManagerId'), tag: value('tag') });
  }

  return (
    <>
      <PageHeader title={t.clients.title} lead={t.clients.lead} />
      {session.permissions.includes('customers.manage') && (
        <Card aria-labelledby="add-customer" className="mb-8">
          <details>
            <summary id="add-customer" className="cursor-pointer text-lg font-semibold">
              {t.clients.add.title}
            </summary>
            <div className="mt-4">
              <CustomerForm staff={staff} onSaved={() => setVersion((v) => v + 1)} />
            </div>
          </details>
        </Card>
      )}
      <form role="search" onSubmit={onFilter} className="mb-4 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow">
        <label className="text-sm">
          {t.clients.search}
          <input name="q" type="search" maxLength={160} className={control} />
        </label>
        <label className="text-sm">
          {t.clients.status}
          <select name="status" className={control}>
            <option value="">{t.clients.any}</option>
            {CUSTOMER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.clients.statuses[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          {t.clients.accountManager}
          <select name="accountManagerId" className={control}>
            <option value="">{t.clients.any}</option>
            {staff.map((s) => (
              <option key={s.userId} value={s.userId}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          {t.clients.tag}
          <input name="tag" maxLength={40} className={control} />
        </label>
        <button type="submit" className="rounded border border-slate-300 px-4 py-1.5 hover:bg-slate-100">
          {t.clients.apply}
        </button>
      </form>
      {show(t.clients.empty, () => (
        <DataTable label={t.clients.title} headers={[t.clients.name, t.clients.kind, t.clients.status, t.clients.accountManager, t.clients.tags]}>
          {items.map((c) => (
            <tr key={c.customerId} className="border-t border-slate-100">
              <td className="px-4 py-2">
                <a href={clientHref(area, c.customerId)} className="text-brand-700 underline">
                  {c.name}
                </a>
              </td>
              <td className="px-4 py-2">{t.clients.kinds[c.kind]}</td>
              <td className="px-4 py-2">
                <StatusChip status={c.status}>{t.clients.statuses[c.status]}</StatusChip>
              </td>
              <td className="px-4 py-2">{managerOf(c.accountManagerId)}</td>
              <td className="px-4 py-2">{c.tags.join(', ')}</td>
            </tr>
          ))}
        </DataTable>
      ))}
    </>
  );
}

mount(() => <Shell area={area}>{(session) => <ClientsPage session={session} />}</Shell>);
