/** A document's share links (staff, on its page): share it with someone outside the portal for a few days, see each link's uses, revoke one. */
import { useCallback, useState, type FormEvent } from 'react';
import { MAX_SHARE_DAYS, MIN_SHARE_DAYS } from '../../../../shared/domain/documents/shares.ts';
import { call } from '../api.ts';
import { DataTable } from '../components/TableScroll.tsx';
import { useLoad } from '../components/useLoad.tsx';
import { Button, Card, CONTROL, StatusChip } from '../components/ui.tsx';
import { dateTime } from '../format.ts';
import { format, useLocale } from '../i18n/index.ts';
import { documentsText } from '../i18n/documents/index.ts';
import { useText } from '../i18n/text.ts';

export function Shares({ documentId }: { documentId: string }) {
  const s = useText(documentsText).documents.shares;
  const { locale } = useLocale();
  const load = useCallback(() => call('listDocumentShares', { params: { documentId } }), [documentId]);
  const { show, reload } = useLoad(load);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function attempt(work: () => Promise<unknown>) {
    setBusy(true);
    setProblem(null);
    try {
      await work();
      reload();
      return true;
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  }
  function share(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const body = { email: String(data.get('email') ?? ''), days: Number(data.get('days')), requireCode: data.has('requireCode') };
    void attempt(() => call('createDocumentShare', { params: { documentId }, body })).then((ok) => ok && form.reset());
  }

  return (
    <Card aria-labelledby="shares-title" className="mb-6">
      <h2 id="shares-title" className="mb-1 text-lg font-semibold">
        {s.title}
      </h2>
      <p className="mb-3 text-sm text-slate-600">{s.lead}</p>
      <form onSubmit={share} className="mb-4 flex flex-wrap items-end gap-3">
        <label className="text-sm font-medium">
          {s.email}
          <input name="email" type="email" required maxLength={254} className={CONTROL} />
        </label>
        <label className="text-sm font-medium">
          {s.days}
          <input name="days" type="number" min={MIN_SHARE_DAYS} max={MAX_SHARE_DAYS} defaultValue={7} required className={`${CONTROL} w-24`} />
        </label>
        <label className="text-sm">
          <input type="checkbox" name="requireCode" defaultChecked className="me-1" />
          {s.requireCode}
        </label>
        <Button type="submit" disabled={busy}>
          {s.share}
        </Button>
      </form>
      {problem && (
        <p role="alert" className="mb-2 text-sm text-red-700">
          {problem}
        </p>
      )}
      {show(({ items }) =>
        items.length === 0 ? (
          <p className="text-sm text-slate-600">{s.empty}</p>
        ) : (
          <DataTable label={s.title} headers={[s.recipient, s.until, s.status, s.uses, s.actions]}>
            {items.map((link) => (
              <tr key={link.shareId} className="border-t border-slate-100">
                <td className="px-3 py-2">
                  <bdi>{link.recipientEmail}</bdi>
                  {link.requireCode && <div className="text-xs text-slate-600">{s.withCode}</div>}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">{dateTime(link.validUntil, locale)}</td>
                <td className="px-3 py-2">
                  <StatusChip status={link.status === 'active' ? 'available' : link.status}>{s.statuses[link.status]}</StatusChip>
                </td>
                <td className="px-3 py-2">{link.uses}</td>
                <td className="px-3 py-2">
                  {link.status === 'active' && (
                    <Button
                      size="sm"
                      variant="secondary"
                      disabled={busy}
                      aria-label={format(s.revokeOne, { email: link.recipientEmail })}
                      onClick={() => void attempt(() => call('revokeDocumentShare', { params: { documentId, shareId: link.shareId } }))}
                    >
                      {s.revoke}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        ),
      )}
    </Card>
  );
}
