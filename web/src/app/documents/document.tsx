/**
 * One document (`/<area>/document/?id=`): download or preview it, send a new version, follow
 * its versions (staff revert to an earlier clean one), compare two text versions, and for
 * staff, its history: who uploaded, viewed, downloaded, moved or reverted it, from where.
 */
import { useCallback, useRef, useState } from 'react';
import type { ResponseOf } from '../../../../shared/api/routes.ts';
import type { Area } from '../../../../shared/domain/identity/permissions.ts';
import { PREVIEWABLE_MIME_TYPES, TEXT_MIME_TYPES } from '../../../../shared/domain/documents/files.ts';
import { call } from '../api.ts';
import { Shell } from '../components/Shell.tsx';
import { DataTable } from '../components/TableScroll.tsx';
import { useLoad } from '../components/useLoad.tsx';
import { Button, Card, CONTROL, PageHeader, StatusChip } from '../components/ui.tsx';
import { dateTime } from '../format.ts';
import { format, useLocale } from '../i18n/index.ts';
import { auditText } from '../i18n/audit/index.ts';
import { documentsText } from '../i18n/documents/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { Shares } from './Shares.tsx';
import { Tags } from './Tags.tsx';
import { clientHref } from '../customers/links.ts';
import { sizeText } from './size.ts';
import { uploadFile, type UploadProgress } from './upload.ts';

const area = (document.getElementById('app')?.dataset.area ?? 'portal') as Exclude<Area, 'account' | 'platform'>;
const documentId = new URLSearchParams(location.search).get('id') ?? '';

type Diff = ResponseOf<'compareDocumentVersions'>;
const DIFF_STYLE = { same: '', added: 'bg-green-50 text-green-900', removed: 'bg-red-50 text-red-900', folded: 'text-slate-500 italic' };
const DIFF_MARK = { same: ' ', added: '+', removed: '−', folded: '⋯' };

