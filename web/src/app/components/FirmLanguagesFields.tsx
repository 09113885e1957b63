import { useId, useState } from 'react';
import { LOCALE_NAMES, LOCALES } from '../../../../shared/domain/locales.ts';
import { commonText } from '../i18n/common/index.ts';
import type { Locale, OfferedLanguages } from '../i18n/index.ts';
import { useText } from '../i18n/text.ts';
import { CONTROL } from './ui.tsx';

/** What a form with these fields sends: the languages ticked, and the default among them (none when nothing is ticked: the server names `languages`). */
export const firmLanguagesIn = (data: FormData) => ({
  languages: data.getAll('languages').map(String) as Locale[],
  locale: (data.get('locale') ?? undefined) as Locale,
});

/**
 * A firm's languages (ADR 0040): the ones it offers, ticked, and its default among them. Unticking
 * the default moves it to the first one still ticked, so the two never disagree.
 */
export function FirmLanguagesFields({ initial, errors }: { initial: OfferedLanguages; errors: Partial<Record<'languages' | 'locale', string>> }) {
  const t = useText(commonText).firmLanguages;
  const id = useId();
  const [offered, setOffered] = useState<readonly Locale[]>(initial.languages);
  const [fallback, setFallback] = useState<Locale>(initial.locale);

  function toggle(code: Locale, on: boolean) {
    const next = LOCALES.filter((l) => (l === code ? on : offered.includes(l)));
    setOffered(next);
    if (!next.includes(fallback) && next[0]) setFallback(next[0]);
  }

  return (
    <>
      <fieldset aria-describedby={`${id}-hint`} aria-invalid={Boolean(errors.languages)}>
        <legend className="text-sm font-medium">{t.offered}</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {LOCALES.map((code) => (
            <label key={code} className="flex items-center gap-2">
              <input type="checkbox" name="languages" value={code} checked={offered.includes(code)} onChange={(e) => toggle(code, e.target.checked)} />
              <span lang={code}>{LOCALE_NAMES[code]}</span>
            </label>
          ))}
        </div>
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {t.hint}
        </p>
        {errors.languages && <p className="mt-1 text-sm text-red-700">{errors.languages}</p>}
      </fieldset>
      <label className="block text-sm font-medium">
        {t.fallback}
        <select
          name="locale"
          className={CONTROL}
          value={fallback}
          onChange={(e) => setFallback(e.target.value as Locale)}
          aria-invalid={Boolean(errors.locale)}
        >
          {offered.map((code) => (
            <option key={code} value={code} lang={code}>
              {LOCALE_NAMES[code]}
            </option>
          ))}
        </select>
        {errors.locale && <span className="mt-1 block text-sm text-red-700">{errors.locale}</span>}
      </label>
    </>
  );
}
