import { useEffect, useState } from 'react';
import type { BodyOf } from '../../../../shared/api/routes.ts';
import type { RequestExportView } from '../../../../shared/api/schemas/analytics.ts';
import { call } from '../api.ts';
import { dateTime } from '../format.ts';
import { subscribeLive } from '../live.ts';
import { format, useLocale } from '../i18n/index.ts';
import { requestsText } from '../i18n/requests/index.ts';
import { useText } from '../i18n/text.ts';
import { ErrorNotice } from '../components/Status.tsx';

const POLL_MS = 2000;

/** Exports what the list's filters find as CSV: built in the background, then a link that works for a short while. */
export default function RequestExport({ filters }: { filters: BodyOf<'createRequestExport'> }) {
  const t = useText(requestsText);
  const { locale } = useLocale();
  const [job, setJob] = useState<RequestExportView | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  // While it is built: follow it live, and ask now and then in case a message is missed.
  const pendingId = job?.status === 'pending' ? job.exportId : undefined;
  useEffect(() => {
    if (!pendingId) return undefined;
    const refresh = () => void call('getRequestExport', { params: { exportId: pendingId } }).then(setJob, setFailure);
    const timer = setInterval(refresh, POLL_MS);
    const stop = subscribeLive({ onMessage: (m) => m.type === 'export.ready' && m.exportId === pendingId && refresh(), onResync: refresh });
    return () => {
      clearInterval(timer);
      stop();
    };
  }, [pendingId]);

  const start = () => {
    setFailure(null);
    // What the list shows is what is exported: its order is not a filter, and the server leaves it out.
    call('createRequestExport', { body: filters }).then(setJob, setFailure);
  };

  return (
    <div className="flex flex-wrap items-center gap-3 text-sm" aria-live="polite">
      <button
        type="button"
        onClick={start}
        disabled={pendingId !== undefined}
        className="rounded border border-slate-300 bg-white px-4 py-1.5 hover:bg-slate-100 disabled:opacity-60"
      >
        {t.exports.button}
      </button>
      {pendingId && <span role="status">{t.exports.preparing}</span>}
      {job?.status === 'ready' && job.url && (
        <>
          <a href={job.url} className="font-medium text-brand-700 underline">
            {format(t.exports.ready, { count: String(job.rowCount ?? 0) })}
          </a>
          {job.urlExpiresAt && <span className="text-slate-600">{format(t.exports.linkNote, { time: dateTime(job.urlExpiresAt, locale) })}</span>}
        </>
      )}
      {job?.status === 'failed' && (
        <span role="alert" className="text-red-800">
          {format(t.exports.failed, { problem: job.problem ?? '' })}
        </span>
      )}
      {failure !== null && <ErrorNotice error={failure} />}
    </div>
  );
}
