import { Monitor, Moon, Sun } from 'lucide-react';
import { useId, useState } from 'react';
import { format, type Locale, useLocale } from '../i18n/index.ts';
import { LocaleOptions } from './LocaleOptions.tsx';
import { commonText } from '../i18n/common/index.ts';
import { useText } from '../i18n/text.ts';

type Scheme = 'system' | 'light' | 'dark';
const NEXT: Record<Scheme, Scheme> = { system: 'light', light: 'dark', dark: 'system' };
const ICONS = { system: Monitor, light: Sun, dark: Moon };

const storedScheme = (): Scheme => {
  try {
    const stored = localStorage.getItem('sp_theme');
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
};

/** Light, dark or the system's: kept for the next visit (public/locale.js applies it before paint). */
function SchemeButton() {
  const t = useText(commonText);
  const [scheme, setScheme] = useState<Scheme>(storedScheme);
  function choose(next: Scheme) {
    setScheme(next);
    if (next === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = next;
    try {
      if (next === 'system') localStorage.removeItem('sp_theme');
      else localStorage.setItem('sp_theme', next);
    } catch {
      /* storage blocked: this page keeps the choice */
    }
  }
  const Icon = ICONS[scheme];
  const label = format(t.scheme.label, { current: t.scheme[scheme], next: t.scheme[NEXT[scheme]] });
  return (
    <button
      type="button"
      onClick={() => choose(NEXT[scheme])}
      aria-label={label}
      title={label}
      className="rounded border border-slate-300 p-1.5 hover:bg-slate-100"
    >
      <Icon aria-hidden="true" className="h-4 w-4" />
    </button>
  );
}

/** The reader's own display choices, on every page: the language, and light or dark. */
export function ReaderOptions() {
  const t = useText(commonText);
  const { locale, setLocale, languages } = useLocale();
  const id = useId();
  return (
    <div className="flex items-center gap-2 text-sm">
      {/* A firm that offers one language has nothing to switch to. */}
      {languages.length > 1 && (
        <>
          <label htmlFor={id} className="sr-only text-slate-600 sm:not-sr-only">
            {t.language}
          </label>
          <select id={id} value={locale} onChange={(e) => setLocale(e.target.value as Locale)} className="rounded border border-slate-300 bg-white px-2 py-1">
            <LocaleOptions />
          </select>
        </>
      )}
      <SchemeButton />
    </div>
  );
}
