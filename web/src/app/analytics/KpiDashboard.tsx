import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { RequestKpis } from '../../../../shared/api/schemas/analytics.ts';
import type { MemberWorkload } from '../../../../shared/api/schemas/team.ts';
import { PRIORITIES, REQUEST_STATUSES } from '../../../../shared/domain/requests/workflow.ts';
import { call } from '../api.ts';
import { money } from '../format.ts';
import { subscribeLive } from '../live.ts';
import type { BookingKpis } from '../../../../shared/api/schemas/analytics.ts';
import { format, useLocale } from '../i18n/index.ts';
import { analyticsText } from '../i18n/analytics/index.ts';
import { requestsText } from '../i18n/requests/index.ts';
import { teamText } from '../i18n/team/index.ts';
import { useText } from '../i18n/text.ts';
import { ErrorNotice, Loading } from '../components/Status.tsx';
import { Trends } from './Trends.tsx';

/** A figure, linked to the list it counts when there is one (the same filters give the same number). */
function Card({ title, value, detail, testId, href }: { title: string; value: string; detail: string; testId: string; href?: string }) {
  return (
    <div className="relative rounded-lg bg-white p-4 shadow focus-within:ring-2 focus-within:ring-brand-600">
      <h3 className="text-sm text-slate-600">
        {href ? (
          <a href={href} className="after:absolute after:inset-0 hover:underline focus:outline-none">
            {title}
          </a>
        ) : (
          title
        )}
      </h3>
      <p className="mt-1 text-3xl font-semibold" data-testid={testId}>
        {value}
      </p>
      <p className="mt-1 text-xs text-slate-600">{detail}</p>
    </div>
  );
}

interface BarRow {
  key: string;
  label: string;
  value: number;
  text?: string;
  /** The bar's full length (a person's capacity); the largest value otherwise. */
  max?: number;
  /** The filtered list this row counts. */
  href?: string;
}

