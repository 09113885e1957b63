import { useEffect, useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../../../shared/api/routes.ts';
import { ApiError, call, adoptSession } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { errorsByField } from '../errors.ts';
import { ReaderOptions } from '../components/ReaderOptions.tsx';
import { NewPasswordFields, newPasswordErrors } from './NewPassword.tsx';
import { ErrorNotice, Loading } from '../components/Status.tsx';
import { format, useLocale } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { signInText } from '../i18n/sign-in/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { Button, Card } from '../components/ui.tsx';

type Preview = ResponseOf<'previewInvitation'>;
type State = { kind: 'loading' } | { kind: 'invalid' } | { kind: 'gone' } | { kind: 'error'; error: unknown } | { kind: 'ready'; preview: Preview };

const token = new URLSearchParams(location.search).get('token') ?? '';

function InvitationPage() {
  const t = useText(commonText, signInText);
  const { locale, offer } = useLocale();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const outcome = (e: unknown): State =>
      e instanceof ApiError && e.status === 404
        ? { kind: 'invalid' }
        : e instanceof ApiError && e.status === 410
          ? { kind: 'gone' }
          : { kind: 'error', error: e };
    if (!token) return setState({ kind: 'invalid' });
    call('previewInvitation', { query: { token } })
      .then((preview) => {
        offer(preview);
        setState({ kind: 'ready', preview });
      })
      .catch((e: unknown) => setState(outcome(e)));
  }, []);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const problems = newPasswordErrors(password, e.currentTarget, t);
    setErrors(problems);
    setFormError(null);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      const session = await call('acceptInvitation', { body: { token, password } });
      adoptSession(session);
      location.assign(session.home);
    } catch (error) {
      if (error instanceof ApiError && error.status === 410) setState({ kind: 'gone' });
      else if (error instanceof ApiError && error.details.length) setErrors(errorsByField(error.details, () => t.accept.password, t, locale));
      else setFormError(error);
      setBusy(false);
    }
  }

  let content;
  if (state.kind === 'loading') content = <Loading />;
  else if (state.kind === 'error') content = <ErrorNotice error={state.error} />;
  else if (state.kind === 'invalid' || state.kind === 'gone') {
    content = (
      <section role="alert" className="rounded border border-amber-200 bg-amber-50 p-6">
        <p>{state.kind === 'invalid' ? t.accept.invalid : t.accept.gone}</p>
        <a href="/login/" className="mt-4 inline-block font-medium text-brand-700 underline">
          {t.accept.signIn}
        </a>
      </section>
    );
  } else {
    const { preview } = state;
    // A client who signed up confirms their address here; an invited person joins.
    const signedUp = preview.source === 'self';
    content = (
      <>
        <h1 className="text-2xl font-semibold">{format(signedUp ? t.register.verifyTitle : t.accept.title, { firm: preview.firmName })}</h1>
        <p className="mt-2 text-slate-600">{signedUp ? t.register.verifyLead : format(t.accept.lead, { role: t.roles[preview.role] })}</p>
        <Card as="form" onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
          {formError !== null && <ErrorNotice error={formError} />}
          <Field label={t.accept.email} type="email" value={preview.email} readOnly autoComplete="username" />
          <NewPasswordFields password={password} onPassword={setPassword} errors={errors} />
          <Button type="submit" disabled={busy} className="w-full">
            {busy ? t.accept.submitting : signedUp ? t.register.verifySubmit : format(t.accept.submit, { firm: preview.firmName })}
          </Button>
        </Card>
      </>
    );
  }

  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <div className="mb-6 flex justify-end">
        <ReaderOptions />
      </div>
      {content}
    </main>
  );
}

mount(InvitationPage);