function DocumentPage({ staff }: { staff: boolean }) {
  const text = useText(documentsText, auditText);
  const t = text.documents;
  const v = t.versions;
  const { locale } = useLocale();
  const load = useCallback(() => call('getDocument', { params: { documentId } }), []);
  const { show, reload } = useLoad(load);
  const loadHistory = useCallback(
    () => (staff ? call('listDocumentHistory', { params: { documentId }, query: { limit: 50 } }) : Promise.resolve(null)),
    [staff],
  );
  const history = useLoad(loadHistory);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState<UploadProgress | null>(null);
  const [diff, setDiff] = useState<Diff | null>(null);
  const input = useRef<HTMLInputElement>(null);

  async function attempt(work: () => Promise<void>) {
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }
  const open = (operation: 'getDocumentDownload' | 'getDocumentPreview') =>
    attempt(async () => {
      const { url } = await call(operation, { params: { documentId } });
      if (operation === 'getDocumentPreview') window.open(url, '_blank', 'noopener');
      else location.assign(url);
      history.reload();
    });
  const remove = (d: { name: string; customerId: string }) =>
    confirm(format(v.confirmDelete, { name: d.name })) &&
    attempt(async () => {
      await call('deleteDocument', { params: { documentId } });
      // Back to the customer's page, whose documents no longer list it.
      location.assign(area === 'portal' ? '/portal/documents/' : clientHref(area, d.customerId));
    });
  const revert = (versionNo: number) =>
    attempt(async () => {
      await call('revertDocumentVersion', { params: { documentId, versionNo: String(versionNo) }, body: {} });
      reload();
      history.reload();
    });
  async function sendVersion(file: File) {
    setSending({ state: 'preparing', progress: 0 });
    await uploadFile(file, { documentId }, (change) => setSending((s) => ({ ...s, ...change })), {
      status: (s) => t.statuses[s],
      stillChecking: t.stillChecking,
    });
    reload();
    history.reload();
  }
  function compare(form: HTMLFormElement) {
    const data = new FormData(form);
    void attempt(async () =>
      setDiff(await call('compareDocumentVersions', { params: { documentId }, query: { from: Number(data.get('from')), to: Number(data.get('to')) } })),
    );
  }

  return show((d) => {
    const texts = d.versions.filter((x) => x.status === 'available' && TEXT_MIME_TYPES.includes(x.mimeType));
    return (
      <>
        <PageHeader
          title={<bdi>{d.name}</bdi>}
          lead={
            <>
              <StatusChip status={d.status}>{t.statuses[d.status]}</StatusChip> {sizeText(d.size, locale)} · {format(v.uploadedBy, { name: d.uploadedByName })}
            </>
          }
          actions={
            <>
              {d.status === 'available' && <Button onClick={() => void open('getDocumentDownload')}>{v.download}</Button>}
              {d.status === 'available' && PREVIEWABLE_MIME_TYPES.includes(d.mimeType) && (
                <Button variant="secondary" onClick={() => void open('getDocumentPreview')}>
                  {v.preview}
                </Button>
              )}
              <Button variant="secondary" onClick={() => input.current?.click()}>
                {v.newVersion}
              </Button>
              {staff && (
                <Button variant="danger" onClick={() => void remove(d)}>
                  {v.delete}
                </Button>
              )}
            </>
          }
        />
        <input
          ref={input}
          type="file"
          hidden
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void sendVersion(file);
            e.currentTarget.value = '';
          }}
        />
        {sending?.state && (
          <p role="status" className="mb-3 text-sm text-slate-700">
            {t.states[sending.state]}
            {sending.state === 'sending' && ` ${Math.round((sending.progress ?? 0) * 100)}%`}
            {sending.message && ` ${sending.message}`}
          </p>
        )}
        {problem && (
          <p role="alert" className="mb-3 text-sm text-red-700">
            {problem}
          </p>
        )}
        <Card aria-labelledby="versions-title" className="mb-6">
          <h2 id="versions-title" className="mb-3 text-lg font-semibold">
            {v.title}
          </h2>
          <ol className="space-y-3">
            {d.versions.map((x) => (
              <li key={x.versionNo} className="flex flex-wrap items-center gap-3 border-s-2 border-slate-200 ps-3">
                <div className="me-auto">
                  <div className="font-medium">
                    {format(v.version, { number: String(x.versionNo) })}
                    {x.versionNo === d.currentVersion && <span className="ms-2 text-sm text-green-800">{v.current}</span>}
                  </div>
                  <div className="text-sm text-slate-600">
                    {dateTime(x.createdAt, locale)} · <bdi>{x.uploadedByName}</bdi> · {sizeText(x.size, locale)} · {t.statuses[x.status]}
                  </div>
                  {x.changeSummary && <div className="text-sm">{x.changeSummary}</div>}
                </div>
                {staff && x.status === 'available' && x.versionNo !== d.currentVersion && (
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() => void revert(x.versionNo)}
                    aria-label={format(v.revertTo, { number: String(x.versionNo) })}
                  >
                    {v.revert}
                  </Button>
                )}
              </li>
            ))}
          </ol>
        </Card>
        <Tags documentId={documentId} tags={d.tags} mayChange={staff} onSaved={reload} />
        {staff && d.status === 'available' && d.accessLevel !== 'internal' && <Shares documentId={documentId} />}
        {texts.length > 1 && (
          <Card aria-labelledby="compare-title" className="mb-6">
            <h2 id="compare-title" className="mb-3 text-lg font-semibold">
              {v.compare}
            </h2>
            <form
              className="mb-3 flex flex-wrap items-end gap-3"
              onSubmit={(e) => {
                e.preventDefault();
                compare(e.currentTarget);
              }}
            >
              {(['from', 'to'] as const).map((side, i) => (
                <label key={side} className="text-sm font-medium">
                  {v[side]}
                  <select name={side} className={CONTROL} defaultValue={String(texts[texts.length > 1 ? 1 - i : 0]!.versionNo)}>
                    {texts.map((x) => (
                      <option key={x.versionNo} value={x.versionNo}>
                        {format(v.version, { number: String(x.versionNo) })}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
              <Button type="submit">{v.show}</Button>
            </form>
            {diff && (
              <>
                <p className="mb-2 text-sm" role="status">
                  {format(v.summary, { added: String(diff.added), removed: String(diff.removed) })}
                </p>
                <pre aria-label={v.changes} className="overflow-x-auto rounded border border-slate-200 text-sm">
                  {diff.lines.map((line, i) => (
                    <div key={i} className={DIFF_STYLE[line.change]}>
                      <span aria-hidden="true">{DIFF_MARK[line.change]} </span>
                      <span className="sr-only">{v.marks[line.change]} </span>
                      {line.change === 'folded' ? format(v.folded, { count: line.text }) : line.text}
                    </div>
                  ))}
                </pre>
              </>
            )}
          </Card>
        )}
        {staff &&
          history.show((h) => (
            <Card aria-labelledby="history-title">
              <h2 id="history-title" className="mb-3 text-lg font-semibold">
                {v.history}
              </h2>
              <DataTable label={v.history} headers={[v.when, v.who, v.what, v.from_]}>
                {h!.items.map((entry, i) => (
                  <tr key={i} className="border-t border-slate-100">
                    <td className="px-3 py-2 whitespace-nowrap">{dateTime(entry.at, locale)}</td>
                    <td className="px-3 py-2">
                      <bdi>{entry.actorName ?? entry.actorRole}</bdi>
                    </td>
                    <td className="px-3 py-2">{text.audit.actions[entry.action as keyof typeof text.audit.actions] ?? entry.action}</td>
                    <td className="px-3 py-2 text-xs text-slate-600">{[entry.ip, entry.userAgent].filter(Boolean).join(' · ')}</td>
                  </tr>
                ))}
              </DataTable>
            </Card>
          ))}
      </>
    );
  });
}

mount(() => <Shell area={area}>{(session) => <DocumentPage staff={session.permissions.includes('documents.organise')} />}</Shell>);
