import { useId, type FormEvent } from 'react';
import { call } from '../api.ts';
import { FirmLanguagesFields, firmLanguagesIn } from '../components/FirmLanguagesFields.tsx';
import { FormOutcome } from '../components/Status.tsx';
import { useLoad } from '../components/useLoad.tsx';
import { Button, Card } from '../components/ui.tsx';
import { useSubmission } from '../components/useSubmission.ts';
import { useLocale } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { settingsText } from '../i18n/settings/index.ts';
import { useText } from '../i18n/text.ts';

const fetchLanguages = () => call('getFirmLanguages');

/** Admin → Settings → Languages: the ones the firm offers its people and visitors, and its default (ADR 0040). */
export function LanguageSettings() {
  const t = useText(commonText, settingsText);
  const l = t.settings.languages;
  const id = useId();
  const { offer } = useLocale();
  const current = useLoad(fetchLanguages);
  const { busy, errors, failure, notice, setNotice, run } = useSubmission((field) => (field === 'locale' ? t.firmLanguages.fallback : t.firmLanguages.offered));

  function onSave(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const body = firmLanguagesIn(new FormData(e.currentTarget));
    void run(async () => {
      const saved = await call('updateFirmLanguages', { body });
      current.setData(saved);
      // This page's own switcher follows at once.
      offer(saved);
      setNotice(l.saved);
    });
  }

  return (
    <Card aria-labelledby={`${id}-title`} className="mb-8">
      <h2 id={`${id}-title`} className="mb-1 text-lg font-semibold">
        {l.title}
      </h2>
      <p className="mb-3 text-sm text-slate-600">{l.lead}</p>
      {current.show((languages) => (
        <form onSubmit={onSave} noValidate className="max-w-md space-y-4">
          <FirmLanguagesFields initial={languages} errors={errors} />
          <FormOutcome notice={notice} failure={failure} />
          <Button type="submit" disabled={busy}>
            {busy ? l.saving : l.save}
          </Button>
        </form>
      ))}
    </Card>
  );
}
