import { useCallback, useRef } from 'react';

/**
 * Answers may arrive out of order (a slow one for the old filters after a fast one for the new):
 * call `begin()` as a load starts; the `isLatest` it returns stays true only until the next load
 * begins, so a late answer is dropped rather than shown over a newer one.
 */
export function useLatest() {
  const latest = useRef(0);
  return useCallback(() => {
    const mine = ++latest.current;
    return () => mine === latest.current;
  }, []);
}
