import { useEffect, useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../../../shared/api/routes.ts';
import type { MemberWorkload } from '../../../../shared/api/schemas/team.ts';
import { BULK_ACTIONS } from '../../../../shared/domain/requests/workflow.ts';
import { PRIORITIES, REQUEST_STATUSES, type Priority, type RequestStatus } from '../../../../shared/domain/requests/workflow.ts';
import { call } from '../api.ts';
import { format, textFor } from '../i18n/index.ts';
import { requestsText } from '../i18n/requests/index.ts';
import { useText } from '../i18n/text.ts';
import { ErrorNotice } from '../components/Status.tsx';
import { useSubmission } from '../components/useSubmission.ts';

type Action = (typeof BULK_ACTIONS)[number];
type Results = ResponseOf<'bulkRequests'>['results'];
const control = 'mt-1 block rounded border border-slate-300 px-2 py-1';

/** One action on the selected requests; the answer stays shown, failures with their reason. */
export default function BulkActions({ requestIds, referenceOf, onDone }: { requestIds: string[]; referenceOf: (id: string) => string; onDone: () => void }) {
  const t = useText(requestsText);
  const [action, setAction] = useState<Action>('move');
  const [team, setTeam] = useState<MemberWorkload[]>([]);
  const [results, setResults] = useState<Results | null>(null);
  const { busy, errors, failure, run } = useSubmission((field) => t.bulk.fields[field as keyof typeof t.bulk.fields] ?? field);
  useEffect(
    () =>
      void call('listTeamWorkload')
        .then((r) => setTeam(r.items))
        .catch(() => setTeam([])),
    [],
  );

  function onApply(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const value = String(new FormData(e.currentTarget).get('value') ?? '') || undefined;
    if (action === 'delete' && !confirm(format(t.bulk.confirmDelete, { count: String(requestIds.length) }))) return;
    void run(async () => {
      const body = {
        action,
        requestIds,
        ...(action === 'move' && value && { to: value as RequestStatus }),
        ...(action === 'assign' && value && { assigneeId: value }),
        ...(action === 'priority' && value && { priority: value as Priority }),
      };
      const { results: answered } = await call('bulkRequests', { body });
      // Keep the references: the rows may leave the list once it reloads.
      setResults(answered.map((r) => ({ ...r, reference: r.reference ?? referenceOf(r.requestId) })));
      onDone();
    });
  }

  const options: { value: string; label: string }[] =
    action === 'move'
      ? REQUEST_STATUSES.filter((s) => s !== 'assigned' && s !== 'draft').map((s) => ({ value: s, label: t.requests.statuses[s] }))
      : action === 'assign'
        ? team.map((m) => ({ value: m.userId, label: m.name }))
        : action === 'priority'
          ? PRIORITIES.map((p) => ({ value: p, label: t.requests.priorities[p] }))
          : [];
  const failed = results?.filter((r) => !r.ok) ?? [];
  return (
    <section aria-label={t.bulk.title} className="mb-4 rounded-lg border border-brand-200 bg-brand-50 p-4">
      <form onSubmit={onApply} className="flex flex-wrap items-end gap-3">
        <p className="me-2 self-center font-medium">{format(t.bulk.selected, { count: String(requestIds.length) })}</p>
        <label className="text-sm">
          {t.bulk.fields.action}
          <select value={action} onChange={(e) => setAction(e.currentTarget.value as Action)} className={control}>
            {BULK_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t.bulk.actions[a]}
              </option>
            ))}
          </select>
        </label>
        {action !== 'delete' && (
          <label className="text-sm">
            {t.bulk.fields[action === 'move' ? 'to' : action === 'assign' ? 'assigneeId' : 'priority']}
            <select key={action} name="value" required className={control} aria-invalid={Boolean(errors.to ?? errors.assigneeId ?? errors.priority)}>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <button
          type="submit"
          disabled={busy || requestIds.length === 0}
          className={`rounded px-4 py-1.5 font-medium disabled:opacity-60 ${action === 'delete' ? 'border border-red-300 bg-white text-red-800 hover:bg-red-50' : 'bg-brand-600 text-white hover:bg-brand-700'}`}
        >
          {busy ? t.bulk.applying : t.bulk.apply}
        </button>
      </form>
      <div aria-live="polite" className="mt-3 text-sm">
        {failure !== null && <ErrorNotice error={failure} />}
        {Object.values(errors).map((m) => (
          <p key={m} className="text-red-700">
            {m}
          </p>
        ))}
        {results && (
          <>
            <p className="font-medium">{format(t.bulk.result, { ok: String(results.length - failed.length), total: String(results.length) })}</p>
            {failed.length > 0 && (
              <ul className="mt-1 list-disc ps-5 text-red-800">
                {failed.map((r) => (
                  <li key={r.requestId}>
                    {format(t.bulk.failed, {
                      reference: r.reference ?? r.requestId,
                      message: (r.code && textFor(t.bulk.reasons, r.code)) || r.message || r.code || '',
                    })}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </section>
  );
}
