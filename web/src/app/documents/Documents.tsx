/**
 * A customer's documents: drop or choose files to upload (each hashed, sent straight to
 * storage with its progress, then followed until its malware check ends), and the list of
 * those the reader may see, each downloadable once available.
 */
import { Download, Pause, Play, X } from 'lucide-react';
import { lazy, Suspense, useCallback, useRef, useState, type DragEvent, type FormEvent } from 'react';
import type { DocumentView, FolderView } from '../../../../shared/api/schemas/documents.ts';
import { ROOT_FOLDER } from '../../../../shared/domain/documents/documents.ts';
import { extensionOf, FILE_KIND_NAMES, MAX_FILE_BYTES, type FileKind } from '../../../../shared/domain/documents/files.ts';
import { call } from '../api.ts';
import { dateTime } from '../format.ts';
import { format, useLocale } from '../i18n/index.ts';
import { documentsText } from '../i18n/documents/index.ts';
import { useText } from '../i18n/text.ts';
import { usePagedList } from '../components/usePagedList.tsx';
import { DataTable } from '../components/TableScroll.tsx';
import { Button, StatusChip } from '../components/ui.tsx';
import { Folders, useFolderInAddress } from './Folders.tsx';
import { sizeText } from './size.ts';
import { isMultipart } from '../../../../shared/domain/documents/multipart.ts';
import { Transfer, uploadFile, type UploadState } from './upload.ts';

interface Upload {
  key: number;
  name: string;
  /** Pauses (a file sent in parts), resumes or cancels it. */
  transfer: Transfer;
  inParts: boolean;
  state: UploadState;
  progress: number;
  message?: string;
}

/** What a search asks: the start of a name, a kind of file, the dates added between. */
type Search = { q?: string; kind?: FileKind; from?: string; to?: string; tag?: string };
const FIELD = 'ms-1 rounded border border-slate-300 px-2 py-1';

// Only someone who asks for a zip (or follows a notice's link to one) loads it.
const ZipDownload = lazy(() => import('./ZipDownload.tsx'));
/** A zip a notice links to. */
const ZIP_IN_ADDRESS = new URLSearchParams(location.search).get('zip') ?? undefined;

/** The area this list is shown in, for links to a document's page there. */
const AREA = location.pathname.split('/')[1] || 'portal';

