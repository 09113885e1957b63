import { useEffect, useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../../../shared/api/routes.ts';
import { DIGESTS } from '../../../../shared/domain/notifications/email.ts';
import { call } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { QrCode } from './QrCode.tsx';
import { Shell } from '../components/Shell.tsx';
import { ErrorNotice, FormOutcome, Loading } from '../components/Status.tsx';
import { useSubmission } from '../components/useSubmission.ts';
import { accountText } from '../i18n/account/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { Button, Card, CONTROL } from '../components/ui.tsx';
import { LocaleOptions } from '../components/LocaleOptions.tsx';

type Step = { kind: 'off'; justNow: boolean } | { kind: 'scan'; secret: string; otpauthUri: string } | { kind: 'on'; justNow: boolean };

/** Turning two-step sign-in on (password again, scan, first code) and off (password and a code). */
function TwoStepSignIn({ enabled, required, home }: { enabled: boolean; required: boolean; home: string }) {
  const t = useText(accountText);
  const [step, setStep] = useState<Step>(enabled ? { kind: 'on', justNow: false } : { kind: 'off', justNow: false });
  const submission = useSubmission((f) => (f === 'code' ? t.account.code : t.account.password));
  const { busy, errors, failure } = submission;

  function run(e: FormEvent<HTMLFormElement>, work: (data: FormData) => Promise<void>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    return submission.run(() => work(data));
  }

  return (
    <Card aria-labelledby="two-step">
      <h2 id="two-step" className="text-lg font-semibold">
        {t.account.security}
      </h2>
      <div aria-live="polite">{failure !== null && <ErrorNotice error={failure} />}</div>
      {required && step.kind !== 'on' && (
        <p role="alert" className="mt-2 rounded border border-amber-200 bg-amber-50 p-3">
          {t.account.required}
        </p>
      )}
      {step.kind === 'on' && (
        <>
          <p role="status" className="mt-2 text-green-800">
            {step.justNow ? t.account.enabled : t.account.on}
          </p>
          {step.justNow && required && (
            <a href={home} className="mt-2 inline-block font-medium text-brand-700 underline">
              {t.account.continue}
            </a>
          )}
          {!step.justNow && (
            <form
              onSubmit={(e) =>
                void run(e, async (data) => {
                  await call('disableMfa', { body: { password: String(data.get('password') ?? ''), code: String(data.get('code') ?? '') } });
                  setStep({ kind: 'off', justNow: true });
                })
              }
              noValidate
              className="mt-4 max-w-sm space-y-4 border-t border-slate-200 pt-4"
            >
              <p className="text-slate-600">{t.account.turnOffLead}</p>
              <Field label={t.account.password} name="password" type="password" autoComplete="current-password" required error={errors.password} />
              <Field label={t.account.code} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required error={errors.code} />
              <Button variant="secondary" type="submit" disabled={busy}>
                {busy ? t.account.turningOff : t.account.turnOff}
              </Button>
            </form>
          )}
        </>
      )}
      {step.kind === 'off' && step.justNow && (
        <p role="status" className="mt-2 text-slate-700">
          {t.account.disabled}
        </p>
      )}
      {step.kind === 'off' && (
        <form
          onSubmit={(e) =>
            void run(e, async (data) => {
              const setup = await call('startMfaSetup', { body: { password: String(data.get('password') ?? '') } });
              setStep({ kind: 'scan', secret: setup.secret, otpauthUri: setup.otpauthUri });
            })
          }
          noValidate
          className="mt-2 max-w-sm space-y-4"
        >
          <p className="text-slate-600">{t.account.off}</p>
          <Field label={t.account.password} name="password" type="password" autoComplete="current-password" required error={errors.password} />
          <Button type="submit" disabled={busy}>
            {busy ? t.account.starting : t.account.start}
          </Button>
        </form>
      )}
      {step.kind === 'scan' && (
        <form
          onSubmit={(e) =>
            void run(e, async (data) => {
              await call('confirmMfaSetup', { body: { code: String(data.get('code') ?? '') } });
              setStep({ kind: 'on', justNow: true });
            })
          }
          noValidate
          className="mt-2 max-w-sm space-y-4"
        >
          <p className="text-slate-600">{t.account.scan}</p>
          <QrCode text={step.otpauthUri} label={t.account.qr} />
          <p className="text-sm">
            {t.account.key}:{' '}
            <code data-testid="totp-key" className="break-all font-mono">
              {step.secret}
            </code>
          </p>
          <Field label={t.account.code} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required error={errors.code} />
          <Button type="submit" disabled={busy}>
            {busy ? t.account.confirming : t.account.confirm}
          </Button>
        </form>
      )}
    </Card>
  );
}

type EmailPreferences = ResponseOf<'getEmailPreferences'>;

/** How notification emails come: in which language, at once or in a digest, and which kinds. */
function EmailSettings() {
  const t = useText(accountText);
  const e = t.account.email;
  const [prefs, setPrefs] = useState<EmailPreferences | null>(null);
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  const { busy, errors, failure, notice, setNotice, run } = useSubmission((field) => (field === 'locale' ? e.language : e.digest));
  useEffect(() => void call('getEmailPreferences').then(setPrefs).catch(setLoadFailure), []);

  function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!prefs) return;
    const data = new FormData(event.currentTarget);
    const digest = String(data.get('digest')) as EmailPreferences['digest'];
    const locale = String(data.get('locale')) as EmailPreferences['locale'];
    void run(async () => {
      setPrefs(await call('updateEmailPreferences', { body: { digest, off: prefs.kinds.filter((k) => !data.has(k)), locale } }));
      setNotice(e.saved);
    });
  }

  return (
    <Card aria-labelledby="email-settings" className="mt-6">
      <h2 id="email-settings" className="text-lg font-semibold">
        {e.title}
      </h2>
      <p className="mb-4 text-sm text-slate-600">{e.lead}</p>
      {loadFailure !== null && <ErrorNotice error={loadFailure} />}
      {!prefs && loadFailure === null && <Loading />}
      {prefs && (
        <form onSubmit={onSave} className="space-y-4">
          <FormOutcome notice={notice} failure={failure} />
          <label className="block max-w-xs text-sm font-medium">
            {e.language}
            <select name="locale" defaultValue={prefs.locale} className={CONTROL} aria-invalid={Boolean(errors.locale)}>
              <LocaleOptions kept={prefs.locale} />
            </select>
            {errors.locale && <span className="mt-1 block text-sm text-red-700">{errors.locale}</span>}
          </label>
          <fieldset>
            <legend className="text-sm font-medium">{e.digest}</legend>
            {DIGESTS.map((d) => (
              <label key={d} className="mt-1 flex items-center gap-2">
                <input type="radio" name="digest" value={d} defaultChecked={prefs.digest === d} /> {e.digests[d]}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend className="text-sm font-medium">{e.kinds}</legend>
            {prefs.kinds.map((k) => (
              <label key={k} className="mt-1 flex items-center gap-2">
                <input type="checkbox" name={k} defaultChecked={!prefs.off.includes(k)} /> {e.kindNames[k]}
              </label>
            ))}
          </fieldset>
          <Button type="submit" disabled={busy}>
            {busy ? e.saving : e.save}
          </Button>
        </form>
      )}
    </Card>
  );
}

function AccountPage() {
  const t = useText(accountText);
  return (
    <Shell area="account">
      {(session) => (
        <>
          <h1 className="mb-6 text-2xl font-semibold">{t.account.title}</h1>
          <p className="mb-6 text-slate-600">
            {session.user.name} · {session.user.email}
          </p>
          <TwoStepSignIn enabled={session.user.mfaEnabled ?? false} required={session.mfaRequired} home={session.home} />
          {!session.mfaRequired && <EmailSettings />}
        </>
      )}
    </Shell>
  );
}

mount(AccountPage);
