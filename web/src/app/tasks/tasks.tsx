import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { TaskView } from '../../../../shared/api/schemas/tasks.ts';
import type { MemberWorkload } from '../../../../shared/api/schemas/team.ts';
import { PRIORITIES } from '../../../../shared/domain/requests/workflow.ts';
import { TASK_STATUSES } from '../../../../shared/domain/tasks/tasks.ts';
import { call } from '../api.ts';
import { Shell } from '../components/Shell.tsx';
import { TaskTable } from './TaskTable.tsx';
import { usePagedList } from '../components/usePagedList.tsx';
import { subscribeLive } from '../live.ts';
import { requestsText } from '../i18n/requests/index.ts';
import { tasksText } from '../i18n/tasks/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { PageHeader } from '../components/ui.tsx';

type Session = Parameters<Parameters<typeof Shell>[0]['children']>[0];
type Filters = { status: string; assigneeId?: string; priority?: string; q?: string };

const area = (document.getElementById('app')?.dataset.area ?? 'staff') as 'staff' | 'admin';
const control = 'mt-1 block rounded border border-slate-300 px-2 py-1';

/** One's own open tasks by due date; leads and admins can look at anyone's, or everyone's. */
function TasksPage({ session }: { session: Session }) {
  const t = useText(requestsText, tasksText);
  const seesAll = session.permissions.includes('tasks.read.all');
  const [filters, setFilters] = useState<Filters>({ status: 'open', assigneeId: 'me' });
  const [team, setTeam] = useState<MemberWorkload[]>([]);
  const fetchPage = useCallback((cursor: string | undefined) => call('listTasks', { query: { limit: 25, cursor, ...filters } }), [filters]);
  const { items, reload, show } = usePagedList<TaskView>(fetchPage);
  // A task was given, moved or handed over: show the list as it is now.
  useEffect(() => subscribeLive({ onMessage: (m) => m.type === 'task.changed' && reload(), onResync: reload }), [reload]);
  useEffect(() => {
    if (seesAll)
      void call('listTeamWorkload')
        .then((r) => setTeam(r.items))
        .catch(() => setTeam([]));
  }, [seesAll]);

  function onFilter(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const value = (k: string) => String(data.get(k) ?? '').trim() || undefined;
    setFilters({ status: value('status') ?? 'open', assigneeId: seesAll ? value('assigneeId') : 'me', priority: value('priority'), q: value('q') });
  }

  const f = t.tasks.filters;
  return (
    <>
      <PageHeader title={seesAll ? t.tasks.title : t.tasks.mine} />
      <form onSubmit={onFilter} className="mb-4 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow">
        <label className="text-sm">
          {f.status}
          <select name="status" className={control} defaultValue="open">
            <option value="open">{f.open}</option>
            {TASK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.tasks.statuses[s]}
              </option>
            ))}
          </select>
        </label>
        {seesAll && (
          <label className="text-sm">
            {f.assignee}
            <select name="assigneeId" className={control} defaultValue="me">
              <option value="me">{f.me}</option>
              <option value="">{f.any}</option>
              {team
                .filter((m) => m.userId !== session.user.userId)
                .map((m) => (
                  <option key={m.userId} value={m.userId}>
                    {m.name}
                  </option>
                ))}
            </select>
          </label>
        )}
        <label className="text-sm">
          {t.tasks.fields.priority}
          <select name="priority" className={control} defaultValue="">
            <option value="">{t.requests.any}</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t.requests.priorities[p]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          {f.search}
          <input name="q" type="search" maxLength={100} className={control} />
        </label>
        <button type="submit" className="rounded border border-slate-300 px-4 py-1.5 hover:bg-slate-100">
          {t.requests.apply}
        </button>
      </form>
      {show(t.tasks.empty, () => (
        <TaskTable tasks={items} area={area} />
      ))}
    </>
  );
}

mount(() => <Shell area={area}>{(session) => <TasksPage session={session} />}</Shell>);
