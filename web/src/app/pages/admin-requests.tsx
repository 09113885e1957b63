import { RequestList } from '../components/RequestList.tsx';
import { RequestTabs } from '../components/RequestTabs.tsx';
import { Shell } from '../components/Shell.tsx';
import { useI18n } from '../i18n/index.ts';
import { mount } from '../mount.tsx';

function RequestsPage({ canExport }: { canExport: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <RequestTabs area="admin" />
      <div id="requests" className="mb-6 flex flex-wrap items-center gap-4">
        <h1 className="me-auto text-2xl font-semibold">{t.requests.all}</h1>
        <a href="/admin/requests/new/" className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">{t.requests.newOnBehalf}</a>
      </div>
      <RequestList area="admin" filters bulk exportable={canExport} />
    </>
  );
}

mount(() => <Shell area="admin">{(session) => <RequestsPage canExport={session.permissions.includes('analytics.export')} />}</Shell>);
