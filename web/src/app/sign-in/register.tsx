import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, call } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { errorsByField } from '../errors.ts';
import { ReaderOptions } from '../components/ReaderOptions.tsx';
import { ErrorNotice, Loading } from '../components/Status.tsx';
import { format, useLocale } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { signInText } from '../i18n/sign-in/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { Button, Card } from '../components/ui.tsx';

type Firm = { slug: string; name: string; clientSignUp: boolean };
type State =
  { kind: 'loading' } | { kind: 'unknown' } | { kind: 'error'; error: unknown } | { kind: 'ready'; firm: Firm } | { kind: 'sent'; firm: Firm; email: string };

const query = new URLSearchParams(location.search);
const firmSlug = query.get('firm') ?? '';

/** A client signs up with a firm (`/register/?firm=<slug>`, perhaps with `email` and `name`); the emailed link confirms the address and sets the password. */
function RegisterPage() {
  const t = useText(commonText, signInText);
  const { locale, offer } = useLocale();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!firmSlug) return setState({ kind: 'unknown' });
    call('getSignUpFirm', { params: { firmSlug } })
      .then((firm) => {
        offer(firm);
        setState({ kind: 'ready', firm });
      })
      .catch((e: unknown) => setState(e instanceof ApiError && e.status === 404 ? { kind: 'unknown' } : { kind: 'error', error: e }));
  }, []);

  async function onSubmit(e: FormEvent<HTMLFormElement>, firm: Firm) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    const email = String(form.get('email') ?? '').trim();
    const missing = { ...(!name && { name: `${t.register.name} ${t.login.required}` }), ...(!email && { email: `${t.register.email} ${t.login.required}` }) };
    setErrors(missing);
    setFailure(null);
    if (Object.keys(missing).length) return;
    setBusy(true);
    try {
      const sent = await call('signUp', { params: { firmSlug: firm.slug }, body: { name, email, locale } });
      setState({ kind: 'sent', firm, email: sent.email });
    } catch (error) {
      if (error instanceof ApiError && error.details.length)
        setErrors(errorsByField(error.details, (f) => (f === 'name' ? t.register.name : t.register.email), t, locale));
      else setFailure(error);
    }
    setBusy(false);
  }

  let content;
  if (state.kind === 'loading') content = <Loading />;
  else if (state.kind === 'error') content = <ErrorNotice error={state.error} />;
  else if (state.kind === 'unknown')
    content = (
      <p role="alert" className="rounded border border-amber-200 bg-amber-50 p-4">
        {t.register.unknown}
      </p>
    );
  else if (state.kind === 'sent') {
    content = (
      <>
        <h1 className="text-2xl font-semibold">{t.register.checkTitle}</h1>
        <p role="status" className="mt-6 rounded bg-green-50 p-4 text-green-900">
          {format(t.register.sent, { email: state.email, firm: state.firm.name })}
        </p>
      </>
    );
  } else if (!state.firm.clientSignUp) {
    content = (
      <>
        <h1 className="text-2xl font-semibold">{format(t.register.title, { firm: state.firm.name })}</h1>
        <p role="alert" className="mt-6 rounded border border-amber-200 bg-amber-50 p-4">
          {format(t.register.closed, { firm: state.firm.name })}
        </p>
      </>
    );
  } else {
    const { firm } = state;
    content = (
      <>
        <h1 className="text-2xl font-semibold">{format(t.register.title, { firm: firm.name })}</h1>
        <p className="mt-2 text-slate-600">{t.register.lead}</p>
        <Card as="form" onSubmit={(e) => void onSubmit(e, firm)} noValidate className="mt-6 space-y-4">
          {failure !== null && <ErrorNotice error={failure} />}
          {/* Prefilled when a guest comes from their booking's confirmation to claim their account. */}
          <Field label={t.register.name} name="name" autoComplete="name" required maxLength={120} defaultValue={query.get('name') ?? ''} error={errors.name} />
          <Field
            label={t.register.email}
            name="email"
            type="email"
            autoComplete="email"
            required
            defaultValue={query.get('email') ?? ''}
            error={errors.email}
          />
          <Button type="submit" disabled={busy} className="w-full">
            {busy ? t.register.sending : t.register.submit}
          </Button>
        </Card>
      </>
    );
  }

  return (
    <main className="mx-auto max-w-sm px-4 py-16">
      <div className="mb-6 flex justify-end">
        <ReaderOptions />
      </div>
      {content}
      <p className="mt-6 text-sm text-slate-600">
        {t.register.haveAccount}{' '}
        <a href="/login/" className="text-brand-700 underline">
          {t.forgot.back}
        </a>
      </p>
    </main>
  );
}

mount(RegisterPage);