/** Horizontal bars, each labelled with its figure, so nothing depends on seeing the bar; a bar past its capacity is a warning, never longer than its track. */
function Bars({ title, rows, empty, over }: { title: string; rows: BarRow[]; empty: string; over?: string }) {
  const top = Math.max(1, ...rows.map((r) => r.max ?? r.value));
  return (
    <section aria-label={title} className="rounded-lg bg-white p-4 shadow">
      <h3 className="mb-3 font-semibold">{title}</h3>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="space-y-2">
          {rows.map((r) => {
            const full = r.max !== undefined && r.value >= r.max;
            const past = r.max !== undefined && r.value > r.max;
            return (
              <li key={r.key} className="grid grid-cols-[8rem_1fr_auto] items-center gap-2 text-sm">
                <span className="truncate">
                  {r.href ? (
                    <a href={r.href} className="text-brand-700 underline">
                      {r.label}
                    </a>
                  ) : (
                    r.label
                  )}
                </span>
                <span className="h-3 overflow-hidden rounded bg-slate-100" aria-hidden="true">
                  <span
                    className={`block h-3 rounded ${past ? 'bg-red-600' : full ? 'bg-amber-500' : 'bg-brand-600'}`}
                    style={{ width: `${Math.min(100, (r.value / Math.max(1, r.max ?? top)) * 100)}%` }}
                  />
                </span>
                <span className={`text-end tabular-nums ${past ? 'font-semibold text-red-800' : ''}`}>
                  {past && over ? `${over} · ` : ''}
                  {r.text ?? r.value}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** The firm's request KPIs and its team's workload, kept live; each figure leads to the list it counts. */
export default function KpiDashboard({ linked }: { linked: boolean }) {
  /** The request list with these filters (what a figure counts), for readers who have that list. */
  const list = (filters: Record<string, string>) => (linked ? `/admin/requests/?${new URLSearchParams(filters)}` : undefined);
  const t = useText(analyticsText, requestsText, teamText);
  const { locale } = useLocale();
  const [kpis, setKpis] = useState<RequestKpis | null>(null);
  const [team, setTeam] = useState<MemberWorkload[]>([]);
  const [bookings, setBookings] = useState<BookingKpis | null>(null);
  const [error, setError] = useState<unknown>(null);
  const loadKpis = useCallback(() => {
    setError(null);
    call('getRequestKpis').then(setKpis).catch(setError);
    call('getBookingKpis', { query: { days: 28 } }).then(setBookings, () => setBookings(null));
  }, []);
  const loadTeam = useCallback(
    () =>
      void call('listTeamWorkload')
        .then((r) => setTeam(r.items))
        .catch(() => setTeam([])),
    [],
  );
  useEffect(() => {
    loadKpis();
    loadTeam();
  }, [loadKpis, loadTeam]);
  useEffect(
    () =>
      subscribeLive({
        onMessage: (m) => {
          if (m.type === 'kpis.changed') loadKpis();
          if (m.type === 'request.changed' || m.type === 'task.changed') loadTeam();
        },
        onResync: () => {
          loadKpis();
          loadTeam();
        },
      }),
    [loadKpis, loadTeam],
  );

  if (error !== null) return <ErrorNotice error={error} onRetry={loadKpis} />;
  if (!kpis) return <Loading />;
  const k = t.kpi;
  const section = (children: ReactNode) => <div className="mt-4 grid gap-4 lg:grid-cols-2">{children}</div>;
  return (
    <section aria-labelledby="kpis" className="mt-8">
      <h2 id="kpis" className="text-lg font-semibold">
        {k.title}
      </h2>
      <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Card title={k.active} value={String(kpis.activeRequests)} detail={k.activeDetail} testId="kpi-active" href={list({ open: 'true' })} />
        <Card
          title={k.newThisWeek}
          value={String(kpis.newThisWeek)}
          detail={format(k.lastWeek, { count: String(kpis.newLastWeek) })}
          testId="kpi-new"
          href={list({ from: kpis.weekStart })}
        />
        <Card
          title={k.completion}
          value={kpis.completionRate === undefined ? '—' : `${kpis.completionRate}%`}
          detail={
            kpis.completionRate === undefined
              ? k.noneClosed
              : format(k.completionDetail, { completed: String(kpis.completedThisMonth), cancelled: String(kpis.cancelledThisMonth) })
          }
          testId="kpi-completion"
        />
        <Card
          title={k.pipeline}
          value={money(kpis.pipeline, kpis.currency, locale)}
          detail={k.pipelineDetail}
          testId="kpi-pipeline"
          href={list({ open: 'true' })}
        />
      </div>
      {section(
        <>
          <Bars
            title={k.byStatus}
            empty={k.empty}
            rows={REQUEST_STATUSES.filter((s) => kpis.byStatus[s] > 0).map((s) => ({
              key: s,
              label: t.requests.statuses[s],
              value: kpis.byStatus[s],
              href: list({ status: s }),
            }))}
          />
          <Bars
            title={k.teamWorkload}
            empty={t.team.empty}
            over={k.overloaded}
            rows={team.map((m) => ({
              key: m.userId,
              label: m.name,
              value: m.activeRequests,
              max: m.maxConcurrentProjects,
              href: list({ assigneeId: m.userId, open: 'true' }),
              text: `${format(t.team.ofCapacity, { active: String(m.activeRequests), max: String(m.maxConcurrentProjects) })} · ${format(k.openTasks, { count: String(m.openTasks) })}`,
            }))}
          />
          <Bars
            title={k.byPriority}
            empty={k.empty}
            rows={PRIORITIES.filter((p) => kpis.byPriority[p] > 0).map((p) => ({
              key: p,
              label: t.requests.priorities[p],
              value: kpis.byPriority[p],
              href: list({ open: 'true', priority: p }),
            }))}
          />
          <Bars
            title={k.byService}
            empty={k.empty}
            rows={kpis.byService.map((s) => ({
              key: s.serviceId,
              label: s.name,
              value: s.open,
              text: `${s.open} · ${money(s.pipeline, kpis.currency, locale)}`,
              href: list({ open: 'true', serviceId: s.serviceId }),
            }))}
          />
        </>,
      )}
      {bookings && (
        <>
          <h3 className="mt-8 font-semibold">{k.bookings}</h3>
          <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <Card
              title={k.utilization}
              value={bookings.utilization === undefined ? '—' : `${bookings.utilization}%`}
              detail={k.utilizationDetail}
              testId="kpi-utilization"
            />
            <Card
              title={k.noShows}
              value={bookings.noShowRate === undefined ? '—' : `${bookings.noShowRate}%`}
              detail={k.noShowsDetail}
              testId="kpi-no-shows"
            />
          </div>
          {section(
            <Bars
              title={k.bookingsAhead}
              empty={k.empty}
              rows={bookings.days.slice(14, 21).map((d) => ({
                key: d.date,
                label: new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(
                  Date.parse(`${d.date}T12:00:00Z`),
                ),
                value: d.bookings,
              }))}
            />,
          )}
        </>
      )}
      <Trends />
    </section>
  );
}
