import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { TaskTemplateView } from '../../../../shared/api/schemas/catalog.ts';
import { call } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { Shell } from '../components/Shell.tsx';
import { ErrorNotice } from '../components/Status.tsx';
import { usePagedList } from '../components/usePagedList.tsx';
import { useSubmission } from '../components/useSubmission.ts';
import { format } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { tasksText } from '../i18n/tasks/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { DataTable } from '../components/TableScroll.tsx';
import { Button, Card } from '../components/ui.tsx';

type Editing = TaskTemplateView | 'new' | null;
const ROLES = ['TEAM_MEMBER', 'TEAM_LEAD'] as const;
const input = 'mt-1 block w-full rounded border border-slate-300 px-3 py-2';

function TemplateForm({
  editing,
  categories,
  onSaved,
  onCancel,
}: {
  editing: TaskTemplateView | 'new';
  categories: string[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const t = useText(commonText, tasksText);
  const existing = editing === 'new' ? null : editing;
  const f = t.templates.fields;
  const { busy, errors, failure, run } = useSubmission((field) => f[field.split('.')[0] as keyof typeof f] ?? field);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    const fields = {
      name: text('name'),
      category: text('category'),
      description: text('description'),
      defaultAssigneeRole: text('defaultAssigneeRole') as (typeof ROLES)[number],
      estimatedHours: Number(text('estimatedHours')),
      requiredSkills: text('requiredSkills')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      checklist: text('checklist')
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
    };
    void run(async () => {
      if (existing) await call('updateTaskTemplate', { params: { templateId: existing.templateId }, body: { ...fields, version: existing.version } });
      else await call('createTaskTemplate', { body: fields });
      onSaved();
    });
  }

  return (
    <Card as="form" onSubmit={onSubmit} noValidate aria-labelledby="template-form" className="mb-8 grid gap-4 sm:grid-cols-2">
      <h2 id="template-form" className="text-lg font-semibold sm:col-span-2">
        {existing ? format(t.templates.editTitle, { name: existing.name }) : t.templates.newTitle}
      </h2>
      <div aria-live="polite" className="sm:col-span-2">
        {failure !== null && <ErrorNotice error={failure} />}
      </div>
      <Field label={f.name} name="name" required maxLength={120} defaultValue={existing?.name} error={errors.name} />
      <Field label={f.category} name="category" required maxLength={60} list="template-categories" defaultValue={existing?.category} error={errors.category} />
      <datalist id="template-categories">
        {categories.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <label className="block text-sm font-medium">
        {f.defaultAssigneeRole}
        <select name="defaultAssigneeRole" defaultValue={existing?.defaultAssigneeRole ?? 'TEAM_MEMBER'} className={input}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t.roles[r]}
            </option>
          ))}
        </select>
      </label>
      <Field
        label={f.estimatedHours}
        name="estimatedHours"
        type="number"
        min={0.25}
        step={0.25}
        required
        defaultValue={existing ? String(existing.estimatedHours) : ''}
        error={errors.estimatedHours}
      />
      <Field label={f.requiredSkills} name="requiredSkills" defaultValue={existing?.requiredSkills.join(', ')} error={errors.requiredSkills} />
      <label className="block text-sm font-medium sm:col-span-2">
        {f.description}
        <textarea name="description" rows={2} maxLength={4000} defaultValue={existing?.description} className={input} />
      </label>
      <label className="block text-sm font-medium sm:col-span-2">
        {f.checklist}
        <span className="block text-xs font-normal text-slate-600">{t.templates.checklistHint}</span>
        <textarea name="checklist" rows={5} defaultValue={existing?.checklist.join('\n')} aria-invalid={Boolean(errors.checklist)} className={input} />
        {errors.checklist && <span className="text-sm text-red-700">{errors.checklist}</span>}
      </label>
      <div className="flex gap-3 sm:col-span-2">
        <Button type="submit" disabled={busy}>
          {busy ? t.templates.saving : t.templates.save}
        </Button>
        <Button variant="secondary" type="button" onClick={onCancel}>
          {t.templates.cancel}
        </Button>
      </div>
    </Card>
  );
}

/** The firm's task templates by category: add, change, delete. */
function TemplatesPage() {
  const t = useText(commonText, tasksText);
  const [editing, setEditing] = useState<Editing>(null);
  const [category, setCategory] = useState('');
  const [categories, setCategories] = useState<string[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const fetchPage = useCallback(
    (cursor: string | undefined) => call('listTaskTemplates', { query: { limit: 50, cursor, ...(category && { category }) } }),
    [category],
  );
  const { items, reload, show } = usePagedList<TaskTemplateView>(fetchPage);
  const loadCategories = useCallback(
    () =>
      void call('listTaskTemplateCategories')
        .then((r) => setCategories(r.categories))
        .catch(() => setCategories([])),
    [],
  );
  useEffect(loadCategories, [loadCategories]);
  const changed = () => {
    setEditing(null);
    reload();
    loadCategories();
  };
  async function remove(template: TaskTemplateView) {
    if (!confirm(format(t.templates.confirmDelete, { name: template.name }))) return;
    setFailure(null);
    await call('deleteTaskTemplate', { params: { templateId: template.templateId } }).then(changed, setFailure);
  }

  const f = t.templates.fields;
  return (
    <>
      <div className="mb-2 flex flex-wrap items-center gap-4">
        <h1 className="me-auto text-2xl font-semibold">{t.templates.title}</h1>
        {editing === null && (
          <Button type="button" onClick={() => setEditing('new')}>
            {t.templates.add}
          </Button>
        )}
      </div>
      <p className="mb-6 text-slate-600">{t.templates.lead}</p>
      {editing !== null && (
        <TemplateForm
          key={editing === 'new' ? 'new' : editing.templateId}
          editing={editing}
          categories={categories}
          onCancel={() => setEditing(null)}
          onSaved={changed}
        />
      )}
      <label className="mb-4 block text-sm">
        {f.category}
        <select value={category} onChange={(e) => setCategory(e.currentTarget.value)} className="mt-1 block rounded border border-slate-300 px-2 py-1">
          <option value="">{t.templates.allCategories}</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <div aria-live="polite">{failure !== null && <ErrorNotice error={failure} />}</div>
      {show(t.templates.empty, () => (
        <DataTable label={t.templates.title} headers={[f.name, f.category, f.defaultAssigneeRole, f.estimatedHours, f.requiredSkills, f.checklist, '']}>
          {items.map((x) => (
            <tr key={x.templateId} className="border-t border-slate-100 align-top">
              <td className="px-3 py-2 font-medium">{x.name}</td>
              <td className="px-3 py-2">{x.category}</td>
              <td className="px-3 py-2">{t.roles[x.defaultAssigneeRole]}</td>
              <td className="px-3 py-2">{x.estimatedHours}</td>
              <td className="px-3 py-2">{x.requiredSkills.join(', ') || '—'}</td>
              <td className="px-3 py-2">{format(t.templates.steps, { count: String(x.checklist.length) })}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                <button type="button" onClick={() => setEditing(x)} className="me-3 text-brand-700 underline" aria-label={`${t.templates.edit}: ${x.name}`}>
                  {t.templates.edit}
                </button>
                <button type="button" onClick={() => void remove(x)} className="text-red-800 underline" aria-label={`${t.templates.delete}: ${x.name}`}>
                  {t.templates.delete}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      ))}
    </>
  );
}

mount(() => <Shell area="admin">{() => <TemplatesPage />}</Shell>);
