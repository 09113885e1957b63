/**
 * A client's home (`/portal/`): what needs them now, their open requests with who acts next,
 * their next appointments (to reschedule) and what happened lately. Each part loads on its own,
 * so one slow or failing part leaves the others readable.
 */
import { useCallback, useEffect } from 'react';
import type { Session } from '../../../../shared/api/schemas/user.ts';
import type { RequestStatus } from '../../../../shared/domain/requests/workflow.ts';
import { call } from '../api.ts';
import { Shell } from '../components/Shell.tsx';
import { useLoad } from '../components/useLoad.tsx';
import { Card, PageHeader, StatusChip } from '../components/ui.tsx';
import { subscribeLive } from '../live.ts';
import { format, useLocale } from '../i18n/index.ts';
import { homeText } from '../i18n/home/index.ts';
import { requestsText } from '../i18n/requests/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { useNoticeText } from '../notifications/notice-text.ts';
import { nextStepText } from '../requests/next-step.ts';
import { AskedOfYou } from '../documents/AskedOfYou.tsx';
import { UpcomingAppointments, useUpcoming } from './UpcomingAppointments.tsx';

const LINK = 'text-brand-700 underline';
const ACTION = 'rounded px-4 py-2 font-medium';

function Attention({ home }: { home: ReturnType<typeof useHome> }) {
  const t = useText(homeText);
  const { locale } = useLocale();
  const day = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(Date.parse(iso));
  return (
    <Card aria-labelledby="attention-title" className="border-s-4 border-amber-500">
      <h2 id="attention-title" className="mb-3 text-lg font-semibold">
        {t.clientHome.attention.title}
      </h2>
      {home.show(({ attention }) =>
        attention.length === 0 ? (
          <p className="text-slate-600">{t.clientHome.attention.empty}</p>
        ) : (
          <ul className="space-y-2">
            {attention.map((a) => (
              <li key={`${a.kind}-${a.requestId}`}>
                <a href={`/portal/request/?id=${encodeURIComponent(a.requestId)}`} className="font-medium text-brand-700 underline">
                  {t.clientHome.attention.kinds[a.kind]}
                </a>{' '}
                · <span className="font-mono text-slate-600">{a.reference}</span> <bdi>{a.title}</bdi>{' '}
                <span className="text-sm text-slate-600">({format(t.clientHome.attention.since, { date: day(a.at) })})</span>
              </li>
            ))}
          </ul>
        ),
      )}
    </Card>
  );
}

function OpenRequests({ home }: { home: ReturnType<typeof useHome> }) {
  const t = useText(homeText, requestsText);
  return (
    <Card aria-labelledby="open-title">
      <h2 id="open-title" className="mb-3 text-lg font-semibold">
        {t.clientHome.open.title}
      </h2>
      {home.show(({ open, moreOpen }) => (
        <>
          {open.length === 0 ? (
            <p className="text-slate-600">{t.clientHome.open.empty}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {open.map((r) => (
                <li key={r.requestId} className="py-3">
                  <a href={`/portal/request/?id=${encodeURIComponent(r.requestId)}`} className={LINK}>
                    <span className="font-mono">{r.reference}</span> <bdi>{r.title}</bdi>
                  </a>{' '}
                  <StatusChip status={r.status}>{t.requests.statuses[r.status as RequestStatus]}</StatusChip>
                  <p className="text-sm text-slate-700">{nextStepText(r, t)}</p>
                </li>
              ))}
            </ul>
          )}
          <a href="/portal/requests/" className={`mt-3 inline-block ${LINK}`}>
            {t.clientHome.open.all}
            {moreOpen ? ' …' : ''}
          </a>
        </>
      ))}
    </Card>
  );
}

const useRecent = () => useLoad(useCallback(() => call('listNotifications', { query: { limit: 6 } }), []));

function RecentActivity({ recent }: { recent: ReturnType<typeof useRecent> }) {
  const t = useText(homeText);
  const { locale } = useLocale();
  const text = useNoticeText();
  return (
    <Card aria-labelledby="activity-title">
      <h2 id="activity-title" className="mb-3 text-lg font-semibold">
        {t.clientHome.activity.title}
      </h2>
      {recent.show(({ items }) =>
        items.length === 0 ? (
          <p className="text-slate-600">{t.clientHome.activity.empty}</p>
        ) : (
          <ol className="space-y-2">
            {items.map((n) => (
              <li key={n.notificationId} className="text-sm">
                {n.link ? (
                  <a href={n.link} className={LINK}>
                    {text(n)}
                  </a>
                ) : (
                  text(n)
                )}
                <time dateTime={n.createdAt} className="block text-xs text-slate-600">
                  {new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(n.createdAt))}
                </time>
              </li>
            ))}
          </ol>
        ),
      )}
    </Card>
  );
}

const settled = (load: { data: unknown; error: unknown }) => load.data !== undefined || load.error !== null;

const useHome = () => useLoad(useCallback(() => call('getClientHome'), []));

function ClientHome({ session }: { session: Session }) {
  const t = useText(homeText);
  const home = useHome();
  const upcoming = useUpcoming();
  const recent = useRecent();
  // A request of theirs changed (or the connection came back): show the home as it is now.
  const { reload } = home;
  useEffect(() => subscribeLive({ onMessage: (m) => m.type === 'request.changed' && reload(), onResync: reload }), [reload]);
  return (
    <>
      <PageHeader
        title={format(t.clientHome.welcome, { name: session.user.name })}
        lead={format(t.clientHome.firm, { firm: session.tenant.name })}
        actions={
          <>
            {session.permissions.includes('service_requests.create') && (
              <a href="/portal/requests/new/" className={`${ACTION} bg-brand-600 text-white hover:bg-brand-700`}>
                {t.clientHome.ask}
              </a>
            )}
            <a href="/portal/book/" className={`${ACTION} border border-slate-300 bg-white hover:bg-slate-100`}>
              {t.clientHome.book}
            </a>
          </>
        }
      />
      {/* All parts load at once, and each shows once those above it have their answer: nothing shown moves down as they arrive. */}
      <div className="space-y-6">
        <Attention home={home} />
        {session.permissions.includes('documents.upload') && <AskedOfYou />}
        {settled(home) && (
          <div className="grid gap-6 lg:grid-cols-2">
            <OpenRequests home={home} />
            <UpcomingAppointments next={upcoming} />
          </div>
        )}
        {settled(home) && settled(upcoming) && <RecentActivity recent={recent} />}
      </div>
    </>
  );
}

mount(() => <Shell area="portal">{(session) => <ClientHome session={session} />}</Shell>);
