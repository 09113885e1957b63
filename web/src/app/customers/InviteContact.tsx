import { useState, type FormEvent } from 'react';
import { CONTACT_ACCESS, type ContactAccess } from '../../../../shared/domain/customers/customers.ts';
import { Field } from '../components/Field.tsx';
import { LocaleOptions } from '../components/LocaleOptions.tsx';
import { FormOutcome } from '../components/Status.tsx';
import { useSubmission } from '../components/useSubmission.ts';
import { Button, CONTROL } from '../components/ui.tsx';
import { customersText } from '../i18n/customers/index.ts';
import { format, textFor, useLocale, type Locale } from '../i18n/index.ts';
import { useText } from '../i18n/text.ts';

export interface ContactInvitation {
  email: string;
  name: string;
  locale: Locale;
  contactAccess: ContactAccess;
}

/** Invites a contact into a customer in the language chosen, with what they will see: by the firm, or by the customer's primary contact. */
export function InviteContact({
  title,
  lead,
  send,
  onInvited,
}: {
  title: string;
  lead: string;
  send: (invitation: ContactInvitation) => Promise<{ email: string }>;
  onInvited: () => void;
}) {
  const t = useText(customersText);
  const i = t.client.invite;
  const { locale } = useLocale();
  const { busy, errors, failure, notice, setNotice, run } = useSubmission((f) => textFor(i, f) ?? f);
  const [access, setAccess] = useState<ContactAccess>('own');

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const text = (k: string) => String(data.get(k) ?? '').trim();
    await run(async () => {
      const invitation = await send({ email: text('email'), name: text('name'), locale: text('locale') as Locale, contactAccess: access });
      setNotice(format(i.sent, { email: invitation.email }));
      form.reset();
      onInvited();
    });
  }

  return (
    <section aria-labelledby="invite-contact" className="mt-6 border-t border-slate-200 pt-6">
      <h3 id="invite-contact" className="font-semibold">
        {title}
      </h3>
      <p className="mb-4 text-sm text-slate-600">{lead}</p>
      <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-start">
        <Field label={i.email} name="email" type="email" autoComplete="off" required error={errors.email} />
        <Field label={i.name} name="name" autoComplete="off" required error={errors.name} />
        <label className="block text-sm font-medium">
          {i.language}
          <select name="locale" defaultValue={locale} className={CONTROL}>
            <LocaleOptions />
          </select>
        </label>
        <label className="block text-sm font-medium">
          {i.access}
          <select name="contactAccess" value={access} onChange={(e) => setAccess(e.currentTarget.value as ContactAccess)} className={CONTROL}>
            {CONTACT_ACCESS.map((a) => (
              <option key={a} value={a}>
                {t.client.contacts.levels[a]}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" disabled={busy} className="self-end">
          {busy ? i.sending : i.submit}
        </Button>
      </form>
      <FormOutcome notice={notice} failure={failure} />
    </section>
  );
}
