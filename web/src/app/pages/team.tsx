import { useCallback, useEffect, useState } from 'react';
import type { MemberWorkload } from '../../../../shared/api/schemas/team.ts';
import type { Area } from '../../../../shared/domain/identity/permissions.ts';
import { call } from '../api.ts';
import { Shell } from '../components/Shell.tsx';
import { ErrorNotice, Loading } from '../components/Status.tsx';
import { subscribeLive } from '../live.ts';
import { format, useI18n } from '../i18n/index.ts';
import { mount } from '../mount.tsx';

const area = (document.getElementById('app')?.dataset.area ?? 'staff') as Extract<Area, 'staff' | 'admin'>;

/** Who can take work: each member's availability, load against capacity, and free share. */
function TeamPage() {
  const { t } = useI18n();
  const [members, setMembers] = useState<MemberWorkload[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    setError(null);
    call('listTeamWorkload').then((r) => setMembers(r.items)).catch(setError);
  }, []);
  useEffect(load, [load]);
  // Assignments, completed work and tasks change the load: follow them live.
  useEffect(() => subscribeLive({ onMessage: (m) => (m.type === 'request.changed' || m.type === 'task.changed') && load(), onResync: load }), [load]);

  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{t.team.title}</h1>
      <p className="mb-6 text-slate-600">{t.team.lead}</p>
      {error !== null && <ErrorNotice error={error} onRetry={load} />}
      {!members && error === null && <Loading />}
      {members && members.length === 0 && <p className="text-slate-600">{t.team.empty}</p>}
      {members && members.length > 0 && (
        <div className="overflow-x-auto rounded-lg bg-white shadow">
          <table className="w-full text-sm">
            <thead className="bg-slate-100 text-slate-600">
              <tr>{[t.team.member, t.team.status, t.team.load, t.team.openTasks, t.team.available, t.team.skills].map((h) => <th key={h} scope="col" className="px-3 py-2 text-start">{h}</th>)}</tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.userId} className="border-t border-slate-100 align-top">
                  <td className="px-3 py-2">
                    <span className="font-medium">{m.name}</span>
                    <span className="block text-xs text-slate-600">{[t.roles[m.role], m.position, m.expertiseLevel && t.team.levels[m.expertiseLevel]].filter(Boolean).join(' · ')}</span>
                  </td>
                  <td className="px-3 py-2">{t.team.statuses[m.availabilityStatus] ?? m.availabilityStatus}</td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    <meter min={0} max={m.maxConcurrentProjects} value={m.activeRequests} className="me-2 align-middle" aria-label={format(t.team.loadOf, { name: m.name })} />
                    {format(t.team.ofCapacity, { active: String(m.activeRequests), max: String(m.maxConcurrentProjects) })}
                  </td>
                  <td className="px-3 py-2" data-testid={`open-tasks-${m.userId}`}>{m.openTasks}</td>
                  <td className="px-3 py-2 font-medium" data-testid={`available-${m.userId}`}>{m.availabilityPercent}%</td>
                  <td className="px-3 py-2">{m.skills.join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

mount(() => <Shell area={area}>{() => <TeamPage />}</Shell>);
