/**
 * A client's 360° page: the documents asked of the customer (open, or answered and withdrawn),
 * and for staff who organise documents, asking for one more by a date, or withdrawing one.
 */
import { useCallback, useState, type FormEvent } from 'react';
import type { DocumentRequestView } from '../../../../shared/api/schemas/documents.ts';
import { DOCUMENT_REQUEST_STATUSES, type DocumentRequestStatus } from '../../../../shared/domain/documents/requests.ts';
import { call } from '../api.ts';
import { DataTable } from '../components/TableScroll.tsx';
import { usePagedList } from '../components/usePagedList.tsx';
import { Button, CONTROL, StatusChip } from '../components/ui.tsx';
import { calendarDate } from '../format.ts';
import { format, useLocale } from '../i18n/index.ts';
import { documentsText } from '../i18n/documents/index.ts';
import { useText } from '../i18n/text.ts';

export function DocumentRequests({ customerId, canAsk }: { customerId: string; canAsk: boolean }) {
  const r = useText(documentsText).documents.requests;
  const { locale } = useLocale();
  const [status, setStatus] = useState<DocumentRequestStatus>('open');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fetchPage = useCallback(
    (cursor: string | undefined) => call('listDocumentRequests', { query: { limit: 50, cursor, customerId, status } }),
    [customerId, status],
  );
  const { items, reload, show } = usePagedList<DocumentRequestView>(fetchPage);

  async function attempt(work: () => Promise<unknown>) {
    setProblem(null);
    setBusy(true);
    try {
      await work();
      reload();
      return true;
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      return false;
    } finally {
      setBusy(false);
    }
  }

  function ask(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const note = String(data.get('note') ?? '').trim();
    void attempt(() =>
      call('createDocumentRequest', {
        body: { customerId, title: String(data.get('title') ?? ''), dueDate: String(data.get('dueDate') ?? ''), ...(note && { note }) },
      }),
    ).then((ok) => ok && form.reset());
  }

  return (
    <div>
      {canAsk && (
        <form onSubmit={ask} className="mb-4 grid gap-3 rounded bg-white p-4 shadow sm:grid-cols-[2fr_1fr]">
          <label className="text-sm font-medium">
            {r.what}
            <input name="title" required maxLength={200} className={CONTROL} placeholder={r.whatExample} />
          </label>
          <label className="text-sm font-medium">
            {r.dueBy}
            <input name="dueDate" type="date" required className={CONTROL} />
          </label>
          <label className="text-sm font-medium sm:col-span-2">
            {r.note}
            <textarea name="note" maxLength={2000} rows={2} className={CONTROL} />
          </label>
          <div>
            <Button type="submit" disabled={busy}>
              {r.ask}
            </Button>
          </div>
        </form>
      )}
      {problem && (
        <p role="alert" className="mb-2 text-sm text-red-700">
          {problem}
        </p>
      )}
      <label className="mb-2 block max-w-xs text-sm font-medium">
        {r.show}
        <select className={CONTROL} value={status} onChange={(e) => setStatus(e.currentTarget.value as DocumentRequestStatus)}>
          {DOCUMENT_REQUEST_STATUSES.map((s) => (
            <option key={s} value={s}>
              {r.statuses[s]}
            </option>
          ))}
        </select>
      </label>
      {show(r.empty[status], () => (
        <DataTable label={r.title} headers={[r.what, r.dueBy, r.fields.status, r.fields.askedBy, ...(canAsk && status === 'open' ? [r.fields.actions] : [])]}>
          {items.map((request) => (
            <tr key={request.documentRequestId} className="border-t border-slate-100">
              <td className="px-3 py-2">
                <bdi className="font-medium">{request.title}</bdi>
                {request.note && <div className="text-xs text-slate-600">{request.note}</div>}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{calendarDate(request.dueDate, locale)}</td>
              <td className="px-3 py-2">
                <StatusChip status={request.status}>{r.statuses[request.status]}</StatusChip>
                {request.remindersSent > 0 && <div className="text-xs text-slate-600">{format(r.reminders, { count: String(request.remindersSent) })}</div>}
              </td>
              <td className="px-3 py-2">
                <bdi>{request.requestedByName}</bdi>
              </td>
              {canAsk && status === 'open' && (
                <td className="px-3 py-2">
                  <Button
                    size="sm"
                    variant="secondary"
                    type="button"
                    disabled={busy}
                    aria-label={format(r.withdrawOne, { title: request.title })}
                    onClick={() => void attempt(() => call('cancelDocumentRequest', { params: { documentRequestId: request.documentRequestId } }))}
                  >
                    {r.withdraw}
                  </Button>
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      ))}
    </div>
  );
}
