import { RequestList } from '../components/RequestList.tsx';
import { Shell } from '../components/Shell.tsx';
import { useI18n } from '../i18n/index.ts';
import { mount } from '../mount.tsx';

function RequestsPage({ canExport }: { canExport: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">{t.requests.all}</h1>
      <RequestList area="admin" filters bulk exportable={canExport} />
    </>
  );
}

mount(() => <Shell area="admin">{(session) => <RequestsPage canExport={session.permissions.includes('analytics.export')} />}</Shell>);
