import { useState, type FormEvent } from 'react';
import type { Session } from '../../../../shared/api/schemas/user.ts';
import { ApiError, finishTotpSignIn, signIn } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { errorsByField, errorText } from '../errors.ts';
import { ReaderOptions } from '../components/ReaderOptions.tsx';
import { format, useLocale } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { signInText } from '../i18n/sign-in/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { Button, Card } from '../components/ui.tsx';

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeNext(): string | null {
  const next = new URLSearchParams(location.search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

const arrive = (session: Session) => location.assign(safeNext() ?? session.home);

/** A firm's own sign-in link (`?firm=`) also offers its services, booking and sign-up to newcomers. */
const firm = new URLSearchParams(location.search).get('firm');

/** Sign-in: the password, then (when two-step sign-in is on) the authenticator code. */
function LoginPage() {
  const t = useText(commonText, signInText);
  const { locale } = useLocale();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [totp, setTotp] = useState<{ email: string; session: string } | null>(null);

  const labelOf = (field: string) => ({ email: t.login.email, password: t.login.password, code: t.login.code })[field] ?? field;
  function messageOf(error: unknown): string {
    if (!(error instanceof ApiError) || error.code === 'network') return t.errors.network;
    if (error.code === 'rate_limited') return format(t.login.paused, { minutes: String(Math.ceil((error.retryAfter ?? 60) / 60)) });
    if (error.code === 'unauthenticated' && !totp) return t.login.wrong;
    return errorText(error, t, locale);
  }

  async function attempt(work: () => Promise<void>) {
    setFormError(null);
    setBusy(true);
    try {
      await work();
    } catch (error) {
      if (error instanceof ApiError && error.details.length) setFieldErrors(errorsByField(error.details, labelOf, t, locale));
      else setFormError(messageOf(error));
      if (error instanceof ApiError && error.status === 401 && totp) setTotp(null); // the code step expired: start over
      setBusy(false);
    }
  }

  function onPassword(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const missing: Record<string, string> = {};
    if (!email) missing.email = `${t.login.email} ${t.login.required}`;
    if (!password) missing.password = `${t.login.password} ${t.login.required}`;
    setFieldErrors(missing);
    if (Object.keys(missing).length) return;
    void attempt(async () => {
      const outcome = await signIn(email, password);
      if ('session' in outcome) return arrive(outcome.session);
      setTotp({ email, session: outcome.totpSession });
      setBusy(false);
    });
  }

  function onCode(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const code = String(new FormData(e.currentTarget).get('code') ?? '').trim();
    setFieldErrors(code ? {} : { code: `${t.login.code} ${t.login.required}` });
    if (!code || !totp) return;
    void attempt(async () => arrive(await finishTotpSignIn(totp.email, totp.session, code)));
  }

  return (
    <main className="mx-auto max-w-sm px-4 py-16">
      <div className="mb-6 flex justify-end">
        <ReaderOptions />
      </div>
      <h1 className="mb-6 text-2xl font-semibold">{totp ? t.login.totpTitle : t.login.title}</h1>
      {formError && (
        <p role="alert" className="mb-4 rounded bg-red-50 p-3 text-sm text-red-800">
          {formError}
        </p>
      )}
      {totp ? (
        <Card as="form" onSubmit={onCode} noValidate className="space-y-4">
          <p className="text-sm text-slate-600">{t.login.totpLead}</p>
          <Field label={t.login.code} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required autoFocus error={fieldErrors.code} />
          <Button type="submit" disabled={busy} className="w-full">
            {busy ? t.login.verifying : t.login.verify}
          </Button>
          <button type="button" onClick={() => setTotp(null)} className="block w-full text-center text-sm text-brand-700 underline">
            {t.login.startOver}
          </button>
        </Card>
      ) : (
        <Card as="form" onSubmit={onPassword} noValidate className="space-y-4">
          <Field label={t.login.email} name="email" type="email" autoComplete="username" required error={fieldErrors.email} />
          <Field label={t.login.password} name="password" type="password" autoComplete="current-password" required error={fieldErrors.password} />
          <Button type="submit" disabled={busy} className="w-full">
            {busy ? t.login.submitting : t.login.submit}
          </Button>
          <a href="/forgot-password/" className="block text-center text-sm text-brand-700 underline">
            {t.forgot.link}
          </a>
        </Card>
      )}
      {firm && (
        <p className="mt-6 text-center text-sm text-slate-700">
          {t.login.newHere}{' '}
          <a href={`/catalog/?firm=${encodeURIComponent(firm)}`} className="text-brand-700 underline">
            {t.login.services}
          </a>
          {' · '}
          <a href={`/book/?firm=${encodeURIComponent(firm)}`} className="text-brand-700 underline">
            {t.login.book}
          </a>
          {' · '}
          <a href={`/register/?firm=${encodeURIComponent(firm)}`} className="text-brand-700 underline">
            {t.login.signUp}
          </a>
        </p>
      )}
    </main>
  );
}

mount(LoginPage);
