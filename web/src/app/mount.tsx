import { StrictMode, useState, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { applyLocale, currentLocale, I18nContext, messagesFor, type Locale } from './i18n/index.ts';

function WithI18n({ Page }: { Page: ComponentType }) {
  const [locale, setLocaleState] = useState<Locale>(currentLocale);
  const setLocale = (l: Locale) => {
    applyLocale(l);
    setLocaleState(l);
  };
  return (
    <I18nContext.Provider value={{ t: messagesFor(locale), locale, setLocale }}>
      <Page />
    </I18nContext.Provider>
  );
}

/** Every page is one React root in #app (scripts are external files: see astro.config.mjs). */
export function mount(Page: ComponentType): void {
  createRoot(document.getElementById('app')!).render(
    <StrictMode>
      <WithI18n Page={Page} />
    </StrictMode>,
  );
}
