import { startTransition, useCallback, useEffect, useState, type ReactNode } from 'react';
import { commonText } from '../i18n/common/index.ts';
import { useText } from '../i18n/text.ts';
import { ErrorNotice, Loading } from './Status.tsx';
import { Button } from './ui.tsx';
import { useLatest } from './useLatest.ts';

type Page<T> = { items: T[]; nextCursor: string | null };

/** How many pages in a row may come back empty before the list shows what it has (and "Load more"). */
const EMPTY_PAGES_READ_ON = 10;

/**
 * A cursor-paginated list: the first page on mount (and whenever `fetchPage` changes, e.g. new
 * filters), more on demand, with loading and error states. `reload` starts over; `show` renders
 * the error (with retry), loading, the empty message or the content, and "more".
 */
export function usePagedList<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>) {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'more'>('loading');
  const [error, setError] = useState<unknown>(null);
  const begin = useLatest();

  const load = useCallback(
    async (from: string | null) => {
      const isLatest = begin();
      setError(null);
      setState(from ? 'more' : 'loading');
      try {
        // A filtered page may hold no match while more may follow (one Query a page): read on, a few pages at most.
        let page = await fetchPage(from ?? undefined);
        for (let more = 1; page.items.length === 0 && page.nextCursor && more < EMPTY_PAGES_READ_ON; more++) {
          if (!isLatest()) return;
          page = await fetchPage(page.nextCursor);
        }
        if (!isLatest()) return;
        // A page of rows renders in slices, so the reader's typing and clicks are never held up.
        startTransition(() => {
          setItems((prev) => (from ? [...prev, ...page.items] : page.items));
          setCursor(page.nextCursor);
          setState('ready');
        });
      } catch (e) {
        if (!isLatest()) return;
        setError(e);
        setState('ready');
      }
    },
    [fetchPage, begin],
  );
  useEffect(() => void load(null), [load]);

  const reload = useCallback(() => void load(null), [load]);
  const more = state !== 'loading' && cursor ? <LoadMore busy={state === 'more'} onMore={() => void load(cursor)} /> : null;
  const t = useText(commonText);
  const show = (empty: string, content: () => ReactNode) => (
    <>
      {error !== null && <ErrorNotice error={error} onRetry={reload} />}
      {state === 'loading' ? <Loading /> : items.length === 0 && error === null ? <p className="text-slate-600">{cursor ? t.noneYet : empty}</p> : content()}
      {more}
    </>
  );
  return { items, state, error, reload, more, show };
}

function LoadMore({ busy, onMore }: { busy: boolean; onMore: () => void }) {
  const t = useText(commonText);
  return (
    <Button variant="secondary" type="button" disabled={busy} onClick={onMore} className="mt-4">
      {busy ? t.loading : t.loadMore}
    </Button>
  );
}
