/**
 * What every list shares: filters kept in the address (a view can be bookmarked or shared),
 * filters that apply once the reader pauses typing, and j/k to move between rows (Enter opens).
 */
import { useEffect, useRef, useState, type RefObject } from 'react';

const TYPING_PAUSE_MS = 300;

type Filters = Partial<Record<string, string>>;

function filtersInAddress(keys: readonly string[]): Filters {
  const params = new URLSearchParams(location.search);
  return Object.fromEntries(keys.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
}

/** Only what differs from the list's defaults goes in the address: an unfiltered list keeps a plain one. */
function keepInAddress(keys: readonly string[], filters: Filters, defaults: Filters) {
  const params = new URLSearchParams(location.search);
  for (const k of keys) {
    const value = filters[k];
    if (value && value !== defaults[k]) params.set(k, value);
    else params.delete(k);
  }
  const query = params.toString();
  history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
}

/** The list's filters, starting from the address (over `defaults`) and kept there as they change; `enabled` false keeps them out of it. */
export function useAddressFilters<F extends object>(keys: readonly (keyof F & string)[], defaults: F, enabled = true) {
  const [filters, setFilters] = useState<F>(() => (enabled ? { ...defaults, ...(filtersInAddress(keys) as Partial<F>) } : defaults));
  useEffect(() => {
    if (enabled) keepInAddress(keys, filters as Filters, defaults as Filters);
    // The keys are a constant of the list.
  }, [enabled, filters]);
  return [filters, setFilters] as const;
}

/** Runs the latest `work` once the reader has paused (typing in a filter, say). */
export function useTypingPause(): (work: () => void) => void {
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return (work) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(work, TYPING_PAUSE_MS);
  };
}

/** j and k move the focus between the rows' links (`data-row-link`) in `list`, unless the reader is typing; Enter opens the focused one. */
export function useRowKeys(list: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!list.current || (e.key !== 'j' && e.key !== 'k') || e.ctrlKey || e.metaKey || e.altKey) return;
      if ((e.target as HTMLElement).closest('input, textarea, select, [contenteditable]')) return;
      const links = [...list.current.querySelectorAll<HTMLAnchorElement>('a[data-row-link]')];
      if (!links.length) return;
      e.preventDefault();
      const at = links.indexOf(document.activeElement as HTMLAnchorElement);
      links[at === -1 ? 0 : Math.min(links.length - 1, Math.max(0, at + (e.key === 'j' ? 1 : -1)))]!.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [list]);
}
