import { useCallback, useState, type FormEvent } from 'react';
import type { SavedViewView } from '../../../../shared/api/schemas/views.ts';
import { MAX_SAVED_VIEWS, MAX_VIEW_NAME, sameName, type SavedViewList } from '../../../../shared/domain/views/saved-views.ts';
import { call } from '../api.ts';
import { format, textFor } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { viewsText } from '../i18n/views/index.ts';
import { useText } from '../i18n/text.ts';
import { ErrorNotice } from '../components/Status.tsx';
import { Field } from '../components/Field.tsx';
import { useLoad } from '../components/useLoad.tsx';
import { useSubmission } from '../components/useSubmission.ts';
import { Button } from '../components/ui.tsx';

export type ViewFilters = SavedViewView['filters'];

/** Filters compare by what they narrow: `{ q: undefined }` is `{}`. */
const key = (filters: ViewFilters) =>
  JSON.stringify(
    Object.entries(filters)
      .filter(([, value]) => value !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );

/**
 * The caller's saved views of a list: one click applies one, the current filters can be saved
 * under a new name, and a view can be deleted. Views are the person's own (functions/views).
 */
export function SavedViews({ list, current, onApply }: { list: SavedViewList; current: ViewFilters; onApply: (filters: ViewFilters) => void }) {
  const t = useText(commonText, viewsText);
  const fetchViews = useCallback(() => call('listSavedViews', { query: { list, limit: MAX_SAVED_VIEWS } }).then((page) => page.items), [list]);
  const views = useLoad(fetchViews);
  const { busy, errors, setErrors, failure, notice, setNotice, run } = useSubmission((field) => textFor(t.savedViews, field) ?? field);
  const [name, setName] = useState('');
  const [deleteFailure, setDeleteFailure] = useState<unknown>(null);
  const saved = views.data ?? [];
  const full = saved.length >= MAX_SAVED_VIEWS;

  function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!views.data) return;
    const wanted = name.trim();
    if (!wanted) return setErrors({ name: t.savedViews.nameRequired });
    if (saved.some((view) => sameName(view.name, wanted))) return setErrors({ name: format(t.savedViews.nameTaken, { name: wanted }) });
    void run(async () => {
      const view = await call('createSavedView', { body: { list, name: wanted, filters: current } });
      views.setData([...saved, view]);
      setName('');
      setNotice(format(t.savedViews.saved, { name: view.name }));
    });
  }

  async function remove(view: SavedViewView) {
    setDeleteFailure(null);
    try {
      await call('deleteSavedView', { params: { viewId: view.viewId } });
      views.setData(saved.filter((v) => v.viewId !== view.viewId));
      setNotice(format(t.savedViews.deleted, { name: view.name }));
    } catch (error) {
      setDeleteFailure(error);
    }
  }

  return (
    <section aria-labelledby="saved-views-title" className="mb-4 rounded-lg bg-white p-4 shadow">
      <h2 id="saved-views-title" className="text-sm font-semibold text-slate-700">
        {t.savedViews.title}
      </h2>
      {views.show(
        (items) =>
          items.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">{t.savedViews.empty}</p>
          ) : (
            <ul className="mt-2 flex flex-wrap gap-2">
              {items.map((view) => (
                <li key={view.viewId} className="flex items-center rounded-full border border-slate-300">
                  <button
                    type="button"
                    aria-pressed={key(view.filters) === key(current)}
                    onClick={() => onApply(view.filters)}
                    className="rounded-s-full px-3 py-1 text-sm hover:bg-slate-100 aria-pressed:bg-brand-700 aria-pressed:text-white"
                  >
                    {view.name}
                  </button>
                  <button
                    type="button"
                    aria-label={format(t.savedViews.delete, { name: view.name })}
                    onClick={() => void remove(view)}
                    className="rounded-e-full px-2 py-1 text-sm text-slate-500 hover:bg-red-50 hover:text-red-700"
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          ),
        { inline: true },
      )}
      {deleteFailure !== null && <ErrorNotice error={deleteFailure} />}
      {/* There from the first paint (saving waits for the views), so the list below never moves. */}
      <form onSubmit={save} noValidate className="mt-3 flex flex-wrap items-end gap-2">
        <div className="w-64">
          <Field
            label={t.savedViews.name}
            name="name"
            value={name}
            maxLength={MAX_VIEW_NAME}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
        </div>
        <Button type="submit" variant="secondary" disabled={busy || full || !views.data}>
          {busy ? t.savedViews.saving : t.savedViews.save}
        </Button>
      </form>
      {full && <p className="mt-2 text-sm text-slate-600">{format(t.savedViews.full, { max: String(MAX_SAVED_VIEWS) })}</p>}
      {failure !== null && <ErrorNotice error={failure} />}
      <p role="status" className="mt-2 text-sm text-green-700">
        {notice}
      </p>
    </section>
  );
}
