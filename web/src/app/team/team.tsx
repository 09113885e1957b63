import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { MemberWorkload } from '../../../../shared/api/schemas/team.ts';
import type { Area } from '../../../../shared/domain/identity/permissions.ts';
import { call } from '../api.ts';
import { Shell } from '../components/Shell.tsx';
import { ErrorNotice, Loading } from '../components/Status.tsx';
import { subscribeLive } from '../live.ts';
import { format, textFor } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { teamText } from '../i18n/team/index.ts';
import { useText } from '../i18n/text.ts';
import { useLoad } from '../components/useLoad.tsx';
import { mount } from '../mount.tsx';
import { DataTable, TableScroll } from '../components/TableScroll.tsx';
import { PageHeader } from '../components/ui.tsx';

const area = (document.getElementById('app')?.dataset.area ?? 'staff') as Extract<Area, 'staff' | 'admin'>;
const AssignmentHistory = lazy(() => import('./AssignmentHistory.tsx'));

type Session = Parameters<Parameters<typeof Shell>[0]['children']>[0];

/** Who can take work: each member's availability, load against capacity, and free share. */
function TeamPage({ session }: { session: Session }) {
  const t = useText(commonText, teamText);
  const fetchMembers = useCallback(() => call('listTeamWorkload').then((r) => r.items), []);
  const { data: members, error, reload: load } = useLoad(fetchMembers);
  const [historyOf, setHistoryOf] = useState<MemberWorkload | null>(null);
  // Anyone's history for those who see users; one's own for everyone.
  const mayOpen = (m: MemberWorkload) => m.userId === session.user.userId || session.permissions.includes('users.view');

  // Assignments, completed work and tasks change the load: follow them live.
  useEffect(() => subscribeLive({ onMessage: (m) => (m.type === 'request.changed' || m.type === 'task.changed') && load(), onResync: load }), [load]);

  return (
    <>
      <PageHeader title={t.team.title} lead={t.team.lead} />
      {error !== null && <ErrorNotice error={error} onRetry={load} />}
      {!members && error === null && <Loading />}
      {members && members.length === 0 && <p className="text-slate-600">{t.team.empty}</p>}
      {members && members.length > 0 && (
        <DataTable label={t.team.title} headers={[t.team.member, t.team.status, t.team.load, t.team.openTasks, t.team.available, t.team.skills]}>
          {members.map((m) => (
            <tr key={m.userId} className="border-t border-slate-100 align-top">
              <td className="px-3 py-2">
                {mayOpen(m) ? (
                  <button
                    type="button"
                    onClick={() => setHistoryOf(m)}
                    className="font-medium text-brand-700 underline"
                    aria-label={format(t.team.historyOf, { name: m.name })}
                  >
                    {m.name}
                  </button>
                ) : (
                  <span className="font-medium">{m.name}</span>
                )}
                <span className="block text-xs text-slate-600">
                  {[t.roles[m.role], m.position, m.expertiseLevel && textFor(t.team.levels, m.expertiseLevel)].filter(Boolean).join(' · ')}
                </span>
              </td>
              <td className="px-3 py-2">{textFor(t.team.statuses, m.availabilityStatus) ?? m.availabilityStatus}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                <meter
                  min={0}
                  max={m.maxConcurrentProjects}
                  value={m.activeRequests}
                  className="me-2 align-middle"
                  aria-label={format(t.team.loadOf, { name: m.name })}
                />
                {format(t.team.ofCapacity, { active: String(m.activeRequests), max: String(m.maxConcurrentProjects) })}
              </td>
              <td className="px-3 py-2" data-testid={`open-tasks-${m.userId}`}>
                {m.openTasks}
              </td>
              <td className="px-3 py-2 font-medium" data-testid={`available-${m.userId}`}>
                {m.availabilityPercent}%
              </td>
              <td className="px-3 py-2">{m.skills.join(', ') || '—'}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {historyOf && (
        <Suspense fallback={<Loading />}>
          <AssignmentHistory key={historyOf.userId} userId={historyOf.userId} name={historyOf.name} area={area} onClose={() => setHistoryOf(null)} />
        </Suspense>
      )}
      {members && members.length > 0 && <SkillsMatrix members={members} />}
    </>
  );
}

/** Who holds which skill: a row per member, a column per skill anyone holds; a cell names the member's level. */
function SkillsMatrix({ members }: { members: MemberWorkload[] }) {
  const t = useText(commonText, teamText);
  const skills = [...new Set(members.flatMap((m) => m.skills))].sort();
  if (skills.length === 0) return null;
  return (
    <section aria-labelledby="skills-matrix" className="mt-8">
      <h2 id="skills-matrix" className="mb-3 text-lg font-semibold">
        {t.team.matrix}
      </h2>
      <TableScroll label={t.team.matrix}>
        <table className="w-full text-sm">
          <thead className="bg-slate-100 text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 text-start">
                {t.team.member}
              </th>
              {skills.map((skill) => (
                <th key={skill} scope="col" className="px-3 py-2 text-start font-mono text-xs">
                  {skill}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId} className="border-t border-slate-100">
                <th scope="row" className="px-3 py-2 text-start font-medium">
                  {m.name}
                </th>
                {skills.map((skill) => (
                  <td key={skill} className="px-3 py-2">
                    {m.skills.includes(skill) ? (
                      <span className="rounded bg-brand-50 px-2 py-0.5 text-brand-700">
                        ✓ {m.expertiseLevel ? textFor(t.team.levels, m.expertiseLevel) : ''}
                      </span>
                    ) : (
                      <span className="text-slate-400" aria-label={t.team.noSkill}>
                        —
                      </span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

mount(() => <Shell area={area}>{(session) => <TeamPage session={session} />}</Shell>);
