import { useId, useState, type FormEvent } from 'react';
import { ApiError, signIn } from '../api.ts';
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
  const emailId = useId();
  const passwordId = useId();
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
        setFieldErrors(Object.fromEntries(error.details.map((d) => [d.field, `${d.field} ${d.message}`])));
      } else {
        setFormError(error instanceof ApiError && error.code !== 'network' ? error.message : t.errors.network);
      }
      setBusy(false);
    }
  }

  const input = 'mt-1 w-full rounded border border-slate-300 px-3 py-2 aria-[invalid=true]:border-red-500';
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
        <div>
          <label htmlFor={emailId} className="block text-sm font-medium">
            {t.login.email}
          </label>
          <input id={emailId} name="email" type="email" autoComplete="username" required className={input}
            aria-invalid={Boolean(fieldErrors.email)} aria-describedby={fieldErrors.email ? `${emailId}-error` : undefined} />
          {fieldErrors.email && <p id={`${emailId}-error`} className="mt-1 text-sm text-red-700">{fieldErrors.email}</p>}
        </div>
        <div>
          <label htmlFor={passwordId} className="block text-sm font-medium">
            {t.login.password}
          </label>
          <input id={passwordId} name="password" type="password" autoComplete="current-password" required className={input}
            aria-invalid={Boolean(fieldErrors.password)} aria-describedby={fieldErrors.password ? `${passwordId}-error` : undefined} />
          {fieldErrors.password && <p id={`${passwordId}-error`} className="mt-1 text-sm text-red-700">{fieldErrors.password}</p>}
        </div>
        <button type="submit" disabled={busy} className="w-full rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {busy ? t.login.submitting : t.login.submit}
        </button>
        <a href="/forgot-password/" className="block text-center text-sm text-brand-700 underline">{t.forgot.link}</a>
      </form>
    </main>
  );
}

mount(LoginPage);
