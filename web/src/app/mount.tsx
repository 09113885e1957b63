import { StrictMode, useState, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { applyLocale, currentLocale, I18nContext, loadMessages, type Locale } from './i18n/index.ts';
import type { Messages } from './i18n/en.ts';

function WithI18n({ Page, initial }: { Page: ComponentType; initial: { locale: Locale; t: Messages } }) {
  const [current, setCurrent] = useState(initial);
  const setLocale = (locale: Locale) => {
    // Switch once the strings are here, so the page never shows a mix of languages.
    void loadMessages(locale).then((t) => {
      applyLocale(locale);
      setCurrent({ locale, t });
    });
  };
  return (
    <I18nContext.Provider value={{ t: current.t, locale: current.locale, setLocale }}>
      <Page />
    </I18nContext.Provider>
  );
}

/**
 * Every page is one React root in #app (scripts are external files: see astro.config.mjs),
 * rendered once the strings of the reader's language are loaded.
 */
export function mount(Page: ComponentType): void {
  const locale = currentLocale();
  const english = () => loadMessages('en');
  void loadMessages(locale)
    .catch(english)
    .then((t) =>
      createRoot(document.getElementById('app')!).render(
        <StrictMode>
          <WithI18n Page={Page} initial={{ locale, t }} />
        </StrictMode>,
      ),
    );
}