export function Documents({ customerId, canUpload, canOrganise = false }: { customerId?: string; canUpload: boolean; canOrganise?: boolean }) {
  const t = useText(documentsText);
  const d = t.documents;
  const { locale } = useLocale();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const [downloadProblem, setDownloadProblem] = useState<string | null>(null);
  const [folderId, openFolder] = useFolderInAddress();
  const inFolder = folderId === ROOT_FOLDER ? {} : { folderId };
  // Where a document here can be moved: one level up, or into a folder here.
  const [moves, setMoves] = useState<{ folders: FolderView[]; parentId: string | undefined }>({ folders: [], parentId: undefined });
  const onFoldersLoaded = useCallback((folders: FolderView[], parentId: string | undefined) => setMoves({ folders, parentId }), []);
  const input = useRef<HTMLInputElement>(null);
  const nextKey = useRef(0);
  // A search looks in every folder; none: the folder open.
  const [search, setSearch] = useState<Search | null>(null);
  const [zip, setZip] = useState<{ zipId?: string; ask?: { customerId?: string; folderId?: string } } | null>(
    ZIP_IN_ADDRESS ? { zipId: ZIP_IN_ADDRESS } : null,
  );
  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      call('listDocuments', {
        query: { limit: 50, cursor, ...(customerId && { customerId }), ...(search ?? (folderId !== ROOT_FOLDER && { folderId })) },
      }),
    [customerId, folderId, search],
  );
  function onSearch(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const asked = Object.fromEntries(
      ['q', 'tag', 'kind', 'from', 'to'].flatMap((field) => (String(data.get(field) ?? '').trim() ? [[field, String(data.get(field)).trim()]] : [])),
    );
    setSearch(Object.keys(asked).length ? (asked as Search) : null);
  }
  const { items, reload, show } = usePagedList<DocumentView>(fetchPage);
  const update = (key: number, change: Partial<Upload>) => setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...change } : u)));

  /** What the page can tell before asking: the server checks the same, and more. */
  const problemOf = (file: File) => (file.size === 0 ? d.emptyFile : file.size > MAX_FILE_BYTES ? d.tooBig : !extensionOf(file.name) ? d.wrongType : undefined);

  async function uploadOne(file: File, { key, transfer }: Upload) {
    const target = { ...(customerId && { customerId }), ...inFolder };
    await uploadFile(
      file,
      target,
      // A paused upload stays shown paused while its part is cut short.
      (change) => update(key, transfer.paused && change.state === 'sending' ? { ...change, state: 'paused' } : change),
      { status: (status) => d.statuses[status], stillChecking: d.stillChecking },
      transfer,
    );
    reload();
  }

  function pause(upload: Upload) {
    upload.transfer.pause();
    update(upload.key, { state: 'paused' });
  }
  function resume(upload: Upload) {
    upload.transfer.resume();
    update(upload.key, { state: 'sending' });
  }

  function start(files: File[]) {
    // What the page can already refuse is shown refused; the rest is sent.
    const added = files.map((file) => {
      const problem = problemOf(file);
      const upload: Upload = {
        key: nextKey.current++,
        name: file.name,
        transfer: new Transfer(),
        inParts: isMultipart(file.size),
        state: problem ? 'failed' : 'preparing',
        progress: 0,
        ...(problem && { message: problem }),
      };
      return { file, upload };
    });
    setUploads((all) => [...added.map((a) => a.upload), ...all]);
    for (const { file, upload } of added) if (upload.state === 'preparing') void uploadOne(file, upload);
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    start([...e.dataTransfer.files]);
  };

  async function move(document: DocumentView, to: string) {
    setDownloadProblem(null);
    try {
      await call('updateDocument', { params: { documentId: document.documentId }, body: { folderId: to } });
      reload();
    } catch (error) {
      setDownloadProblem(error instanceof Error ? error.message : String(error));
    }
  }

  async function download(document: DocumentView) {
    setDownloadProblem(null);
    try {
      const { url } = await call('getDocumentDownload', { params: { documentId: document.documentId } });
      location.assign(url);
    } catch (error) {
      setDownloadProblem(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <div>
      <form
        role="search"
        aria-label={d.search.label}
        onSubmit={onSearch}
        onReset={() => setSearch(null)}
        className="mb-4 flex flex-wrap items-end gap-2 text-sm"
      >
        <label className="font-medium">
          {d.search.name}
          <input name="q" type="search" maxLength={100} className={FIELD} />
        </label>
        <label className="font-medium">
          {d.search.tag}
          <input name="tag" type="search" maxLength={40} className={FIELD} />
        </label>
        <label className="font-medium">
          {d.search.kind}
          <select name="kind" className={FIELD}>
            <option value="">{d.search.anyKind}</option>
            {FILE_KIND_NAMES.map((kind) => (
              <option key={kind} value={kind}>
                {d.search.kinds[kind]}
              </option>
            ))}
          </select>
        </label>
        <label className="font-medium">
          {d.search.from}
          <input name="from" type="date" className={FIELD} />
        </label>
        <label className="font-medium">
          {d.search.to}
          <input name="to" type="date" className={FIELD} />
        </label>
        <Button size="sm" type="submit">
          {d.search.find}
        </Button>
        {search && (
          <Button size="sm" variant="secondary" type="reset">
            {d.search.clear}
          </Button>
        )}
      </form>
      {search ? (
        <p role="status" className="mb-2 text-sm text-slate-700">
          {d.search.everyFolder}
        </p>
      ) : (
        <Folders customerId={customerId} folderId={folderId} open={openFolder} canOrganise={canOrganise} onLoaded={onFoldersLoaded} />
      )}
      <div className="mb-2 flex justify-end">
        <Button size="sm" variant="secondary" onClick={() => setZip({ ask: { ...(customerId && { customerId }), ...inFolder } })}>
          {d.zip.ask}
        </Button>
      </div>
      {zip && (
        <Suspense fallback={null}>
          <ZipDownload {...zip} />
        </Suspense>
      )}
      {canUpload && (
        <div
          role="group"
          aria-label={d.dropZone}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          className={`mb-4 rounded-lg border-2 border-dashed p-6 text-center ${dragging ? 'border-brand-600 bg-brand-50' : 'border-slate-300 bg-white'}`}
        >
          <input ref={input} type="file" multiple hidden onChange={(e) => (start([...(e.currentTarget.files ?? [])]), (e.currentTarget.value = ''))} />
          <button type="button" onClick={() => input.current?.click()} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
            {d.choose}
          </button>
          <p className="mt-2 text-sm text-slate-600">{d.dropHint}</p>
        </div>
      )}
      {uploads.length > 0 && (
        <ul aria-label={d.uploads} className="mb-4 space-y-2">
          {uploads.map((u) => (
            <li key={u.key} className="rounded bg-white p-3 shadow">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <bdi className="font-medium">{u.name}</bdi>
                <span className="flex items-center gap-2 text-sm text-slate-600">
                  {d.states[u.state]}
                  {(u.state === 'sending' || u.state === 'paused') && ` ${Math.round(u.progress * 100)}%`}
                  {u.inParts && u.state === 'sending' && (
                    <Button size="sm" variant="secondary" onClick={() => pause(u)} aria-label={format(d.transfer.pause, { name: u.name })}>
                      <Pause aria-hidden="true" className="h-4 w-4" />
                    </Button>
                  )}
                  {u.state === 'paused' && (
                    <Button size="sm" variant="secondary" onClick={() => resume(u)} aria-label={format(d.transfer.resume, { name: u.name })}>
                      <Play aria-hidden="true" className="h-4 w-4" />
                    </Button>
                  )}
                  {(u.state === 'preparing' || u.state === 'sending' || u.state === 'paused') && (
                    <Button size="sm" variant="secondary" onClick={() => u.transfer.cancel()} aria-label={format(d.transfer.cancel, { name: u.name })}>
                      <X aria-hidden="true" className="h-4 w-4" />
                    </Button>
                  )}
                </span>
              </div>
              {(u.state === 'sending' || u.state === 'preparing' || u.state === 'paused') && (
                <progress className="mt-2 w-full" max={1} value={u.progress} aria-label={d.states.sending} />
              )}
              {u.message && <p className={`mt-1 text-sm ${u.state === 'failed' ? 'text-red-700' : 'text-slate-600'}`}>{u.message}</p>}
            </li>
          ))}
        </ul>
      )}
      {downloadProblem && (
        <p role="alert" className="mb-2 text-sm text-red-700">
          {downloadProblem}
        </p>
      )}
      {show(d.empty, () => (
        <DataTable
          label={d.title}
          headers={[d.fields.name, d.fields.status, d.fields.size, d.fields.uploadedBy, d.fields.uploadedOn, ...(canOrganise ? [d.folders.move] : [])]}
        >
          {items.map((doc) => (
            <tr key={doc.documentId} className="border-t border-slate-100">
              <td className="px-3 py-2">
                <a
                  href={`/${AREA}/document/?id=${doc.documentId}`}
                  className="text-brand-700 underline"
                  aria-label={format(d.versions.open, { name: doc.name })}
                >
                  <bdi>{doc.name}</bdi>
                </a>
                {doc.status === 'available' && (
                  <button
                    type="button"
                    onClick={() => void download(doc)}
                    className="ms-2 align-middle text-slate-600 hover:text-brand-700"
                    aria-label={format(d.download, { name: doc.name })}
                  >
                    <Download aria-hidden="true" className="inline h-4 w-4" />
                  </button>
                )}
                {doc.tags.length > 0 && (
                  <span className="mt-1 flex flex-wrap gap-1">
                    {doc.tags.map((tag) => (
                      <button
                        key={tag}
                        type="button"
                        onClick={() => setSearch({ tag })}
                        aria-label={format(d.tags.searchBy, { tag })}
                        className="rounded-full bg-slate-100 px-2 text-xs text-slate-700 hover:bg-slate-200"
                      >
                        <bdi>{tag}</bdi>
                      </button>
                    ))}
                  </span>
                )}
              </td>
              <td className="px-3 py-2">
                <StatusChip status={doc.status}>{d.statuses[doc.status]}</StatusChip>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{sizeText(doc.size, locale)}</td>
              <td className="px-3 py-2">
                <bdi>{doc.uploadedByName}</bdi>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{dateTime(doc.createdAt, locale)}</td>
              {canOrganise && (
                <td className="px-3 py-2">
                  <select
                    aria-label={format(d.folders.moveOne, { name: doc.name })}
                    className="rounded border border-slate-300 px-2 py-1 text-sm"
                    value=""
                    onChange={(e) => void move(doc, e.currentTarget.value)}
                  >
                    <option value="">{d.folders.moveTo}</option>
                    {moves.parentId !== undefined && <option value={moves.parentId}>{d.folders.up}</option>}
                    {moves.folders.map((folder) => (
                      <option key={folder.folderId} value={folder.folderId}>
                        {folder.name}
                      </option>
                    ))}
                  </select>
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      ))}
    </div>
  );
}
