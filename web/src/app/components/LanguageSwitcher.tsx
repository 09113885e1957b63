import { useId } from 'react';
import { LOCALES, type Locale, useLocale } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { useText } from '../i18n/text.ts';

export function LanguageSwitcher() {
  const t = useText(commonText);
  const { locale, setLocale } = useLocale();
  const id = useId();
  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor={id} className="sr-only text-slate-600 sm:not-sr-only">
        {t.language}
      </label>
      <select id={id} value={locale} onChange={(e) => setLocale(e.target.value as Locale)} className="rounded border border-slate-300 bg-white px-2 py-1">
        {LOCALES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.label}
          </option>
        ))}
      </select>
    </div>
  );
}
