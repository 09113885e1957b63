import { useEffect, useState } from 'react';
import type { InvitationView } from '../../../../shared/api/schemas/identity.ts';
import { call } from '../api.ts';
import { ErrorNotice, Loading } from '../components/Status.tsx';
import { format, useLocale } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { peopleText } from '../i18n/people/index.ts';
import { useText } from '../i18n/text.ts';
import { dateTime } from '../format.ts';
import { DataTable } from '../components/TableScroll.tsx';
import { StatusChip } from '../components/ui.tsx';

/** The firm's invitations, newest first; a pending or expired one can be sent again with a fresh link, an unsent one (a firm's import) sent. */
export function InvitationsList({ version }: { version: number }) {
  const t = useText(commonText, peopleText);
  const { locale } = useLocale();
  const [items, setItems] = useState<InvitationView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    call('listInvitations', { query: { limit: 50 } })
      .then((page) => setItems(page.items))
      .catch(setError);
  }, [version]);

  const sendLabel = (i: InvitationView) => (i.status === 'unsent' ? t.invite.send : t.invite.resend);

  async function resend(invitation: InvitationView) {
    setNotice(null);
    setError(null);
    try {
      const updated = await call('resendInvitation', { params: { invitationId: invitation.invitationId } });
      setItems((all) => all?.map((i) => (i.invitationId === updated.invitationId ? updated : i)) ?? null);
      setNotice(format(invitation.status === 'unsent' ? t.invite.sent : t.invite.resent, { email: invitation.email }));
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section aria-labelledby="invitations-title" className="mt-8">
      <h2 id="invitations-title" className="mb-3 text-lg font-semibold">
        {t.invite.pending}
      </h2>
      <div aria-live="polite">
        {notice && <p className="mb-2 text-green-700">{notice}</p>}
        {error !== null && <ErrorNotice error={error} />}
      </div>
      {items === null && error === null ? (
        <Loading />
      ) : items?.length === 0 ? (
        <p className="text-slate-600">{t.invite.none}</p>
      ) : (
        <DataTable label={t.invite.pending} headers={[t.users.name, t.users.email, t.users.role, t.users.status, t.invite.sentAt, t.invite.expires, '']}>
          {items?.map((i) => (
            <tr key={i.invitationId} className="border-t border-slate-100">
              <td className="px-4 py-2">{i.name}</td>
              <td className="px-4 py-2">{i.email}</td>
              <td className="px-4 py-2">{t.roles[i.role]}</td>
              <td className="px-4 py-2">
                <StatusChip status={i.status}>{t.invite.statuses[i.status]}</StatusChip>
              </td>
              <td className="px-4 py-2">{dateTime(i.createdAt, locale)}</td>
              <td className="px-4 py-2">{i.status === 'pending' ? dateTime(i.expiresAt, locale) : '—'}</td>
              <td className="px-4 py-2">
                {i.status !== 'accepted' && i.status !== 'revoked' && (
                  <button type="button" onClick={() => void resend(i)} className="text-brand-700 underline" aria-label={`${sendLabel(i)}: ${i.email}`}>
                    {sendLabel(i)}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
