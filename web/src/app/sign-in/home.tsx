import { ReaderOptions } from '../components/ReaderOptions.tsx';
import { commonText } from '../i18n/common/index.ts';
import { signInText } from '../i18n/sign-in/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';

function HomePage() {
  const t = useText(commonText, signInText);
  return (
    <main className="mx-auto max-w-4xl px-4 py-16">
      <div className="flex items-center justify-between">
        <p className="text-lg font-semibold text-brand-700">{t.appName}</p>
        <ReaderOptions />
      </div>
      <h1 className="mt-16 text-4xl font-bold tracking-tight">{t.home.title}</h1>
      <p className="mt-4 max-w-2xl text-lg text-slate-600">{t.home.lead}</p>
      <a href="/login/" className="mt-8 inline-block rounded bg-brand-600 px-5 py-3 font-medium text-white hover:bg-brand-700">
        {t.home.signIn}
      </a>
      <ul className="mt-12 grid gap-4 sm:grid-cols-2">
        {t.home.features.map((f) => (
          <li key={f} className="rounded-lg bg-white p-4 shadow-sm">
            {f}
          </li>
        ))}
      </ul>
      <p className="mt-12 text-sm text-slate-600">
        <a href="/api-docs/" className="underline">
          API
        </a>
      </p>
    </main>
  );
}

mount(HomePage);
