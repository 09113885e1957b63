import { useEffect, useId, useState, type FormEvent } from 'react';
import { RETENTION_YEARS } from '../../../../shared/domain/documents/retention.ts';
import { call } from '../api.ts';
import { ErrorNotice, FormOutcome, Loading } from '../components/Status.tsx';
import { Button, Card, CONTROL } from '../components/ui.tsx';
import { useSubmission } from '../components/useSubmission.ts';
import { format } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { settingsText } from '../i18n/settings/index.ts';
import { useText } from '../i18n/text.ts';

/** Admin → Settings → Removed documents: how many years a removed document's files are kept (ADR 0029). */
export function RetentionSettings() {
  const t = useText(commonText, settingsText);
  const r = t.settings.retention;
  const id = useId();
  const [years, setYears] = useState<number | null>(null);
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  const { busy, errors, failure, notice, setNotice, run } = useSubmission(() => r.years);

  const load = () => {
    setLoadFailure(null);
    call('getDocumentSettings')
      .then((s) => setYears(s.retentionYears))
      .catch(setLoadFailure);
  };
  useEffect(load, []);

  function onSave(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const retentionYears = Number(new FormData(e.currentTarget).get('years'));
    void run(async () => {
      setYears((await call('updateDocumentSettings', { body: { retentionYears } })).retentionYears);
      setNotice(r.saved);
    });
  }

  return (
    <Card aria-labelledby={`${id}-title`} className="mb-8">
      <h2 id={`${id}-title`} className="mb-1 text-lg font-semibold">
        {r.title}
      </h2>
      <p className="mb-3 text-sm text-slate-600">{r.lead}</p>
      {loadFailure !== null && <ErrorNotice error={loadFailure} onRetry={load} />}
      {years === null && loadFailure === null && <Loading />}
      {years !== null && (
        <form onSubmit={onSave} noValidate className="flex flex-wrap items-end gap-3">
          <label className="text-sm font-medium">
            {r.years}
            <input
              name="years"
              type="number"
              required
              min={RETENTION_YEARS.min}
              max={RETENTION_YEARS.max}
              step={1}
              defaultValue={years}
              aria-invalid={Boolean(errors.retentionYears)}
              aria-describedby={`${id}-hint`}
              className={`${CONTROL} w-28`}
            />
          </label>
          <Button type="submit" disabled={busy}>
            {busy ? r.saving : r.save}
          </Button>
          <p id={`${id}-hint`} className="w-full text-sm text-slate-600">
            {format(r.hint, { min: String(RETENTION_YEARS.min), max: String(RETENTION_YEARS.max), default: String(RETENTION_YEARS.default) })}
          </p>
          {errors.retentionYears && <p className="w-full text-sm text-red-700">{errors.retentionYears}</p>}
          <div className="w-full">
            <FormOutcome notice={notice} failure={failure} />
          </div>
        </form>
      )}
    </Card>
  );
}
