import { useCallback, useEffect, useId } from 'react';
import type { FirmExportView } from '../../../../shared/api/schemas/firm-data.ts';
import { call } from '../api.ts';
import { FormOutcome } from '../components/Status.tsx';
import { Button, Card } from '../components/ui.tsx';
import { useLoad } from '../components/useLoad.tsx';
import { useSubmission } from '../components/useSubmission.ts';
import { sizeText } from '../documents/size.ts';
import { dateTime } from '../format.ts';
import { format, useLocale } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { settingsText } from '../i18n/settings/index.ts';
import { useText } from '../i18n/text.ts';

/** How often a list with an export still building is read again. */
const BUILDING_POLL_MS = 3000;

/**
 * Admin → Settings → Your firm's data (ADR 0038): all of the firm's records and files as one
 * download, built in the background. The firm's exports of the last day are listed, the one a
 * notification linked to (`?export=`) marked; the list is read again while one is building.
 */
export function FirmDataExport() {
  const t = useText(commonText, settingsText);
  const d = t.settings.data;
  const { locale } = useLocale();
  const id = useId();
  const linked = new URLSearchParams(location.search).get('export');
  const { data: exports, reload, show } = useLoad(useCallback(async () => (await call('listFirmExports')).items, []));
  const { busy, failure, notice, setNotice, run } = useSubmission(() => d.title);
  const building = exports?.some((e) => e.status === 'building') ?? false;

  useEffect(() => {
    if (!building) return;
    const timer = setInterval(reload, BUILDING_POLL_MS);
    return () => clearInterval(timer);
  }, [building, reload]);

  const ask = () =>
    void run(async () => {
      await call('requestFirmExport');
      setNotice(d.asked);
      reload();
    });

  const state = (e: FirmExportView) => {
    if (e.status === 'building') return <span role="status">{d.building}</span>;
    if (e.status === 'failed') return <span className="text-red-700">{e.problem ?? d.failed}</span>;
    return (
      <>
        {format(d.holds, { records: String(e.records ?? 0), files: String(e.files ?? 0), size: sizeText(e.bytes ?? 0, locale) })}{' '}
        <a href={e.url} className="font-medium text-brand-700 underline">
          {d.download}
        </a>
      </>
    );
  };

  return (
    <Card id="data" aria-labelledby={`${id}-title`} className="mb-8">
      <h2 id={`${id}-title`} className="mb-1 text-lg font-semibold">
        {d.title}
      </h2>
      <p className="mb-3 text-sm text-slate-600">{d.lead}</p>
      <FormOutcome notice={notice} failure={failure} />
      <Button type="button" onClick={ask} disabled={busy || building} className="mb-4">
        {busy ? d.asking : d.ask}
      </Button>
      {show((items) =>
        items.length === 0 ? (
          <p className="text-sm text-slate-600">{d.none}</p>
        ) : (
          <ul aria-label={d.listLabel} className="divide-y divide-slate-200 text-sm">
            {items.map((e) => (
              <li key={e.exportId} aria-current={e.exportId === linked || undefined} className="py-2 aria-[current]:bg-brand-50">
                <span className="block text-slate-700">
                  {format(d.askedBy, { name: e.requestedBy.name, when: dateTime(e.createdAt, locale) })} ·{' '}
                  {format(d.keptUntil, { when: dateTime(e.expiresAt, locale) })}
                </span>
                {state(e)}
              </li>
            ))}
          </ul>
        ),
      )}
    </Card>
  );
}
