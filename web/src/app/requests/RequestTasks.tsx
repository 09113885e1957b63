import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { TaskTemplateView } from '../../../../shared/api/schemas/catalog.ts';
import type { TaskView } from '../../../../shared/api/schemas/tasks.ts';
import { PRIORITIES } from '../../../../shared/domain/requests/workflow.ts';
import { call } from '../api.ts';
import { subscribeLive } from '../live.ts';
import { requestsText } from '../i18n/requests/index.ts';
import { tasksText } from '../i18n/tasks/index.ts';
import { useText } from '../i18n/text.ts';
import { AssigneePicker } from '../tasks/AssigneePicker.tsx';
import { Field } from '../components/Field.tsx';
import { ErrorNotice, Loading } from '../components/Status.tsx';
import { TaskTable } from '../tasks/TaskTable.tsx';
import { usePagedList } from '../components/usePagedList.tsx';
import { useSubmission } from '../components/useSubmission.ts';
import { Button, CONTROL } from '../components/ui.tsx';

/** From a template (its skills decide who is offered, the best one chosen) or by hand. */
function AddTask({ requestId, onAdded }: { requestId: string; onAdded: () => void }) {
  const t = useText(requestsText, tasksText);
  const [templates, setTemplates] = useState<TaskTemplateView[] | null>(null);
  const [templateId, setTemplateId] = useState('');
  const { busy, errors, failure, run } = useSubmission((field) => t.tasks.fields[field as keyof typeof t.tasks.fields] ?? field);
  useEffect(
    () =>
      void call('listTaskTemplates', { query: { limit: 100 } })
        .then((p) => setTemplates(p.items))
        .catch(() => setTemplates([])),
    [],
  );
  const template = templates?.find((x) => x.templateId === templateId);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const value = (k: string) => String(data.get(k) ?? '').trim() || undefined;
    const [title, assigneeId, dueDate] = [value('title'), value('assigneeId'), value('dueDate')];
    void run(async () => {
      await call('createTask', {
        body: {
          requestId,
          priority: (value('priority') ?? 'medium') as (typeof PRIORITIES)[number],
          ...(templateId && { templateId }),
          ...(title && { title }),
          ...(assigneeId && { assigneeId }),
          ...(dueDate && { dueDate }),
        },
      });
      form.reset();
      setTemplateId('');
      onAdded();
    });
  }

  if (!templates) return <Loading />;
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="add-task" className="mt-4 grid gap-4 rounded-lg bg-white p-4 shadow sm:grid-cols-2">
      <h3 id="add-task" className="font-semibold sm:col-span-2">
        {t.tasks.addTitle}
      </h3>
      <div aria-live="polite" className="sm:col-span-2">
        {failure !== null && <ErrorNotice error={failure} />}
      </div>
      <label className="block text-sm font-medium">
        {t.tasks.fields.template}
        <select
          name="templateId"
          value={templateId}
          onChange={(e) => setTemplateId(e.currentTarget.value)}
          className={CONTROL}
          aria-invalid={Boolean(errors.templateId)}
        >
          <option value="">{t.tasks.noTemplate}</option>
          {templates.map((x) => (
            <option key={x.templateId} value={x.templateId}>
              {x.category} · {x.name}
            </option>
          ))}
        </select>
        {errors.templateId && <span className="text-sm text-red-700">{errors.templateId}</span>}
      </label>
      <Field
        key={templateId}
        label={t.tasks.fields.title}
        name="title"
        maxLength={300}
        placeholder={template?.name}
        required={!template}
        error={errors.title}
      />
      <AssigneePicker skills={template?.requiredSkills ?? []} label={t.tasks.fields.assignee} error={errors.assigneeId} />
      <Field label={t.tasks.fields.dueDate} name="dueDate" type="date" error={errors.dueDate} />
      <label className="block text-sm font-medium">
        {t.tasks.fields.priority}
        <select name="priority" defaultValue="medium" className={CONTROL}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t.requests.priorities[p]}
            </option>
          ))}
        </select>
      </label>
      <div className="flex items-end">
        <Button type="submit" disabled={busy}>
          {busy ? t.tasks.adding : t.tasks.add}
        </Button>
      </div>
    </form>
  );
}

/** A request's tasks for staff, kept live; leads and admins can add more. */
export default function RequestTasks({ requestId, area, mayAdd }: { requestId: string; area: 'staff' | 'admin'; mayAdd: boolean }) {
  const t = useText(requestsText, tasksText);
  const fetchPage = useCallback((cursor: string | undefined) => call('listTasks', { query: { requestId, limit: 50, cursor } }), [requestId]);
  const { items, reload, show } = usePagedList<TaskView>(fetchPage);
  useEffect(
    () => subscribeLive({ onMessage: (m) => m.type === 'task.changed' && m.requestId === requestId && reload(), onResync: reload }),
    [reload, requestId],
  );
  return (
    <section aria-labelledby="tasks" className="mt-6">
      <h2 id="tasks" className="mb-3 text-lg font-semibold">
        {t.tasks.ofRequest}
      </h2>
      {show(t.tasks.emptyRequest, () => (
        <TaskTable tasks={items} area={area} withRequest={false} />
      ))}
      {mayAdd && <AddTask requestId={requestId} onAdded={reload} />}
    </section>
  );
}
