/**
 * The client's home: the documents their firm asked them for, soonest due first, each with a
 * button to send the file for it. Once the file is scanned clean, the request is answered and
 * leaves the list. Nothing is shown when nothing is asked.
 */
import { useCallback, useRef, useState } from 'react';
import type { DocumentRequestView } from '../../../../shared/api/schemas/documents.ts';
import { call } from '../api.ts';
import { Card } from '../components/ui.tsx';
import { useLoad } from '../components/useLoad.tsx';
import { calendarDate } from '../format.ts';
import { format, useLocale } from '../i18n/index.ts';
import { documentsText } from '../i18n/documents/index.ts';
import { useText } from '../i18n/text.ts';
import { uploadFile, type UploadProgress } from './upload.ts';

export function AskedOfYou() {
  const t = useText(documentsText).documents;
  const r = t.requests;
  const { locale } = useLocale();
  const load = useCallback(() => call('listDocumentRequests', { query: { limit: 50 } }), []);
  const { data, reload } = useLoad(load);
  const [progress, setProgress] = useState<Record<string, UploadProgress>>({});
  const input = useRef<HTMLInputElement>(null);
  const answering = useRef<DocumentRequestView | null>(null);
  const today = new Date().toISOString().slice(0, 10);

  async function send(file: File, request: DocumentRequestView) {
    const report = (change: UploadProgress) =>
      setProgress((all) => ({ ...all, [request.documentRequestId]: { ...all[request.documentRequestId], ...change } }));
    report({ state: 'preparing', progress: 0 });
    await uploadFile(file, { documentRequestId: request.documentRequestId }, report, { status: (s) => t.statuses[s], stillChecking: t.stillChecking });
    reload();
  }

  if (!data?.items.length) return null;
  return (
    <Card aria-labelledby="asked-title" className="border-s-4 border-brand-600">
      <h2 id="asked-title" className="mb-3 text-lg font-semibold">
        {r.askedTitle}
      </h2>
      <input
        ref={input}
        type="file"
        hidden
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file && answering.current) void send(file, answering.current);
          e.currentTarget.value = '';
        }}
      />
      <ul className="divide-y divide-slate-100">
        {data.items.map((request) => {
          const sending = progress[request.documentRequestId];
          const overdue = request.dueDate < today;
          return (
            <li key={request.documentRequestId} className="flex flex-wrap items-center gap-3 py-3">
              <div className="me-auto">
                <bdi className="font-medium">{request.title}</bdi>
                <div className={`text-sm ${overdue ? 'text-red-700' : 'text-slate-600'}`}>
                  {format(overdue ? r.overdue : r.due, { date: calendarDate(request.dueDate, locale) })} ·{' '}
                  {format(r.askedBy, { name: request.requestedByName })}
                </div>
                {request.note && <p className="text-sm text-slate-700">{request.note}</p>}
                {sending?.state && (
                  <p role="status" className={`text-sm ${sending.state === 'failed' ? 'text-red-700' : 'text-slate-600'}`}>
                    {t.states[sending.state]}
                    {sending.state === 'sending' && ` ${Math.round((sending.progress ?? 0) * 100)}%`}
                    {sending.message && ` ${sending.message}`}
                  </p>
                )}
              </div>
              <button
                type="button"
                className="rounded bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
                disabled={sending?.state === 'preparing' || sending?.state === 'sending' || sending?.state === 'checking'}
                aria-label={format(r.sendFor, { title: request.title })}
                onClick={() => {
                  answering.current = request;
                  input.current?.click();
                }}
              >
                {r.send}
              </button>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
