/**
 * Where the reader is in a customer's folders: the breadcrumb back to the top, the folders
 * inside this one to open, and for staff who organise, a new folder here and renaming or
 * removing one. The folder open is kept in the address (`folder=`), so Back and links work.
 */
import { Folder as FolderIcon } from 'lucide-react';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { FolderView } from '../../../../shared/api/schemas/documents.ts';
import { ROOT_FOLDER } from '../../../../shared/domain/documents/documents.ts';
import { call } from '../api.ts';
import { useLoad } from '../components/useLoad.tsx';
import { Button } from '../components/ui.tsx';
import { format } from '../i18n/index.ts';
import { documentsText } from '../i18n/documents/index.ts';
import { useText } from '../i18n/text.ts';

/** The folder in the address, and a way to open another (a new history entry). */
export function useFolderInAddress(): [string, (folderId: string) => void] {
  const inAddress = () => new URLSearchParams(location.search).get('folder') ?? ROOT_FOLDER;
  const [folderId, setFolderId] = useState(inAddress);
  useEffect(() => {
    const back = () => setFolderId(inAddress());
    addEventListener('popstate', back);
    return () => removeEventListener('popstate', back);
  }, []);
  const open = useCallback((next: string) => {
    const url = new URL(location.href);
    if (next === ROOT_FOLDER) url.searchParams.delete('folder');
    else url.searchParams.set('folder', next);
    history.pushState(null, '', url);
    setFolderId(next);
  }, []);
  return [folderId, open];
}

export function Folders(props: {
  customerId?: string | undefined;
  folderId: string;
  open: (folderId: string) => void;
  canOrganise: boolean;
  /** The subfolders, for moving documents into them. */
  onLoaded: (folders: FolderView[], parentId: string | undefined) => void;
}) {
  const { customerId, folderId, open, canOrganise, onLoaded } = props;
  const f = useText(documentsText).documents.folders;
  const [name, setName] = useState('');
  const [internal, setInternal] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const load = useCallback(async () => {
    const listing = await call('listDocumentFolders', {
      query: { ...(customerId && { customerId }), ...(folderId !== ROOT_FOLDER && { parentId: folderId }) },
    });
    onLoaded(listing.items, listing.breadcrumbs.at(-2)?.folderId ?? (listing.breadcrumbs.length ? ROOT_FOLDER : undefined));
    return listing;
  }, [customerId, folderId, onLoaded]);
  const { show, reload } = useLoad(load);

  async function attempt(action: () => Promise<unknown>) {
    setProblem(null);
    try {
      await action();
      reload();
      return true;
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      return false;
    }
  }

  async function create(e: FormEvent) {
    e.preventDefault();
    const parentId = folderId === ROOT_FOLDER ? {} : { parentId: folderId };
    if (await attempt(() => call('createDocumentFolder', { body: { customerId, ...parentId, name: name.trim(), internal } }))) setName('');
  }

  const rename = (folder: FolderView) => {
    const next = prompt(f.renamePrompt, folder.name)?.trim();
    if (next && next !== folder.name) void attempt(() => call('updateDocumentFolder', { params: { folderId: folder.folderId }, body: { name: next } }));
  };
  // Into a folder beside it, or one level up (with all it holds).
  const moveTo = (folder: FolderView, parentId: string) =>
    parentId && void attempt(() => call('updateDocumentFolder', { params: { folderId: folder.folderId }, body: { parentId } }));
  const remove = (folder: FolderView) => {
    if (confirm(format(f.confirmRemove, { name: folder.name }))) void attempt(() => call('deleteDocumentFolder', { params: { folderId: folder.folderId } }));
  };

  return show((listing) => (
    <div className="mb-4">
      <nav aria-label={f.path} className="mb-2 text-sm">
        <ol className="flex flex-wrap items-center gap-1">
          {[{ folderId: ROOT_FOLDER, name: f.top }, ...listing.breadcrumbs].map((crumb, i, all) => (
            <li key={crumb.folderId} className="flex items-center gap-1">
              {i > 0 && <span aria-hidden="true">›</span>}
              {i === all.length - 1 ? (
                <span aria-current="page" className="font-medium">
                  <bdi>{crumb.name}</bdi>
                </span>
              ) : (
                <button type="button" className="text-brand-700 underline" onClick={() => open(crumb.folderId)}>
                  <bdi>{crumb.name}</bdi>
                </button>
              )}
            </li>
          ))}
        </ol>
      </nav>
      {listing.items.length > 0 && (
        <ul aria-label={f.here} className="mb-2 divide-y divide-slate-100 rounded bg-white shadow">
          {listing.items.map((folder) => (
            <li key={folder.folderId} className="flex flex-wrap items-center gap-2 px-3 py-2">
              <button type="button" className="me-auto text-start font-medium text-brand-700 underline" onClick={() => open(folder.folderId)}>
                <FolderIcon aria-hidden="true" className="me-1 inline h-4 w-4" />

                <bdi>{folder.name}</bdi>
                {folder.internal && <span className="ms-2 text-xs text-slate-600">{f.internal}</span>}
              </button>
              {canOrganise && (
                <>
                  <Button size="sm" variant="secondary" type="button" onClick={() => rename(folder)} aria-label={format(f.renameOne, { name: folder.name })}>
                    {f.rename}
                  </Button>
                  <select
                    aria-label={format(f.moveOne, { name: folder.name })}
                    className="rounded border border-slate-300 px-2 py-1 text-sm"
                    value=""
                    onChange={(e) => moveTo(folder, e.currentTarget.value)}
                  >
                    <option value="">{f.moveTo}</option>
                    {listing.breadcrumbs.length > 0 && <option value={listing.breadcrumbs.at(-2)?.folderId ?? ROOT_FOLDER}>{f.up}</option>}
                    {listing.items
                      .filter((other) => other.folderId !== folder.folderId)
                      .map((other) => (
                        <option key={other.folderId} value={other.folderId}>
                          {other.name}
                        </option>
                      ))}
                  </select>
                  <Button size="sm" variant="secondary" type="button" onClick={() => remove(folder)} aria-label={format(f.removeOne, { name: folder.name })}>
                    {f.remove}
                  </Button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {canOrganise && (
        <form onSubmit={(e) => void create(e)} className="flex flex-wrap items-end gap-2">
          <label className="text-sm font-medium">
            {f.newName}
            <input
              className="ms-2 rounded border border-slate-300 px-2 py-1"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              maxLength={100}
            />
          </label>
          <label className="text-sm">
            <input type="checkbox" className="me-1" checked={internal} onChange={(e) => setInternal(e.currentTarget.checked)} />
            {f.staffOnly}
          </label>
          <Button size="sm" type="submit">
            {f.create}
          </Button>
        </form>
      )}
      {problem && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {problem}
        </p>
      )}
    </div>
  ));
}
