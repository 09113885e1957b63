import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../../../shared/api/routes.ts';
import type { TemplateFolder } from '../../../../shared/domain/documents/folders.ts';
import { call } from '../api.ts';
import { ErrorNotice, FormOutcome, Loading } from '../components/Status.tsx';
import { Button, Card, CONTROL } from '../components/ui.tsx';
import { useSubmission } from '../components/useSubmission.ts';
import { format } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { settingsText } from '../i18n/settings/index.ts';
import { useText } from '../i18n/text.ts';

type Settings = ResponseOf<'getDocumentSettings'>;

/** Admin → Settings → Document folders: the folders each new customer gets, one path per row ("Tax returns/{year}"), some for staff only. */
export function FolderSettings() {
  const t = useText(commonText, settingsText);
  const f = t.settings.folders;
  const id = useId();
  const [rows, setRows] = useState<TemplateFolder[] | null>(null);
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  const { busy, errors, failure, notice, setNotice, run } = useSubmission((field) => format(f.row, { number: String(Number(field.split('.')[1] ?? 0) + 1) }));

  const show = (settings: Settings) => setRows(settings.folderTemplate);
  const load = () => {
    setLoadFailure(null);
    call('getDocumentSettings').then(show).catch(setLoadFailure);
  };
  useEffect(load, []);

  const change = (i: number, row: Partial<TemplateFolder>) => setRows((all) => all!.map((r, j) => (j === i ? { ...r, ...row } : r)));
  function onSave(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    void run(async () => {
      show(await call('updateDocumentSettings', { body: { folderTemplate: rows!.filter((r) => r.path.trim()).map((r) => ({ ...r, path: r.path.trim() })) } }));
      setNotice(f.saved);
    });
  }

  return (
    <Card aria-labelledby={`${id}-title`} className="mb-8">
      <h2 id={`${id}-title`} className="mb-1 text-lg font-semibold">
        {f.title}
      </h2>
      <p className="mb-3 text-sm text-slate-600">{f.lead}</p>
      {loadFailure !== null && <ErrorNotice error={loadFailure} onRetry={load} />}
      {!rows && loadFailure === null && <Loading />}
      {rows && (
        <form onSubmit={onSave} noValidate className="space-y-3">
          <FormOutcome notice={notice} failure={failure} />
          <ul className="space-y-2">
            {rows.map((row, i) => {
              const error = errors[`folderTemplate.${i}.path`];
              return (
                <li key={i} className="flex flex-wrap items-center gap-2">
                  <input
                    aria-label={format(f.row, { number: String(i + 1) })}
                    value={row.path}
                    onChange={(e) => change(i, { path: e.currentTarget.value })}
                    aria-invalid={Boolean(error)}
                    className={`${CONTROL} mt-0 max-w-md`}
                  />
                  <label className="text-sm">
                    <input type="checkbox" className="me-1" checked={!!row.internal} onChange={(e) => change(i, { internal: e.currentTarget.checked })} />
                    {f.staffOnly}
                  </label>
                  <Button
                    size="sm"
                    variant="secondary"
                    type="button"
                    onClick={() => setRows(rows.filter((_, j) => j !== i))}
                    aria-label={format(f.removeRow, { number: String(i + 1) })}
                  >
                    {f.remove}
                  </Button>
                  {error && <p className="w-full text-sm text-red-700">{error}</p>}
                </li>
              );
            })}
          </ul>
          {errors.folderTemplate && <p className="text-sm text-red-700">{errors.folderTemplate}</p>}
          <p className="text-sm text-slate-600">{f.hint}</p>
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" type="button" onClick={() => setRows([...rows, { path: '' }])}>
              {f.add}
            </Button>
            <Button type="submit" disabled={busy}>
              {busy ? f.saving : f.save}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
