/** Admin → Settings: how the firm works. Requests: whether new ones are reviewed before work starts, and above which value; its brand; its languages; its clients' default folders; all of its data as one download. */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../../../shared/api/routes.ts';
import { call } from '../api.ts';
import { Shell } from '../components/Shell.tsx';
import { ErrorNotice, FormOutcome, Loading } from '../components/Status.tsx';
import { Button, Card, CONTROL, PageHeader } from '../components/ui.tsx';
import { useSubmission } from '../components/useSubmission.ts';
import { fromMinor, toMinor } from '../format.ts';
import { format } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { settingsText } from '../i18n/settings/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { BrandSettings } from './BrandSettings.tsx';
import { FirmDataExport } from './FirmDataExport.tsx';
import { ConversationSettings } from './ConversationSettings.tsx';
import { FolderSettings } from './FolderSettings.tsx';
import { LanguageSettings } from './LanguageSettings.tsx';
import { RetentionSettings } from './RetentionSettings.tsx';

type RequestSettings = ResponseOf<'getRequestSettings'>;

function RequestRules() {
  const t = useText(commonText, settingsText);
  const s = t.settings.requests;
  const id = useId();
  const [settings, setSettings] = useState<RequestSettings | null>(null);
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  const { busy, errors, setErrors, failure, notice, setNotice, run } = useSubmission(() => format(s.reviewAbove, { currency: settings?.currency ?? '' }));

  const load = () => {
    setLoadFailure(null);
    call('getRequestSettings').then(setSettings).catch(setLoadFailure);
  };
  useEffect(load, []);

  function onSave(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!settings) return;
    const data = new FormData(e.currentTarget);
    const typed = String(data.get('reviewAbove') ?? '').trim();
    const reviewAbove = typed === '' ? null : toMinor(typed, settings.currency);
    if (Number.isNaN(reviewAbove)) {
      setErrors({ reviewAbove: s.invalidAmount });
      return;
    }
    void run(async () => {
      setSettings(await call('updateRequestSettings', { body: { reviewRequests: data.has('reviewRequests'), reviewAbove } }));
      setNotice(s.saved);
    });
  }

  return (
    <Card aria-labelledby={`${id}-title`} className="mb-8">
      <h2 id={`${id}-title`} className="mb-3 text-lg font-semibold">
        {s.title}
      </h2>
      {loadFailure !== null && <ErrorNotice error={loadFailure} onRetry={load} />}
      {!settings && loadFailure === null && <Loading />}
      {settings && (
        <form onSubmit={onSave} noValidate className="space-y-4">
          <FormOutcome notice={notice} failure={failure} />
          <label className="flex items-start gap-2">
            <input type="checkbox" name="reviewRequests" defaultChecked={settings.reviewRequests} className="mt-1" aria-describedby={`${id}-review-hint`} />
            <span>
              {s.review}
              <span id={`${id}-review-hint`} className="block text-sm text-slate-600">
                {s.reviewHint}
              </span>
            </span>
          </label>
          <div>
            <label htmlFor={`${id}-above`} className="block text-sm font-medium">
              {format(s.reviewAbove, { currency: settings.currency })}
            </label>
            <input
              id={`${id}-above`}
              name="reviewAbove"
              inputMode="decimal"
              defaultValue={settings.reviewAbove === undefined ? '' : fromMinor(settings.reviewAbove, settings.currency)}
              aria-invalid={Boolean(errors.reviewAbove)}
              aria-describedby={`${id}-above-hint${errors.reviewAbove ? ` ${id}-above-error` : ''}`}
              className={`${CONTROL} max-w-xs`}
            />
            {errors.reviewAbove && (
              <p id={`${id}-above-error`} className="mt-1 text-sm text-red-700">
                {errors.reviewAbove}
              </p>
            )}
            <p id={`${id}-above-hint`} className="mt-1 text-sm text-slate-600">
              {s.reviewAboveHint}
            </p>
          </div>
          <Button type="submit" disabled={busy}>
            {busy ? s.saving : s.save}
          </Button>
        </form>
      )}
    </Card>
  );
}

function SettingsPage({ mayExport }: { mayExport: boolean }) {
  const t = useText(commonText, settingsText);
  return (
    <>
      <PageHeader title={t.settings.title} lead={t.settings.lead} />
      <RequestRules />
      <BrandSettings />
      <LanguageSettings />
      <FolderSettings />
      <RetentionSettings />
      <ConversationSettings />
      {mayExport && <FirmDataExport />}
    </>
  );
}

mount(() => <Shell area="admin">{(session) => <SettingsPage mayExport={session.permissions.includes('firm.export')} />}</Shell>);
