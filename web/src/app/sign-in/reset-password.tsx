import { useState, type FormEvent } from 'react';
import { ApiError, call } from '../api.ts';
import { errorsByField } from '../errors.ts';
import { ReaderOptions } from '../components/ReaderOptions.tsx';
import { NewPasswordFields, newPasswordErrors } from './NewPassword.tsx';
import { ErrorNotice } from '../components/Status.tsx';
import { useLocale } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { signInText } from '../i18n/sign-in/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { Button, Card } from '../components/ui.tsx';

const token = new URLSearchParams(location.search).get('token') ?? '';

function ResetPasswordPage() {
  const t = useText(commonText, signInText);
  const { locale } = useLocale();
  const [state, setState] = useState<'form' | 'done' | 'invalid' | 'gone'>(token ? 'form' : 'invalid');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const problems = newPasswordErrors(password, e.currentTarget, t);
    setErrors(problems);
    setFailure(null);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      await call('resetPassword', { body: { token, password } });
      setState('done');
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 410)) setState(error.status === 404 ? 'invalid' : 'gone');
      else if (error instanceof ApiError && error.details.length) setErrors(errorsByField(error.details, () => t.accept.password, t, locale));
      else setFailure(error);
    }
    setBusy(false);
  }

  const link = (href: string, text: string) => (
    <a href={href} className="mt-4 inline-block font-medium text-brand-700 underline">
      {text}
    </a>
  );
  let content;
  if (state === 'done')
    content = (
      <section role="status" className="rounded bg-green-50 p-6 text-green-900">
        <p>{t.reset.done}</p>
        {link('/login/', t.reset.signIn)}
      </section>
    );
  else if (state !== 'form')
    content = (
      <section role="alert" className="rounded border border-amber-200 bg-amber-50 p-6">
        <p>{state === 'invalid' ? t.reset.invalid : t.reset.gone}</p>
        {link('/forgot-password/', t.reset.again)}
      </section>
    );
  else {
    content = (
      <Card as="form" onSubmit={onSubmit} noValidate className="space-y-4">
        {failure !== null && <ErrorNotice error={failure} />}
        <NewPasswordFields password={password} onPassword={setPassword} errors={errors} />
        <Button type="submit" disabled={busy} className="w-full">
          {busy ? t.reset.saving : t.reset.submit}
        </Button>
      </Card>
    );
  }

  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <div className="mb-6 flex justify-end">
        <ReaderOptions />
      </div>
      <h1 className="mb-6 text-2xl font-semibold">{t.reset.title}</h1>
      {content}
    </main>
  );
}

mount(ResetPasswordPage);
