import type { TaskView } from '../../../../shared/api/schemas/tasks.ts';
import { format } from '../i18n/index.ts';
import { requestsText } from '../i18n/requests/index.ts';
import { tasksText } from '../i18n/tasks/index.ts';
import { useText } from '../i18n/text.ts';
import { DataTable } from '../components/TableScroll.tsx';
import { StatusChip } from '../components/ui.tsx';

/** Tasks as a table: each title opens the task in the reader's area; `withRequest` adds the request column. */
export function TaskTable({ tasks, area, withRequest = true }: { tasks: TaskView[]; area: 'staff' | 'admin'; withRequest?: boolean }) {
  const t = useText(requestsText, tasksText);
  const f = t.tasks.fields;
  const headers = [f.title, ...(withRequest ? [f.request] : []), f.status, f.priority, f.dueDate, f.assignee, f.progress];
  return (
    <DataTable label={t.tasks.title} headers={headers}>
      {tasks.map((task) => {
        const done = task.checklist.filter((c) => c.done).length;
        return (
          <tr key={task.taskId} className="border-t border-slate-100">
            <td className="px-3 py-2">
              <a href={`/${area}/task/?id=${task.taskId}`} data-row-link className="font-medium text-brand-700 underline">
                {task.title}
              </a>
            </td>
            {withRequest && (
              <td className="px-3 py-2 font-mono">
                {task.requestId ? (
                  <a href={`/${area}/request/?id=${task.requestId}`} className="text-brand-700 underline">
                    {task.requestReference}
                  </a>
                ) : (
                  '—'
                )}
              </td>
            )}
            <td className="px-3 py-2" data-testid={`task-status-${task.taskId}`}>
              <StatusChip status={task.status}>{t.tasks.statuses[task.status]}</StatusChip>
            </td>
            <td className="px-3 py-2">{t.requests.priorities[task.priority]}</td>
            <td className="px-3 py-2 whitespace-nowrap">{task.dueDate ?? '—'}</td>
            <td className="px-3 py-2">{task.assigneeName ?? t.tasks.unassigned}</td>
            <td className="px-3 py-2 whitespace-nowrap">
              {task.checklist.length ? (
                <>
                  <meter min={0} max={task.checklist.length} value={done} className="me-2 align-middle" aria-label={`${f.progress}: ${task.title}`} />
                  {format(t.tasks.progress, { done: String(done), total: String(task.checklist.length) })}
                </>
              ) : (
                '—'
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
