import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../../../shared/api/routes.ts';
import { ApiError, call } from '../api.ts';
import { useFirmLook } from '../brand.ts';
import { ReaderOptions } from '../components/ReaderOptions.tsx';
import { ErrorNotice, Loading } from '../components/Status.tsx';
import { money } from '../format.ts';
import { format, useLocale } from '../i18n/index.ts';
import { catalogText } from '../i18n/catalog/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';

type Catalog = ResponseOf<'getCatalog'>;
type State = { kind: 'loading' } | { kind: 'unknown' } | { kind: 'error'; error: unknown } | { kind: 'ready'; catalog: Catalog };

const firmSlug = new URLSearchParams(location.search).get('firm') ?? '';

/** A firm's public catalog (`/catalog/?firm=<slug>`): its active services, for anyone. */
function CatalogPage() {
  const t = useText(catalogText);
  const { locale } = useLocale();
  const showFirm = useFirmLook();
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    if (!firmSlug) return setState({ kind: 'unknown' });
    call('getCatalog', { params: { firmSlug } })
      .then((catalog) => {
        showFirm(catalog.firm);
        setState({ kind: 'ready', catalog });
      })
      .catch((e: unknown) => setState(e instanceof ApiError && e.status === 404 ? { kind: 'unknown' } : { kind: 'error', error: e }));
  }, []);

  let content;
  if (state.kind === 'loading') content = <Loading />;
  else if (state.kind === 'error') content = <ErrorNotice error={state.error} />;
  else if (state.kind === 'unknown')
    content = (
      <p role="alert" className="rounded border border-amber-200 bg-amber-50 p-4">
        {t.catalog.unknown}
      </p>
    );
  else {
    const { firm, services } = state.catalog;
    content = (
      <>
        <h1 className="text-2xl font-semibold">{format(t.catalog.title, { firm: firm.name })}</h1>
        <p className="mt-2 text-slate-600">{format(t.catalog.lead, { firm: firm.name })}</p>
        <div className="mt-4 flex flex-wrap gap-4">
          <a href="/login/" className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
            {t.catalog.signIn}
          </a>
          <a href={`/book/?firm=${encodeURIComponent(firm.slug)}`} className="rounded border border-slate-300 px-4 py-2 hover:bg-slate-100">
            {t.catalog.book}
          </a>
          {firm.clientSignUp && (
            <a href={`/register/?firm=${encodeURIComponent(firm.slug)}`} className="rounded border border-slate-300 px-4 py-2 hover:bg-slate-100">
              {t.catalog.signUp}
            </a>
          )}
        </div>
        {services.length === 0 ? (
          <p className="mt-8 text-slate-600">{format(t.catalog.empty, { firm: firm.name })}</p>
        ) : (
          <ul className="mt-8 grid gap-4 sm:grid-cols-2">
            {services.map((s) => (
              <li key={s.serviceId} className="rounded-lg bg-white p-5 shadow">
                <p className="text-xs uppercase tracking-wide text-slate-500">{s.category}</p>
                <h2 className="mt-1 text-lg font-semibold">{s.name}</h2>
                <p className="mt-2 text-sm text-slate-700">{s.description}</p>
                <p className="mt-3 text-sm">
                  <span className="font-medium">{format(t.catalog.from, { price: money(s.basePrice, s.currency, locale) })}</span>
                  <span className="text-slate-600"> · {format(t.catalog.hours, { hours: String(s.estimatedHours) })}</span>
                </p>
              </li>
            ))}
          </ul>
        )}
      </>
    );
  }

  return (
    <main className="mx-auto max-w-4xl px-4 py-12">
      <div className="mb-6 flex justify-end">
        <ReaderOptions />
      </div>
      {content}
    </main>
  );
}

mount(CatalogPage);
