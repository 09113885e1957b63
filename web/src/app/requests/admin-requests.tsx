import type { Session } from '../../../../shared/api/schemas/user.ts';
import { RequestList } from './RequestList.tsx';
import { RequestTabs } from './RequestTabs.tsx';
import { Shell } from '../components/Shell.tsx';
import { requestsText } from '../i18n/requests/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';

function RequestsPage({ session }: { session: Session }) {
  const t = useText(requestsText);
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">{t.requests.all}</h1>
      <RequestTabs area="admin" session={session}>
        <div className="mb-6 flex justify-end">
          <a href="/admin/requests/new/" className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
            {t.requests.newOnBehalf}
          </a>
        </div>
        <RequestList area="admin" filters bulk exportable={session.permissions.includes('analytics.export')} />
      </RequestTabs>
    </>
  );
}

mount(() => <Shell area="admin">{(session) => <RequestsPage session={session} />}</Shell>);
