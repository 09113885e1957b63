import { useState, type FormEvent } from 'react';
import { ApiError, signIn } from '../api.ts';
import { errorsByField, Field } from '../components/Field.tsx';
import { LanguageSwitcher } from '../components/LanguageSwitcher.tsx';
import { useI18n } from '../i18n/index.ts';
import { mount } from '../mount.tsx';

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeNext(): string | null {
  const next = new URLSearchParams(location.search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

function LoginPage() {
  const { t } = useI18n();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const missing: Record<string, string> = {};
    if (!email) missing.email = `${t.login.email} ${t.login.required}`;
    if (!password) missing.password = `${t.login.password} ${t.login.required}`;
    setFieldErrors(missing);
    setFormError(null);
    if (Object.keys(missing).length) return;

    setBusy(true);
    try {
      const session = await signIn(email, password);
      location.assign(safeNext() ?? session.home);
    } catch (error) {
      if (error instanceof ApiError && error.details.length) {
        setFieldErrors(errorsByField(error.details, (f) => (f === 'email' ? t.login.email : t.login.password)));
      } else {
        setFormError(error instanceof ApiError && error.code !== 'network' ? error.message : t.errors.network);
      }
      setBusy(false);
    }
  }

  return (
    <main className="mx-auto max-w-sm px-4 py-16">
      <div className="mb-6 flex justify-end">
        <LanguageSwitcher />
      </div>
      <h1 className="mb-6 text-2xl font-semibold">{t.login.title}</h1>
      <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg bg-white p-6 shadow">
        {formError && (
          <p role="alert" className="rounded bg-red-50 p-3 text-sm text-red-800">
            {formError}
          </p>
        )}
        <Field label={t.login.email} name="email" type="email" autoComplete="username" required error={fieldErrors.email} />
        <Field label={t.login.password} name="password" type="password" autoComplete="current-password" required error={fieldErrors.password} />
        <button type="submit" disabled={busy} className="w-full rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {busy ? t.login.submitting : t.login.submit}
        </button>
        <a href="/forgot-password/" className="block text-center text-sm text-brand-700 underline">{t.forgot.link}</a>
      </form>
    </main>
  );
}

mount(LoginPage);
