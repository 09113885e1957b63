import { useState, type FormEvent } from 'react';
import { ApiError, call } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { errorsByField } from '../errors.ts';
import { ReaderOptions } from '../components/ReaderOptions.tsx';
import { ErrorNotice } from '../components/Status.tsx';
import { format, useLocale } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { signInText } from '../i18n/sign-in/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { Button, Card } from '../components/ui.tsx';

function ForgotPasswordPage() {
  const t = useText(commonText, signInText);
  const { locale } = useLocale();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const email = String(new FormData(e.currentTarget).get('email') ?? '').trim();
    setErrors({});
    setFailure(null);
    if (!email) return setErrors({ email: `${t.forgot.email} ${t.login.required}` });
    setBusy(true);
    try {
      await call('forgotPassword', { body: { email } });
      setSentTo(email);
    } catch (error) {
      if (error instanceof ApiError && error.details.length) setErrors(errorsByField(error.details, () => t.forgot.email, t, locale));
      else setFailure(error);
    }
    setBusy(false);
  }

  return (
    <main className="mx-auto max-w-sm px-4 py-16">
      <div className="mb-6 flex justify-end">
        <ReaderOptions />
      </div>
      <h1 className="text-2xl font-semibold">{t.forgot.title}</h1>
      {sentTo ? (
        <p role="status" className="mt-6 rounded bg-green-50 p-4 text-green-900">
          {format(t.forgot.sent, { email: sentTo })}
        </p>
      ) : (
        <>
          <p className="mt-2 text-slate-600">{t.forgot.lead}</p>
          <Card as="form" onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
            {failure !== null && <ErrorNotice error={failure} />}
            <Field label={t.forgot.email} name="email" type="email" autoComplete="username" required error={errors.email} />
            <Button type="submit" disabled={busy} className="w-full">
              {busy ? t.forgot.sending : t.forgot.submit}
            </Button>
          </Card>
        </>
      )}
      <a href="/login/" className="mt-6 inline-block text-brand-700 underline">
        {t.forgot.back}
      </a>
    </main>
  );
}

mount(ForgotPasswordPage);
