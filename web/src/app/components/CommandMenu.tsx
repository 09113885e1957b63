/**
 * Ctrl/⌘-K for staff: jump to a page of the area, a request by its reference or title, or a
 * client by name. Arrow keys move, Enter opens, Escape closes. Loaded on first use.
 */
import { useEffect, useRef, useState } from 'react';
import type { Session } from '../../../../shared/api/schemas/user.ts';
import type { Area } from '../../../../shared/domain/identity/permissions.ts';
import { call } from '../api.ts';
import { clientHref } from '../customers/links.ts';
import { commonText } from '../i18n/common/index.ts';
import { useText } from '../i18n/text.ts';
import { navFor } from './navigation.ts';

interface Hit {
  group: 'pages' | 'requests' | 'clients';
  label: string;
  href: string;
}

const DEBOUNCE_MS = 200;

export default function CommandMenu({ area, session, onClose }: { area: Area; session: Session; onClose: () => void }) {
  const t = useText(commonText);
  const c = t.shell.command;
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Hit[]>([]);
  const [searching, setSearching] = useState(false);
  const [active, setActive] = useState(0);
  useEffect(() => input.current?.focus(), []);

  const words = query.trim().toLowerCase();
  const pages: Hit[] = navFor(area, session)
    .flatMap((g) => g.items)
    .map((i) => ({ group: 'pages' as const, label: i.label(t), href: i.href }))
    .filter((p) => !words || p.label.toLowerCase().includes(words));

  useEffect(() => {
    setFound([]);
    if (words.length < 2) return;
    setSearching(true);
    const timer = setTimeout(() => {
      const seesClients = session.permissions.some((p) => p.startsWith('customers.read'));
      void Promise.all([
        call('listRequests', { query: { q: words, limit: 5 } }).then((r) =>
          r.items.map((x) => ({ group: 'requests' as const, label: `${x.reference} · ${x.title}`, href: `/${area}/request/?id=${x.requestId}` })),
        ),
        seesClients
          ? call('listCustomers', { query: { q: words, limit: 5 } }).then((r) =>
              r.items.map((x) => ({ group: 'clients' as const, label: x.name, href: clientHref(area === 'admin' ? 'admin' : 'staff', x.customerId) })),
            )
          : [],
      ])
        .then(([requests, clients]) => current && setFound([...requests, ...clients]))
        .catch(() => current && setFound([]))
        .finally(() => current && setSearching(false));
    }, DEBOUNCE_MS);
    // Typing on: what was asked for the earlier words is not shown.
    let current = true;
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [words, area, session]);

  const hits = [...pages, ...found];
  useEffect(() => setActive(0), [query, found.length]);

  function onKey(e: React.KeyboardEvent) {
    // The field is the dialog's only stop: Tab stays in it.
    if (e.key === 'Tab') e.preventDefault();
    else if (e.key === 'Escape') onClose();
    else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => (hits.length ? (i + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length : 0));
    } else if (e.key === 'Enter' && hits[active]) location.assign(hits[active].href);
  }

  return (
    <div
      className="fixed inset-0 z-50 flex items-start justify-center bg-slate-900/40 p-4 pt-[12vh]"
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
    >
      <div role="dialog" aria-modal="true" aria-label={c.label} className="w-full max-w-xl rounded-lg bg-white p-3 shadow-xl" onKeyDown={onKey}>
        <input
          ref={input}
          role="combobox"
          aria-expanded="true"
          aria-controls="command-results"
          aria-activedescendant={hits[active] ? `command-${active}` : undefined}
          aria-label={c.label}
          placeholder={c.placeholder}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className="w-full rounded border border-slate-300 px-3 py-2"
        />
        <ul id="command-results" role="listbox" aria-label={c.label} className="mt-2 max-h-80 overflow-y-auto">
          {hits.map((hit, i) => (
            <li
              key={`${hit.group}-${hit.href}`}
              id={`command-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseEnter={() => setActive(i)}
              onClick={() => location.assign(hit.href)}
              className="flex cursor-pointer justify-between gap-3 rounded px-3 py-2 text-sm aria-selected:bg-brand-50 aria-selected:text-brand-700"
            >
              <span>{hit.label}</span>
              <span className="text-xs text-slate-600">{c[hit.group]}</span>
            </li>
          ))}
        </ul>
        <p role="status" className="px-3 py-1 text-sm text-slate-600">
          {searching ? c.searching : hits.length === 0 ? c.nothing : ''}
        </p>
      </div>
    </div>
  );
}
