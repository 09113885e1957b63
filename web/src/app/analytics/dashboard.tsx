import { lazy, Suspense } from 'react';
import type { Area } from '../../../../shared/domain/identity/permissions.ts';
import { RequestList } from '../requests/RequestList.tsx';
import { RequestTabs } from '../requests/RequestTabs.tsx';
import { Shell } from '../components/Shell.tsx';
import { Loading } from '../components/Status.tsx';
import { format } from '../i18n/index.ts';
import { analyticsText } from '../i18n/analytics/index.ts';
import { bookingsText } from '../i18n/bookings/index.ts';
import { requestsText } from '../i18n/requests/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';

type DashboardArea = Exclude<Area, 'account' | 'portal' | 'platform'>;
// Only those who may see the firm's figures download them.
const KpiDashboard = lazy(() => import('./KpiDashboard.tsx'));
const SupportSummary = lazy(() => import('../tickets/SupportSummary.tsx'));

const LEAD: Record<DashboardArea, 'staffLead' | 'adminLead'> = { staff: 'staffLead', admin: 'adminLead' };

function Dashboard({ area }: { area: DashboardArea }) {
  const t = useText(analyticsText, bookingsText, requestsText);
  return (
    <Shell area={area}>
      {(session) => (
        <section>
          <h1 className="text-2xl font-semibold">{format(t.dashboard.welcome, { name: session.user.name })}</h1>
          <p className="mt-1 text-slate-600">{format(t.dashboard.firm, { firm: session.tenant.name })}</p>
          <p className="mt-4">{t.dashboard[LEAD[area]]}</p>
          {session.permissions.includes('analytics.view') && (
            <Suspense fallback={<Loading />}>
              <KpiDashboard linked={area === 'admin'} />
            </Suspense>
          )}
          {session.permissions.includes('conversations.read.all') && (
            <Suspense fallback={<Loading />}>
              <SupportSummary area={area} />
            </Suspense>
          )}
          {area === 'staff' && (
            <section aria-label={t.calendar.tabs} className="mt-8">
              <RequestTabs area={area} session={session}>
                <div className="mb-3 flex flex-wrap items-center gap-4">
                  <h2 className="me-auto text-lg font-semibold">{t.requests.assigned}</h2>
                  {session.permissions.includes('service_requests.create') && (
                    <a href={`/${area}/requests/new/`} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
                      {t.requests.newOnBehalf}
                    </a>
                  )}
                </div>
                <RequestList area={area} />
              </RequestTabs>
            </section>
          )}
        </section>
      )}
    </Shell>
  );
}

/** The page tells which area it is through `data-area` on #app (a client's home is ../home/client-home.tsx). */
const area = (document.getElementById('app')?.dataset.area ?? 'staff') as DashboardArea;
mount(() => <Dashboard area={area} />);
