/**
 * The quarantine console (`/admin/documents/`): files the malware scan holds back, by status
 * (quarantined, could not be checked, not the type their name says), newest first. An admin
 * discards one (its file is removed), or has one that could not be checked scanned again.
 * Nothing here can be downloaded: the bucket refuses any file not scanned clean.
 */
import { useCallback, useState } from 'react';
import type { HeldVersionView } from '../../../../shared/api/schemas/documents.ts';
import { HELD_STATUSES } from '../../../../shared/domain/documents/scans.ts';
import { call } from '../api.ts';
import { Shell } from '../components/Shell.tsx';
import { DataTable } from '../components/TableScroll.tsx';
import { usePagedList } from '../components/usePagedList.tsx';
import { Button, CONTROL, PageHeader, StatusChip } from '../components/ui.tsx';
import { dateTime } from '../format.ts';
import { format, useLocale } from '../i18n/index.ts';
import { documentsText } from '../i18n/documents/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { sizeText } from './size.ts';

type Held = (typeof HELD_STATUSES)[number];

function Quarantine() {
  const t = useText(documentsText);
  const q = t.documents.quarantine;
  const { locale } = useLocale();
  const [status, setStatus] = useState<Held>('quarantined');
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const fetchPage = useCallback((cursor: string | undefined) => call('listHeldDocumentVersions', { query: { limit: 50, cursor, status } }), [status]);
  const { items, reload, show } = usePagedList<HeldVersionView>(fetchPage);

  async function act(v: HeldVersionView, action: 'discard' | 'rescan') {
    if (action === 'discard' && !confirm(format(q.confirmDiscard, { name: v.name }))) return;
    const key = `${v.documentId}/${v.versionNo}`;
    setBusy(key);
    setMessage(null);
    try {
      const params = { documentId: v.documentId, versionNo: String(v.versionNo) };
      await call(action === 'discard' ? 'discardDocumentVersion' : 'rescanDocumentVersion', { params });
      setMessage({ text: format(action === 'discard' ? q.discarded : q.rescanning, { name: v.name }), failed: false });
      reload();
    } catch (error) {
      setMessage({ text: error instanceof Error ? error.message : String(error), failed: true });
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <PageHeader title={q.title} lead={q.lead} />
      <label className="mb-4 block max-w-xs text-sm font-medium">
        {q.show}
        <select className={CONTROL} value={status} onChange={(e) => setStatus(e.currentTarget.value as Held)}>
          {HELD_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t.documents.statuses[s]}
            </option>
          ))}
        </select>
      </label>
      {message && (
        <p role={message.failed ? 'alert' : 'status'} className={`mb-3 text-sm ${message.failed ? 'text-red-700' : 'text-green-800'}`}>
          {message.text}
        </p>
      )}
      {show(q.empty[status], () => (
        <DataTable label={q.title} headers={[q.fields.file, q.fields.client, q.fields.finding, q.fields.uploadedBy, q.fields.uploadedOn, q.fields.actions]}>
          {items.map((v) => {
            const key = `${v.documentId}/${v.versionNo}`;
            return (
              <tr key={key} className="border-t border-slate-100 align-top">
                <td className="px-3 py-2">
                  <bdi className="font-medium">{v.name}</bdi>
                  <div className="text-xs text-slate-600">
                    {format(q.version, { number: String(v.versionNo) })} · {sizeText(v.size, locale)}
                  </div>
                </td>
                <td className="px-3 py-2">
                  <a className="text-brand-700 underline" href={`/admin/clients/view/?id=${encodeURIComponent(v.customerId)}`}>
                    <bdi>{v.customerName || v.customerId}</bdi>
                  </a>
                </td>
                <td className="px-3 py-2">
                  <StatusChip status={v.status}>{t.documents.statuses[v.status]}</StatusChip>
                  {v.threats && <div className="mt-1 text-xs text-slate-700">{v.threats.join(', ')}</div>}
                  {v.status === 'unscannable' && <div className="mt-1 text-xs text-slate-600">{format(q.attempts, { count: String(v.scanFailures) })}</div>}
                </td>
                <td className="px-3 py-2">
                  <bdi>{v.uploadedByName}</bdi>
                </td>
                <td className="px-3 py-2 whitespace-nowrap">{dateTime(v.createdAt, locale)}</td>
                <td className="px-3 py-2">
                  <div className="flex flex-wrap gap-2">
                    {v.status === 'unscannable' && (
                      <Button
                        variant="secondary"
                        type="button"
                        disabled={busy === key}
                        onClick={() => void act(v, 'rescan')}
                        aria-label={format(q.rescanOne, { name: v.name })}
                      >
                        {q.rescan}
                      </Button>
                    )}
                    <Button
                      variant="danger"
                      type="button"
                      disabled={busy === key}
                      onClick={() => void act(v, 'discard')}
                      aria-label={format(q.discardOne, { name: v.name })}
                    >
                      {q.discard}
                    </Button>
                  </div>
                </td>
              </tr>
            );
          })}
        </DataTable>
      ))}
    </>
  );
}

mount(() => <Shell area="admin">{() => <Quarantine />}</Shell>);
