import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../../../shared/api/routes.ts';
import { accentProblem, contrast, DARK_SURFACE, DEFAULT_ACCENT, isHexColour, MIN_ON_DARK, MIN_ON_WHITE } from '../../../../shared/domain/brand/contrast.ts';
import { call } from '../api.ts';
import { applyAccent } from '../brand.ts';
import { ErrorNotice, FormOutcome, Loading } from '../components/Status.tsx';
import { Button, Card, CONTROL } from '../components/ui.tsx';
import { useSubmission } from '../components/useSubmission.ts';
import { format } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { settingsText } from '../i18n/settings/index.ts';
import { useText } from '../i18n/text.ts';

type Brand = ResponseOf<'getFirmBrand'>;

/** Admin → Settings → Brand: the accent colour (its contrast shown as it is picked, refused when it fails) and the email footer. */
export function BrandSettings() {
  const t = useText(commonText, settingsText);
  const b = t.settings.brand;
  const id = useId();
  const [brand, setBrand] = useState<Brand | null>(null);
  const [accent, setAccent] = useState(DEFAULT_ACCENT);
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  const { busy, errors, setErrors, failure, notice, setNotice, run } = useSubmission((field) => (field === 'accent' ? b.accent : b.footer));

  const load = () => {
    setLoadFailure(null);
    call('getFirmBrand')
      .then((found) => {
        setBrand(found);
        setAccent(found.accent ?? DEFAULT_ACCENT);
      })
      .catch(setLoadFailure);
  };
  useEffect(load, []);

  const valid = isHexColour(accent);
  const ratio = (against: string) => (valid ? Math.floor(contrast(accent, against) * 100) / 100 : undefined);
  function save(body: { accent?: string | null; emailFooter?: string | null }) {
    void run(async () => {
      const saved = await call('updateFirmBrand', { body });
      setBrand(saved);
      setAccent(saved.accent ?? DEFAULT_ACCENT);
      applyAccent(saved.accent);
      setNotice(b.saved);
    });
  }
  function onSave(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const problem = accentProblem(accent.toLowerCase());
    if (problem) {
      setErrors({ accent: problem });
      return;
    }
    const emailFooter = String(new FormData(e.currentTarget).get('emailFooter') ?? '').trim();
    save({ accent: accent.toLowerCase() === DEFAULT_ACCENT ? null : accent.toLowerCase(), emailFooter: emailFooter || null });
  }

  return (
    <Card aria-labelledby={`${id}-title`} className="mb-8">
      <h2 id={`${id}-title`} className="mb-1 text-lg font-semibold">
        {b.title}
      </h2>
      <p className="mb-4 text-sm text-slate-600">{b.lead}</p>
      {loadFailure !== null && <ErrorNotice error={loadFailure} onRetry={load} />}
      {!brand && loadFailure === null && <Loading />}
      {brand && (
        <form onSubmit={onSave} noValidate className="space-y-4">
          <FormOutcome notice={notice} failure={failure} />
          <div>
            <label htmlFor={`${id}-accent`} className="block text-sm font-medium">
              {b.accent}
            </label>
            <div className="mt-1 flex flex-wrap items-center gap-3">
              <input
                type="color"
                value={valid ? accent : DEFAULT_ACCENT}
                onChange={(e) => (setAccent(e.target.value), setErrors({}))}
                aria-label={b.picker}
                className="h-10 w-14 rounded border border-slate-300"
              />
              <input
                id={`${id}-accent`}
                name="accent"
                value={accent}
                onChange={(e) => (setAccent(e.target.value.trim()), setErrors({}))}
                maxLength={7}
                spellCheck={false}
                aria-invalid={Boolean(errors.accent)}
                aria-describedby={`${id}-ratios${errors.accent ? ` ${id}-accent-error` : ''}`}
                className={`${CONTROL} mt-0 w-32 font-mono`}
              />
              {valid && (
                <span aria-hidden="true" className="rounded px-3 py-1.5 text-sm font-medium text-white" style={{ backgroundColor: accent }}>
                  {b.sample}
                </span>
              )}
            </div>
            {errors.accent && (
              <p id={`${id}-accent-error`} className="mt-1 text-sm text-red-700">
                {errors.accent}
              </p>
            )}
            <p id={`${id}-ratios`} className="mt-1 text-sm text-slate-600">
              {valid
                ? format(b.ratios, {
                    white: String(ratio('#ffffff')),
                    dark: String(ratio(DARK_SURFACE)),
                    minWhite: String(MIN_ON_WHITE),
                    minDark: String(MIN_ON_DARK),
                  })
                : b.format}
            </p>
          </div>
          <div>
            <label htmlFor={`${id}-footer`} className="block text-sm font-medium">
              {b.footer}
            </label>
            <textarea
              id={`${id}-footer`}
              name="emailFooter"
              rows={3}
              maxLength={500}
              defaultValue={brand.emailFooter ?? ''}
              aria-invalid={Boolean(errors.emailFooter)}
              aria-describedby={`${id}-footer-hint`}
              className={CONTROL}
            />
            <p id={`${id}-footer-hint`} className="mt-1 text-sm text-slate-600">
              {b.footerHint}
            </p>
          </div>
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={busy}>
              {busy ? t.settings.requests.saving : b.save}
            </Button>
            {brand.accent && (
              <Button type="button" variant="secondary" disabled={busy} onClick={() => save({ accent: null })}>
                {b.reset}
              </Button>
            )}
          </div>
        </form>
      )}
    </Card>
  );
}
