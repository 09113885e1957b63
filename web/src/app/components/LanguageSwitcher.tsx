import { useId } from 'react';
import { LOCALES, useI18n, type Locale } from '../i18n/index.ts';

export function LanguageSwitcher() {
  const { t, locale, setLocale } = useI18n();
  const id = useId();
  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor={id} className="text-slate-600">
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
