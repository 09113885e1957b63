import type { FormEvent } from 'react';
import { INVITABLE_ROLES } from '../../../../shared/api/schemas/invitable-roles.ts';
import { call } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { LocaleOptions } from '../components/LocaleOptions.tsx';
import { FormOutcome } from '../components/Status.tsx';
import { useSubmission } from '../components/useSubmission.ts';
import { format, type Locale, useLocale } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { peopleText } from '../i18n/people/index.ts';
import { useText } from '../i18n/text.ts';
import { Button, Card } from '../components/ui.tsx';

export function InviteForm({ onInvited }: { onInvited: () => void }) {
  const t = useText(commonText, peopleText);
  const { locale } = useLocale();
  const labels: Record<string, string> = { email: t.invite.email, name: t.invite.name, role: t.invite.role, locale: t.invite.language };
  const { busy, errors, failure, notice, setNotice, run } = useSubmission((f) => labels[f] ?? f);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const body = {
      email: String(data.get('email') ?? ''),
      name: String(data.get('name') ?? ''),
      role: String(data.get('role')) as (typeof INVITABLE_ROLES)[number],
      locale: String(data.get('locale')) as Locale,
    };
    await run(async () => {
      const invitation = await call('createInvitation', { body });
      setNotice(format(t.invite.sent, { email: invitation.email }));
      form.reset();
      onInvited();
    });
  }

  const select = 'mt-1 w-full rounded border border-slate-300 bg-white px-3 py-2';
  return (
    <Card aria-labelledby="invite-title" className="mb-8">
      <h2 id="invite-title" className="mb-4 text-lg font-semibold">
        {t.invite.title}
      </h2>
      <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-start">
        <Field label={t.invite.email} name="email" type="email" autoComplete="off" required error={errors.email} />
        <Field label={t.invite.name} name="name" autoComplete="off" required error={errors.name} />
        <div>
          <label htmlFor="invite-role" className="block text-sm font-medium">
            {t.invite.role}
          </label>
          <select id="invite-role" name="role" defaultValue="CLIENT" className={select}>
            {INVITABLE_ROLES.map((r) => (
              <option key={r} value={r}>
                {t.roles[r]}
              </option>
            ))}
          </select>
          {errors.role && <p className="mt-1 text-sm text-red-700">{errors.role}</p>}
        </div>
        <div>
          <label htmlFor="invite-locale" className="block text-sm font-medium">
            {t.invite.language}
          </label>
          <select id="invite-locale" name="locale" defaultValue={locale} className={select}>
            <LocaleOptions />
          </select>
        </div>
        <Button type="submit" disabled={busy} className="self-end">
          {busy ? t.invite.sending : t.invite.submit}
        </Button>
      </form>
      <FormOutcome notice={notice} failure={failure} />
    </Card>
  );
}
