import { StrictMode, Suspense, useState, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_LOCALE, LOCALES } from '../../../shared/domain/locales.ts';
import { applyLocale, currentLocale, LocaleContext, type Locale, type OfferedLanguages } from './i18n/index.ts';
import { loadText } from './i18n/text.ts';

function WithLocale({ Page, initial }: { Page: ComponentType; initial: Locale }) {
  const [locale, setCurrent] = useState(initial);
  const [languages, setLanguages] = useState<readonly Locale[]>(LOCALES);
  const setLocale = (next: Locale) => {
    // Switch once the strings are here, so the page never shows a mix of languages.
    void loadText(next).then(() => {
      applyLocale(next);
      setCurrent(next);
    });
  };
  // A firm's page offers only the firm's languages; a reader in another one is shown its default.
  const offer = (firm: OfferedLanguages) => {
    setLanguages(firm.languages);
    if (!firm.languages.includes(currentLocale())) setLocale(firm.locale);
  };
  return (
    <LocaleContext.Provider value={{ locale, setLocale, languages, offer }}>
      <Suspense>
        <Page />
      </Suspense>
    </LocaleContext.Provider>
  );
}

/**
 * Every page is one React root in #app (scripts are external files: see astro.config.mjs),
 * rendered once the strings its components use are loaded in the reader's language.
 */
export function mount(Page: ComponentType): void {
  const chosen = currentLocale();
  void loadText(chosen)
    .then(() => chosen)
    .catch(() => loadText(DEFAULT_LOCALE).then(() => DEFAULT_LOCALE))
    .then((locale) =>
      createRoot(document.getElementById('app')!).render(
        <StrictMode>
          <WithLocale Page={Page} initial={locale} />
        </StrictMode>,
      ),
    );
}
