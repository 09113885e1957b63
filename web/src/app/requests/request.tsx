import { lazy, Suspense, useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../../../shared/api/routes.ts';
import { isStaff, type Area } from '../../../../shared/domain/identity/permissions.ts';
import { SYSTEM_ACTOR } from '../../../../shared/domain/audit/actor.ts';
import { PLANNABLE_STATUSES, type RequestStatus } from '../../../../shared/domain/requests/workflow.ts';
import { ApiError, call } from '../api.ts';
import { Shell } from '../components/Shell.tsx';
import { ErrorNotice, Loading } from '../components/Status.tsx';
import { useSubmission } from '../components/useSubmission.ts';
import { calendarDate, dateTime, money } from '../format.ts';
import { subscribeLive } from '../live.ts';
import { format, useLocale } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { auditText } from '../i18n/audit/index.ts';
import { requestsText } from '../i18n/requests/index.ts';
import { teamText } from '../i18n/team/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { Card, CONTROL, StatusChip } from '../components/ui.tsx';
import { Avatar } from '../components/Avatar.tsx';
import { clientHref } from '../customers/links.ts';
import { nextStepText } from './next-step.ts';
import { reasonText } from './assignment-reason.ts';
import { AttachmentList } from './Attachments.tsx';
import { Composer } from './Composer.tsx';

type Detail = ResponseOf<'getRequest'>;
/** A task still open when completing, as the API lists it for confirmation. */
interface OpenTask {
  taskId: string;
  title: string;
  assigneeName?: string;
  checklistDone: number;
  checklistTotal: number;
}
type Session = Parameters<Parameters<typeof Shell>[0]['children']>[0];

const requestId = new URLSearchParams(location.search).get('id') ?? '';
const area = (document.getElementById('app')?.dataset.area ?? 'portal') as Exclude<Area, 'account' | 'platform'>;
const button = 'rounded px-4 py-2 font-medium disabled:opacity-60';
// Only staff see tasks, and only who may change the request gets its form: nobody else downloads them.
const RequestTasks = lazy(() => import('./RequestTasks.tsx'));
const RequestEdit = lazy(() => import('./RequestEdit.tsx'));
// Only a booking's request shows its appointment.
const RequestBooking = lazy(() => import('./RequestBooking.tsx'));
/** The list this page was opened from. */
const listHref = area === 'admin' ? '/admin/requests/' : area === 'portal' ? '/portal/requests/' : `/${area}/`;

/** Who may work it: the ranking automatic assignment uses, each with why, then the rest of the staff (leads and admins). */
function AssignControl({ request, onDone }: { request: Detail; onDone: () => void }) {
  const t = useText(commonText, auditText, requestsText, teamText);
  const [candidates, setCandidates] = useState<ResponseOf<'rankRequestAssignees'> | null>(null);
  const { busy, errors, failure, run } = useSubmission(() => t.requests.assignTo);
  useEffect(
    () =>
      void call('rankRequestAssignees', { query: { serviceId: request.serviceId } })
        .then(setCandidates)
        .catch(() => setCandidates({ ranked: [], others: [] })),
    [request.serviceId],
  );

  function onAssign(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const assigneeId = String(new FormData(e.currentTarget).get('assigneeId') ?? '');
    void run(async () => {
      await call('assignRequest', { params: { requestId }, body: { assigneeId, version: request.version } });
      onDone();
    });
  }
  return (
    <form onSubmit={onAssign} className="flex flex-wrap items-end gap-3">
      {failure !== null && <ErrorNotice error={failure} />}
      {/* Never wider than the pane, however long a person's reasons. */}
      <label className="min-w-0 max-w-full text-sm font-medium">
        {t.requests.assignTo}
        <select
          key={candidates ? 'ranked' : 'loading'}
          name="assigneeId"
          required
          defaultValue={request.assigneeId ?? candidates?.ranked[0]?.userId ?? ''}
          className="mt-1 block max-w-full rounded border border-slate-300 px-3 py-2"
          aria-invalid={Boolean(errors.assigneeId)}
        >
          <option value="" disabled>
            {candidates ? '—' : t.loading}
          </option>
          {candidates && candidates.ranked.length > 0 && (
            <optgroup label={t.requests.ranked}>
              {candidates.ranked.map((c, i) => (
                <option key={c.userId} value={c.userId}>
                  {c.name} · {reasonText(c.reason, t)}
                  {i === 0 ? ` (${t.requests.best})` : ''}
                </option>
              ))}
            </optgroup>
          )}
          {candidates && candidates.others.length > 0 && (
            <optgroup label={t.requests.others}>
              {candidates.others.map((u) => (
                <option key={u.userId} value={u.userId}>
                  {u.name} · {t.roles[u.role as keyof typeof t.roles] ?? u.role}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <button type="submit" disabled={busy} className={`${button} border border-slate-300 hover:bg-slate-100`}>
        {t.requests.assign}
      </button>
    </form>
  );
}

function RequestPage({ session }: { session: Session }) {
  const t = useText(commonText, auditText, requestsText, teamText);
  const { locale } = useLocale();
  const [request, setRequest] = useState<Detail | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'missing'>('loading');
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  const [editing, setEditing] = useState(false);
  const [openTasks, setOpenTasks] = useState<{ tasks: OpenTask[]; note: string | undefined } | null>(null);
  const { busy, failure, run } = useSubmission(() => t.requests.comment);

  const load = useCallback(() => {
    setLoadFailure(null);
    call('getRequest', { params: { requestId } })
      .then((r) => {
        setRequest(r);
        setState('ready');
      })
      .catch((e: unknown) => (e instanceof ApiError && e.status === 404 ? setState('missing') : setLoadFailure(e)));
  }, []);
  useEffect(load, [load]);
  useEffect(() => subscribeLive({ onMessage: (m) => m.type === 'request.changed' && m.requestId === requestId && load(), onResync: load }), [load]);
  // A file still being checked for malware becomes available in seconds: look again until none is (for a minute at most).
  const checks = useRef(0);
  const checking =
    !!request && [request.attachments, ...request.activity.map((a) => a.attachments ?? [])].some((list) => list.some((a) => a.state === 'checking'));
  useEffect(() => {
    if (!checking || checks.current >= 20) return;
    const timer = setTimeout(() => ((checks.current += 1), load()), 3000);
    return () => clearTimeout(timer);
  }, [checking, request, load]);

  if (loadFailure !== null) return <ErrorNotice error={loadFailure} onRetry={load} />;
  if (state === 'missing')
    return (
      <p role="alert" className="rounded border border-amber-200 bg-amber-50 p-4">
        {t.requests.notFound}
      </p>
    );
  if (!request) return <Loading />;

  const staff = isStaff(session.user.role);
  const noteOf = (form: HTMLFormElement) => String(new FormData(form).get('note') ?? '').trim() || undefined;
  const moveTo = (to: RequestStatus, note: string | undefined, confirmOpenTasks = false) =>
    void run(async () => {
      try {
        await call('moveRequest', {
          params: { requestId },
          body: { to, version: request.version, ...(note && { note }), ...(confirmOpenTasks && { confirmOpenTasks }) },
        });
      } catch (e) {
        // Completing with tasks still open: list them and ask first.
        if (!(e instanceof ApiError && Array.isArray(e.extra.openTasks))) throw e;
        setOpenTasks({ tasks: e.extra.openTasks as OpenTask[], note });
        return;
      }
      setOpenTasks(null);
      load();
    });
  const approve = (form: HTMLFormElement) =>
    void run(async () => {
      const note = noteOf(form);
      await call('approveRequest', { params: { requestId }, body: { version: request.version, ...(note && { note }) } });
      load();
    });
  function onDelete() {
    if (!confirm(format(t.requests.confirmDelete, { reference: request!.reference }))) return;
    void run(async () => {
      await call('deleteRequest', { params: { requestId } });
      location.assign(listHref);
    });
  }

  const f = t.requests.fields;
  const status = (s: string) => t.requests.statuses[s as RequestStatus] ?? s;
  const budget = [request.budgetMin, request.budgetMax].map((m) => (m === undefined ? '…' : money(m, request.currency, locale))).join(' – ');
  const canAct = request.allowedMoves.length > 0 || request.mayApprove;
  return (
    <>
      <a href={listHref} className="text-sm text-brand-700 underline">
        {t.requests.back}
      </a>
      <h1 className="mt-2 text-2xl font-semibold">
        <span className="font-mono text-slate-600">{request.reference}</span> <bdi>{request.title}</bdi>
      </h1>
      <p role="status" data-testid="request-status" className="mt-2">
        <StatusChip status={request.status}>{status(request.status)}</StatusChip>
      </p>
      <p data-testid="next-step" className="mt-2 font-medium text-slate-800">
        {nextStepText(request, t)}
      </p>
      {/* Wide screens: facts and actions beside the conversation. */}
      <div className="mt-6 grid items-start gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <div>
          <dl className="grid gap-x-6 gap-y-2 rounded-lg bg-white p-6 text-sm shadow sm:grid-cols-[auto_1fr]">
            <dt className="text-slate-600">{f.service}</dt>
            <dd>{request.serviceName}</dd>
            {staff && (
              <>
                <dt className="text-slate-600">{f.client}</dt>
                <dd>
                  {area !== 'portal' && request.customerId ? (
                    <a href={clientHref(area, request.customerId)} className="text-brand-700 underline">
                      {request.clientName}
                    </a>
                  ) : (
                    request.clientName
                  )}
                </dd>
              </>
            )}
            <dt className="text-slate-600">{f.assignee}</dt>
            <dd>
              {request.assigneeName ? (
                <span className="inline-flex items-center gap-2">
                  <Avatar name={request.assigneeName} />
                  <bdi>{request.assigneeName}</bdi>
                </span>
              ) : (
                t.requests.nobody
              )}
              {request.assignmentReason && staff && reasonText(request.assignmentReason, t) && (
                <span className="block text-xs text-slate-600" data-testid="assignment-reason">
                  {t.requests.reason}: {reasonText(request.assignmentReason, t)}
                </span>
              )}
            </dd>
            <dt className="text-slate-600">{f.priority}</dt>
            <dd>{t.requests.priorities[request.priority]}</dd>
            {(request.budgetMin !== undefined || request.budgetMax !== undefined) && (
              <>
                <dt className="text-slate-600">{f.budget}</dt>
                <dd>{budget}</dd>
              </>
            )}
            {request.deadline && (
              <>
                <dt className="text-slate-600">{f.deadline}</dt>
                <dd>{calendarDate(request.deadline, locale)}</dd>
              </>
            )}
            {request.listPrice !== undefined && !request.booking && (
              <>
                <dt className="text-slate-600">{f.price}</dt>
                <dd>{money(request.listPrice, request.currency, locale)}</dd>
              </>
            )}
            {request.description && (
              <>
                <dt className="text-slate-600">{f.description}</dt>
                <dd className="whitespace-pre-wrap">{request.description}</dd>
              </>
            )}
            {request.requirements.map((r) => (
              <div key={r.key} className="contents">
                <dt className="text-slate-600">{r.label}</dt>
                <dd>{r.answer}</dd>
              </div>
            ))}
          </dl>
          {request.attachments.length > 0 && (
            <div className="mt-4 rounded-lg bg-white p-4 shadow">
              <h2 className="text-sm font-medium text-slate-600">{t.requests.attachments.title}</h2>
              <AttachmentList attachments={request.attachments} />
            </div>
          )}
          {request.booking && (
            <Suspense fallback={<Loading />}>
              <RequestBooking booking={request.booking} area={area} isClient={!staff} onChanged={load} />
            </Suspense>
          )}

          {request.mayEdit && !editing && (
            <button type="button" onClick={() => setEditing(true)} className={`${button} mt-4 border border-slate-300 hover:bg-slate-100`}>
              {t.requests.edit}
            </button>
          )}
          {editing && (
            <Suspense fallback={<Loading />}>
              <RequestEdit
                request={request}
                onCancel={() => setEditing(false)}
                onSaved={() => {
                  setEditing(false);
                  load();
                }}
              />
            </Suspense>
          )}
          {request.clientApprovedAt && (
            <p className="mt-4 rounded bg-green-50 p-3 text-green-900">{format(t.requests.approved, { date: dateTime(request.clientApprovedAt, locale) })}</p>
          )}
          <div aria-live="polite" className="mt-4">
            {failure !== null && <ErrorNotice error={failure} />}
          </div>
          {(canAct || (staff && session.permissions.includes('service_requests.assign'))) && (
            <Card aria-labelledby="next" className="mt-4">
              <h2 id="next" className="mb-3 text-lg font-semibold">
                {t.requests.next}
              </h2>
              {canAct && (
                <form onSubmit={(e) => e.preventDefault()} className="space-y-3">
                  <label className="block text-sm font-medium">
                    {t.requests.note}
                    <input name="note" maxLength={2000} className={CONTROL} />
                  </label>
                  <div className="flex flex-wrap gap-3">
                    {request.mayApprove && (
                      <button
                        type="button"
                        disabled={busy}
                        onClick={(e) => approve(e.currentTarget.form!)}
                        className={`${button} bg-brand-600 text-white hover:bg-brand-700`}
                      >
                        {t.requests.approve}
                      </button>
                    )}
                    {request.allowedMoves.map((to) => (
                      <button
                        key={to}
                        type="button"
                        disabled={busy}
                        onClick={(e) => moveTo(to, noteOf(e.currentTarget.form!))}
                        className={`${button} ${to === 'cancelled' ? 'border border-red-300 text-red-800 hover:bg-red-50' : 'bg-brand-600 text-white hover:bg-brand-700'}`}
                      >
                        {request.status === 'completed' && to === 'in_progress' ? t.requests.requestChanges : t.requests.moveTo[to]}
                      </button>
                    ))}
                  </div>
                </form>
              )}
              {openTasks && (
                <div role="alertdialog" aria-labelledby="open-tasks" className="mt-4 rounded border border-amber-300 bg-amber-50 p-4">
                  <h3 id="open-tasks" className="font-semibold">
                    {format(t.requests.openTasks.title, { count: String(openTasks.tasks.length) })}
                  </h3>
                  <ul className="mt-2 list-disc space-y-1 ps-5 text-sm">
                    {openTasks.tasks.map((task) => (
                      <li key={task.taskId}>
                        <a href={`/${area}/task/?id=${encodeURIComponent(task.taskId)}`} className="text-brand-700 underline">
                          {task.title}
                        </a>
                        {task.assigneeName && ` · ${task.assigneeName}`}
                        {task.checklistTotal > 0 &&
                          ` · ${format(t.requests.openTasks.checklist, { done: String(task.checklistDone), total: String(task.checklistTotal) })}`}
                      </li>
                    ))}
                  </ul>
                  <div className="mt-3 flex flex-wrap gap-3">
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => moveTo('completed', openTasks.note, true)}
                      className={`${button} bg-brand-600 text-white hover:bg-brand-700`}
                    >
                      {t.requests.openTasks.confirm}
                    </button>
                    <button type="button" onClick={() => setOpenTasks(null)} className={`${button} border border-slate-300 hover:bg-slate-100`}>
                      {t.requests.openTasks.keep}
                    </button>
                  </div>
                </div>
              )}
              {staff && session.permissions.includes('service_requests.assign') && PLANNABLE_STATUSES.includes(request.status) && (
                <div className="mt-4 border-t border-slate-100 pt-4">
                  <AssignControl request={request} onDone={load} />
                </div>
              )}
              {session.permissions.includes('service_requests.delete') && (
                <div className="mt-4 border-t border-slate-100 pt-4">
                  <button type="button" disabled={busy} onClick={onDelete} className={`${button} border border-red-300 text-red-800 hover:bg-red-50`}>
                    {t.requests.delete}
                  </button>
                </div>
              )}
            </Card>
          )}

          {staff && area !== 'portal' && (
            <Suspense fallback={<Loading />}>
              <RequestTasks
                requestId={requestId}
                area={area}
                mayAdd={session.permissions.includes('tasks.create') && PLANNABLE_STATUSES.includes(request.status)}
              />
            </Suspense>
          )}
        </div>

        <section aria-labelledby="timeline">
          <h2 id="timeline" className="mb-3 text-lg font-semibold">
            {t.requests.timeline}
          </h2>
          <Composer request={request} staff={staff} onSent={load} />
          {/* Newest first under the reply box; messages are cards, events are quiet lines between them. */}
          <ol className="space-y-3">
            {[...request.activity].reverse().map((a) => (
              <li
                key={a.activityId}
                className={
                  a.kind === 'comment' || a.kind === 'approved'
                    ? `rounded-lg p-4 shadow ${a.internal ? 'border border-amber-200 bg-amber-50' : 'bg-white'}`
                    : 'border-s-2 border-slate-300 px-3 py-1 text-slate-700'
                }
              >
                <p className="text-sm">
                  <span className="font-medium">{a.actorId === SYSTEM_ACTOR ? t.audit.system : <bdi>{a.actorName}</bdi>}</span>{' '}
                  {a.kind === 'comment'
                    ? ''
                    : format(t.requests.events[a.kind] ?? a.kind, {
                        from: status(a.from ?? ''),
                        to: a.kind === 'assigned' ? (a.to ?? '') : status(a.to ?? ''),
                        status: status(a.to ?? ''),
                      })}
                  <time dateTime={a.at} className="ms-2 text-xs text-slate-500">
                    {dateTime(a.at, locale)}
                  </time>
                  {a.internal && <span className="ms-2 text-xs font-medium text-amber-800">{t.requests.internal}</span>}
                </p>
                {a.text && (
                  <p className="mt-1 whitespace-pre-wrap">
                    {a.kind === 'updated'
                      ? a.text
                          .split(', ')
                          .map((field) => t.requests.fields[field as keyof typeof f] ?? field)
                          .join(', ')
                      : a.text}
                  </p>
                )}
                {a.attachments && <AttachmentList attachments={a.attachments} />}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </>
  );
}

mount(() => <Shell area={area}>{(session) => <RequestPage session={session} />}</Shell>);
