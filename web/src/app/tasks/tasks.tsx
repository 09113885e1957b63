import { useCallback, useEffect, useRef, useState } from 'react';
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
import { useAddressFilters, useRowKeys, useTypingPause } from '../components/list-controls.ts';

type Session = Parameters<Parameters<typeof Shell>[0]['children']>[0];
type Filters = { status: string; assigneeId?: string; priority?: string; q?: string };

const area = (document.getElementById('app')?.dataset.area ?? 'staff') as 'staff' | 'admin';
const control = 'mt-1 block rounded border border-slate-300 px-2 py-1';

/** One's own open tasks by due date; leads and admins can look at anyone's, or everyone's. */
function TasksPage({ session }: { session: Session }) {
  const t = useText(requestsText, tasksText);
  const seesAll = session.permissions.includes('tasks.read.all');
  const [filters, setFilters] = useAddressFilters<Filters>(['status', 'assigneeId', 'priority', 'q'], { status: 'open', assigneeId: 'me' });
  const afterPause = useTypingPause();
  const listRef = useRef<HTMLDivElement>(null);
  useRowKeys(listRef);
  const [team, setTeam] = useState<MemberWorkload[]>([]);
  // "Anyone" is kept in the address as `any`, so that a reload does not go back to one's own.
  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      call('listTasks', { query: { limit: 25, cursor, ...filters, assigneeId: filters.assigneeId === 'any' ? undefined : filters.assigneeId } }),
    [filters],
  );
  const { items, reload, show } = usePagedList<TaskView>(fetchPage);
  // A task was given, moved or handed over: show the list as it is now.
  useEffect(() => subscribeLive({ onMessage: (m) => m.type === 'task.changed' && reload(), onResync: reload }), [reload]);
  useEffect(() => {
    if (seesAll)
      void call('listTeamWorkload')
        .then((r) => setTeam(r.items))
        .catch(() => setTeam([]));
  }, [seesAll]);

  /** Filters apply as the reader types or picks, once they pause. */
  function onFilterInput(form: HTMLFormElement) {
    afterPause(() => {
      const data = new FormData(form);
      const value = (k: string) => String(data.get(k) ?? '').trim() || undefined;
      setFilters({ status: value('status') ?? 'open', assigneeId: seesAll ? value('assigneeId') : 'me', priority: value('priority'), q: value('q') });
    });
  }

  const f = t.tasks.filters;
  return (
    <>
      <PageHeader title={seesAll ? t.tasks.title : t.tasks.mine} />
      <form
        role="search"
        aria-label={t.tasks.filtersLabel}
        onSubmit={(e) => e.preventDefault()}
        onChange={(e) => onFilterInput(e.currentTarget)}
        className="mb-4 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow"
      >
        <label className="text-sm">
          {f.status}
          <select name="status" className={control} defaultValue={filters.status}>
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
            <select name="assigneeId" className={control} defaultValue={filters.assigneeId}>
              <option value="me">{f.me}</option>
              <option value="any">{f.any}</option>
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
          <select name="priority" className={control} defaultValue={filters.priority ?? ''}>
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
          <input name="q" type="search" maxLength={100} className={control} defaultValue={filters.q} />
        </label>
      </form>
      <div ref={listRef}>
        {show(t.tasks.empty, () => (
          <>
            <TaskTable tasks={items} area={area} />
            <p className="mt-2 text-xs text-slate-600">{t.requests.keysHint}</p>
          </>
        ))}
      </div>
    </>
  );
}

mount(() => <Shell area={area}>{(session) => <TasksPage session={session} />}</Shell>);
