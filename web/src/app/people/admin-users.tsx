import { useCallback, useState } from 'react';
import type { UserView } from '../../../../shared/api/schemas/user.ts';
import { call } from '../api.ts';
import { InvitationsList } from './InvitationsList.tsx';
import { InviteForm } from './InviteForm.tsx';
import { Shell } from '../components/Shell.tsx';
import { ErrorNotice, Loading } from '../components/Status.tsx';
import { usePagedList } from '../components/usePagedList.tsx';
import { commonText } from '../i18n/common/index.ts';
import { peopleText } from '../i18n/people/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { DataTable } from '../components/TableScroll.tsx';
import { StatusChip } from '../components/ui.tsx';

function UsersTable({ version }: { version: number }) {
  const t = useText(commonText, peopleText);
  // A new `version` (someone was invited) fetches the list again.
  const fetchPage = useCallback((cursor: string | undefined) => call('listUsers', { query: { limit: 25, cursor } }), [version]);
  const { items: users, state, error, reload, more } = usePagedList<UserView>(fetchPage);

  if (state === 'loading') return <Loading />;
  return (
    <section>
      {error !== null && <ErrorNotice error={error} onRetry={reload} />}
      {users.length === 0 && error === null ? (
        <p className="text-slate-600">{t.users.empty}</p>
      ) : (
        <DataTable label={t.users.title} headers={[t.users.name, t.users.email, t.users.role, t.users.status]}>
          {users.map((u) => (
            <tr key={u.userId} className="border-t border-slate-100">
              <td className="px-4 py-2">
                <a href={`/admin/users/person/?id=${encodeURIComponent(u.userId)}`} className="text-brand-700 underline">
                  {u.name}
                </a>
              </td>
              <td className="px-4 py-2">{u.email}</td>
              <td className="px-4 py-2">{t.roles[u.role]}</td>
              <td className="px-4 py-2">
                <StatusChip status={u.status}>{t.users.statuses[u.status]}</StatusChip>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {more}
    </section>
  );
}

function TeamPage() {
  const t = useText(commonText, peopleText);
  const [version, setVersion] = useState(0);
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">{t.users.title}</h1>
      <InviteForm onInvited={() => setVersion((v) => v + 1)} />
      <UsersTable version={version} />
      <InvitationsList version={version} />
    </>
  );
}

mount(() => <Shell area="admin">{() => <TeamPage />}</Shell>);
