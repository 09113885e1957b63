import type { FormEvent } from 'react';
import type { ResponseOf } from '../../../../shared/api/routes.ts';
import { PRIORITIES, type Priority } from '../../../../shared/domain/requests/workflow.ts';
import { call } from '../api.ts';
import { fromMinor, toMinor } from '../format.ts';
import { catalogText } from '../i18n/catalog/index.ts';
import { requestsText } from '../i18n/requests/index.ts';
import { useText } from '../i18n/text.ts';
import { Field } from '../components/Field.tsx';
import { ErrorNotice } from '../components/Status.tsx';
import { useSubmission } from '../components/useSubmission.ts';
import { Button, Card } from '../components/ui.tsx';

type Detail = ResponseOf<'getRequest'>;
const input = 'mt-1 block w-full rounded border border-slate-300 px-3 py-2';

/** Change what was asked: only what changed is sent; an emptied budget end or deadline is taken away. */
export default function RequestEdit({ request, onSaved, onCancel }: { request: Detail; onSaved: () => void; onCancel: () => void }) {
  const t = useText(catalogText, requestsText);
  const f = t.requests.fields;
  const { busy, errors, failure, run } = useSubmission((field) =>
    field.startsWith('requirements.')
      ? (request.requirements.find((r) => `requirements.${r.key}` === field)?.label ?? field)
      : (f[field as keyof typeof f] ?? field),
  );

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const text = (k: string) => String(data.get(k) ?? '').trim();
    const amount = (k: 'budgetMin' | 'budgetMax') => (text(k) ? toMinor(text(k), request.currency) : request[k] === undefined ? undefined : null);
    const answers = Object.fromEntries(request.requirements.map((r) => [r.key, text(`q:${r.key}`)]));
    const changed = <T,>(value: T, before: unknown) => (value === before ? undefined : value);
    const body = {
      version: request.version,
      title: changed(text('title'), request.title),
      description: changed(text('description'), request.description),
      priority: changed(text('priority') as Priority, request.priority),
      budgetMin: changed(amount('budgetMin'), request.budgetMin),
      budgetMax: changed(amount('budgetMax'), request.budgetMax),
      deadline: changed(text('deadline') || (request.deadline ? null : undefined), request.deadline),
      ...(request.requirements.some((r) => answers[r.key] !== r.answer) && { requirements: answers }),
    };
    void run(async () => {
      await call('updateRequest', { params: { requestId: request.requestId }, body });
      onSaved();
    });
  }

  return (
    <Card as="form" onSubmit={onSubmit} noValidate aria-labelledby="edit-request" className="mt-4 grid gap-4 sm:grid-cols-2">
      <h2 id="edit-request" className="text-lg font-semibold sm:col-span-2">
        {t.requests.edit}
      </h2>
      <div aria-live="polite" className="sm:col-span-2">
        {failure !== null && <ErrorNotice error={failure} />}
      </div>
      <div className="sm:col-span-2">
        <Field label={f.title} name="title" required minLength={5} maxLength={300} defaultValue={request.title} error={errors.title} />
      </div>
      <label className="block text-sm font-medium sm:col-span-2">
        {f.description}
        <textarea name="description" rows={3} maxLength={10_000} defaultValue={request.description} className={input} />
      </label>
      {request.requirements.map((r) => (
        <Field key={r.key} label={r.label} name={`q:${r.key}`} maxLength={2000} defaultValue={r.answer} error={errors[`requirements.${r.key}`]} />
      ))}
      <label className="block text-sm font-medium">
        {f.priority}
        <select name="priority" defaultValue={request.priority} className={input}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t.requests.priorities[p]}
            </option>
          ))}
        </select>
      </label>
      <Field label={f.deadline} name="deadline" type="date" defaultValue={request.deadline} error={errors.deadline} />
      <Field
        label={`${f.budgetMin} (${request.currency})`}
        name="budgetMin"
        inputMode="decimal"
        defaultValue={request.budgetMin === undefined ? '' : fromMinor(request.budgetMin, request.currency)}
        error={errors.budgetMin}
      />
      <Field
        label={`${f.budgetMax} (${request.currency})`}
        name="budgetMax"
        inputMode="decimal"
        defaultValue={request.budgetMax === undefined ? '' : fromMinor(request.budgetMax, request.currency)}
        error={errors.budgetMax}
      />
      <div className="flex gap-3 sm:col-span-2">
        <Button type="submit" disabled={busy}>
          {busy ? t.requests.sending : t.requests.saveChanges}
        </Button>
        <Button variant="secondary" type="button" onClick={onCancel}>
          {t.services.cancel}
        </Button>
      </div>
    </Card>
  );
}
