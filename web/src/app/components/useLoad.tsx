import { startTransition, useCallback, useEffect, useState, type ReactNode } from 'react';
import { ErrorNotice, Loading } from './Status.tsx';
import { useLatest } from './useLatest.ts';

/**
 * One thing to load (a record, or a few calls at once) with its loading and error states and a
 * retry. Only the latest answer shows: an older one arriving late (say, for the previous id) is
 * dropped. `load` must keep its identity between renders (useCallback); a new one loads again.
 */
export function useLoad<T>(load: () => Promise<T>) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const begin = useLatest();

  const reload = useCallback(() => {
    const isLatest = begin();
    setError(null);
    setLoading(true);
    load().then(
      (answer) => {
        if (!isLatest()) return;
        // What arrived renders in slices, so the reader's typing and clicks are never held up.
        startTransition(() => {
          setData(answer);
          setLoading(false);
        });
      },
      (failure: unknown) => {
        if (!isLatest()) return;
        setError(failure);
        setLoading(false);
      },
    );
  }, [load, begin]);
  useEffect(reload, [reload]);

  /** The error (with a retry) or, until the first answer, the loading notice; then the content. */
  const show = (content: (data: T) => ReactNode, options: { inline?: boolean } = {}) => (
    <>
      {error !== null && <ErrorNotice error={error} onRetry={reload} />}
      {data === undefined ? loading && <Loading inline={options.inline} /> : content(data)}
    </>
  );
  return { data, setData, error, loading, reload, show };
}
