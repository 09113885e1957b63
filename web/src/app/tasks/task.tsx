import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../../../shared/api/routes.ts';
import { TASK_STATUSES, type TaskStatus } from '../../../../shared/domain/tasks/tasks.ts';
import { ApiError, call } from '../api.ts';
import { AssigneePicker } from './AssigneePicker.tsx';
import { Shell } from '../components/Shell.tsx';
import { ErrorNotice, Loading } from '../components/Status.tsx';
import { useSubmission } from '../components/useSubmission.ts';
import { dateTime } from '../format.ts';
import { subscribeLive } from '../live.ts';
import { format, useLocale } from '../i18n/index.ts';
import { requestsText } from '../i18n/requests/index.ts';
import { tasksText } from '../i18n/tasks/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { Card, CONTROL } from '../components/ui.tsx';

type Detail = ResponseOf<'getTask'>;
type Session = Parameters<Parameters<typeof Shell>[0]['children']>[0];

const taskId = new URLSearchParams(location.search).get('id') ?? '';
const area = (document.getElementById('app')?.dataset.area ?? 'staff') as 'staff' | 'admin';
const button = 'rounded px-4 py-2 font-medium disabled:opacity-60';

/** One task: its checklist and status for its assignee or a lead, handing over for leads, comments for all who see it. */
function TaskPage({ session }: { session: Session }) {
  const t = useText(requestsText, tasksText);
  const { locale } = useLocale();
  const [task, setTask] = useState<Detail | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'missing'>('loading');
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  const { busy, errors, failure, run } = useSubmission((field) => t.tasks.fields[field as keyof typeof t.tasks.fields] ?? field);
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const latest = useRef<Detail | null>(null);
  const queue = useRef(Promise.resolve());
  latest.current = task;

  const load = useCallback(() => {
    setLoadFailure(null);
    call('getTask', { params: { taskId } })
      .then((r) => {
        // A reload started before this page's own last change may answer after it: keep the newer.
        setTask((shown) => (shown && shown.version > r.version ? shown : r));
        setState('ready');
      })
      .catch((e: unknown) => (e instanceof ApiError && e.status === 404 ? setState('missing') : setLoadFailure(e)));
  }, []);
  useEffect(load, [load]);
  useEffect(() => subscribeLive({ onMessage: (m) => m.type === 'task.changed' && m.taskId === taskId && load(), onResync: load }), [load]);

  if (loadFailure !== null) return <ErrorNotice error={loadFailure} onRetry={load} />;
  if (state === 'missing')
    return (
      <p role="alert" className="rounded border border-amber-200 bg-amber-50 p-4">
        {t.tasks.notFound}
      </p>
    );
  if (!task) return <Loading />;

  /**
   * Changes go one after another, each with the version the one before left, so quick ticks and
   * a status change never trip over each other. Ticks show at once (`pending`) until saved.
   */
  const serially = (work: (current: Detail) => Promise<void>) => {
    queue.current = queue.current.then(() => run(() => work(latest.current!)));
  };
  const saved = (view: Partial<Detail>) => {
    latest.current = { ...latest.current!, ...view };
    setTask(latest.current);
  };
  const setStatus = (status: TaskStatus) =>
    serially(async (current) => saved(await call('updateTask', { params: { taskId }, body: { version: current.version, status } })));
  const tick = (itemId: string, done: boolean) => {
    setPending((p) => ({ ...p, [itemId]: done }));
    serially(async () => {
      try {
        saved(await call('checkTaskItem', { params: { taskId, itemId }, body: { done } }));
      } finally {
        setPending(({ [itemId]: _, ...rest }) => rest);
      }
    });
  };
  function onHandOver(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const assigneeId = String(new FormData(e.currentTarget).get('assigneeId') ?? '');
    if (!assigneeId) return;
    void run(async () => {
      await call('assignTask', { params: { taskId }, body: { assigneeId, version: latest.current!.version } });
      load();
    });
  }
  function onComment(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    void run(async () => {
      await call('commentOnTask', { params: { taskId }, body: { text: String(new FormData(form).get('text') ?? '') } });
      form.reset();
      load();
    });
  }
  function onDelete() {
    if (!confirm(format(t.tasks.confirmDelete, { title: task!.title }))) return;
    void run(async () => {
      await call('deleteTask', { params: { taskId } });
      location.assign(`/${area}/tasks/`);
    });
  }

  const f = t.tasks.fields;
  const checklist = task.checklist.map((c) => ({ ...c, done: pending[c.itemId] ?? c.done }));
  const done = checklist.filter((c) => c.done).length;
  return (
    <>
      <a href={`/${area}/tasks/`} className="text-sm text-brand-700 underline">
        {t.tasks.back}
      </a>
      <h1 className="mt-2 text-2xl font-semibold">{task.title}</h1>
      <p role="status" data-testid="task-status" className="mt-2 inline-block rounded bg-brand-50 px-2 py-1 text-sm font-medium text-brand-700">
        {t.tasks.statuses[task.status]}
      </p>
      <dl className="mt-6 grid gap-x-6 gap-y-2 rounded-lg bg-white p-6 text-sm shadow sm:grid-cols-[auto_1fr]">
        {task.requestId && (
          <>
            <dt className="text-slate-600">{f.request}</dt>
            <dd>
              <a href={`/${area}/request/?id=${task.requestId}`} className="text-brand-700 underline">
                <span className="font-mono">{task.requestReference}</span> {task.requestTitle}
              </a>
            </dd>
          </>
        )}
        <dt className="text-slate-600">{f.assignee}</dt>
        <dd>{task.assigneeName ?? t.tasks.unassigned}</dd>
        <dt className="text-slate-600">{f.priority}</dt>
        <dd>{t.requests.priorities[task.priority]}</dd>
        {task.dueDate && (
          <>
            <dt className="text-slate-600">{f.dueDate}</dt>
            <dd>{task.dueDate}</dd>
          </>
        )}
        {task.estimatedHours !== undefined && (
          <>
            <dt className="text-slate-600">{f.estimatedHours}</dt>
            <dd>{task.estimatedHours}</dd>
          </>
        )}
        {task.requiredSkills.length > 0 && (
          <>
            <dt className="text-slate-600">{f.skills}</dt>
            <dd>{task.requiredSkills.join(', ')}</dd>
          </>
        )}
        <dt className="text-slate-600">{f.createdBy}</dt>
        <dd>
          {task.createdByName} · {dateTime(task.createdAt, locale)}
        </dd>
        {task.description && (
          <>
            <dt className="text-slate-600">{f.description}</dt>
            <dd className="whitespace-pre-wrap">{task.description}</dd>
          </>
        )}
      </dl>

      <div aria-live="polite" className="mt-4">
        {failure !== null && <ErrorNotice error={failure} />}
      </div>

      {task.checklist.length > 0 && (
        <Card aria-labelledby="checklist" className="mt-4">
          <h2 id="checklist" className="mb-3 text-lg font-semibold">
            {f.checklist}{' '}
            <span className="text-sm font-normal text-slate-600">{format(t.tasks.progress, { done: String(done), total: String(task.checklist.length) })}</span>
          </h2>
          <ul className="space-y-2">
            {checklist.map((c) => (
              <li key={c.itemId}>
                <label className="flex items-start gap-2">
                  <input
                    type="checkbox"
                    checked={c.done}
                    disabled={!task.mayChange}
                    onChange={(e) => tick(c.itemId, e.currentTarget.checked)}
                    className="mt-1"
                  />
                  <span className={c.done ? 'text-slate-500 line-through' : ''}>{c.text}</span>
                  {c.done && c.doneBy && <span className="text-xs text-slate-500">{format(t.tasks.doneBy, { name: c.doneBy })}</span>}
                </label>
              </li>
            ))}
          </ul>
        </Card>
      )}

      {(task.mayChange || task.mayAssign) && (
        <Card aria-labelledby="next" className="mt-4 space-y-4">
          <h2 id="next" className="text-lg font-semibold">
            {t.requests.next}
          </h2>
          {task.mayChange && (
            <div role="group" aria-label={t.tasks.setStatus} className="flex flex-wrap gap-3">
              {TASK_STATUSES.filter((s) => s !== task.status).map((s) => (
                <button
                  key={s}
                  type="button"
                  disabled={busy}
                  onClick={() => setStatus(s)}
                  className={`${button} ${s === 'done' ? 'bg-brand-600 text-white hover:bg-brand-700' : 'border border-slate-300 hover:bg-slate-100'}`}
                >
                  {t.tasks.moveTo[s]}
                </button>
              ))}
            </div>
          )}
          {task.mayAssign && (
            <form onSubmit={onHandOver} className="flex flex-wrap items-end gap-3 border-t border-slate-100 pt-4">
              <div className="min-w-64">
                <AssigneePicker skills={task.requiredSkills} current={task.assigneeId} label={t.tasks.handOver} error={errors.assigneeId} />
              </div>
              <button type="submit" disabled={busy} className={`${button} border border-slate-300 hover:bg-slate-100`}>
                {t.tasks.handOverButton}
              </button>
            </form>
          )}
          {session.permissions.includes('tasks.delete') && (
            <button type="button" disabled={busy} onClick={onDelete} className={`${button} border border-red-300 text-red-800 hover:bg-red-50`}>
              {t.tasks.delete}
            </button>
          )}
        </Card>
      )}

      <section aria-labelledby="comments" className="mt-6">
        <h2 id="comments" className="mb-3 text-lg font-semibold">
          {t.tasks.comments}
        </h2>
        {task.comments.length === 0 ? (
          <p className="text-slate-600">{t.tasks.noComments}</p>
        ) : (
          <ol className="space-y-3">
            {task.comments.map((c) => (
              <li key={c.commentId} className="rounded-lg bg-white p-4 shadow">
                <p className="text-sm">
                  <span className="font-medium">{c.authorName}</span>
                  <time dateTime={c.at} className="ms-2 text-xs text-slate-500">
                    {dateTime(c.at, locale)}
                  </time>
                </p>
                <p className="mt-1 whitespace-pre-wrap">{c.text}</p>
              </li>
            ))}
          </ol>
        )}
        <form onSubmit={onComment} noValidate className="mt-4 space-y-3 rounded-lg bg-white p-4 shadow">
          <label className="block text-sm font-medium">
            {f.text}
            <textarea name="text" rows={3} required maxLength={5000} className={CONTROL} aria-invalid={Boolean(errors.text)} />
            {errors.text && <span className="text-sm text-red-700">{errors.text}</span>}
          </label>
          <button type="submit" disabled={busy} className={`${button} border border-slate-300 hover:bg-slate-100`}>
            {t.tasks.addComment}
          </button>
        </form>
      </section>
    </>
  );
}

mount(() => <Shell area={area}>{(session) => <TaskPage session={session} />}</Shell>);
