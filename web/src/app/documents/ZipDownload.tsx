/**
 * A folder as one zip: asked for (or, from a notice's link, one asked for before), followed
 * while it is built, then downloaded. Loaded only when someone asks, so a documents page
 * carries none of it otherwise.
 */
import { useEffect, useState } from 'react';
import type { ZipView } from '../../../../shared/api/schemas/documents.ts';
import { call } from '../api.ts';
import { ErrorNotice } from '../components/Status.tsx';
import { Button } from '../components/ui.tsx';
import { format } from '../i18n/index.ts';
import { documentsText } from '../i18n/documents/index.ts';
import { useText } from '../i18n/text.ts';

/** How often a zip being built is looked at. */
const FOLLOW_MS = 2000;

export default function ZipDownload({ zipId, ask }: { zipId?: string; ask?: { customerId?: string; folderId?: string } }) {
  const z = useText(documentsText).documents.zip;
  const [zip, setZip] = useState<ZipView | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const follow = async (id: string) => {
      const now = await call('getDocumentZip', { params: { zipId: id } });
      if (stopped) return;
      setZip(now);
      if (now.status === 'building') timer = setTimeout(() => void follow(id).catch(setFailure), FOLLOW_MS);
    };
    const begin = zipId ? follow(zipId) : call('requestDocumentZip', { body: ask ?? {} }).then((asked) => (setZip(asked), follow(asked.zipId)));
    begin.catch((error: unknown) => !stopped && setFailure(error));
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [zipId, ask]);

  async function download() {
    try {
      // A fresh link: each lasts five minutes.
      const { url } = await call('getDocumentZip', { params: { zipId: zip!.zipId } });
      if (url) location.assign(url);
    } catch (error) {
      setFailure(error);
    }
  }

  return (
    <section aria-label={z.title} className="mb-4 rounded-lg border border-slate-200 bg-white p-4">
      {failure !== null && <ErrorNotice error={failure} />}
      {failure === null && (!zip || zip.status === 'building') && (
        <div role="status">
          <p>{zip ? format(z.building, { name: zip.name }) : z.asking}</p>
          {zip?.total !== undefined && (
            <>
              <progress className="mt-2 w-full" max={zip.total} value={zip.added} aria-label={z.progressLabel} />
              <p className="text-sm text-slate-600">{format(z.progress, { added: String(zip.added), total: String(zip.total) })}</p>
            </>
          )}
          <p className="mt-1 text-sm text-slate-600">{z.leave}</p>
        </div>
      )}
      {zip?.status === 'ready' && (
        <div role="status" className="flex flex-wrap items-center gap-3">
          <p>{format(z.ready, { name: zip.name, files: String(zip.added) })}</p>
          <Button onClick={() => void download()}>{z.download}</Button>
        </div>
      )}
      {zip?.status === 'failed' && (
        <p role="alert" className="text-red-800">
          {format(z.failed, { name: zip.name })} {zip.problem}
        </p>
      )}
    </section>
  );
}
