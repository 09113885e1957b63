import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { RequestView } from '../../../../shared/api/schemas/request.ts';
import { PRIORITIES, REQUEST_STATUSES } from '../../../../shared/domain/requests/workflow.ts';
import { call } from '../api.ts';
import { dateTime } from '../format.ts';
import { subscribeLive } from '../live.ts';
import { format, useLocale } from '../i18n/index.ts';
import { requestsText } from '../i18n/requests/index.ts';
import { useText } from '../i18n/text.ts';
import { SavedViews, type ViewFilters } from '../views/SavedViews.tsx';
import { Loading } from '../components/Status.tsx';
import { usePagedList } from '../components/usePagedList.tsx';
import { DataTable } from '../components/TableScroll.tsx';
import { StatusChip } from '../components/ui.tsx';
import { Avatar } from '../components/Avatar.tsx';
import { clientHref } from '../customers/links.ts';
import { useAddressFilters, useRowKeys, useTypingPause } from '../components/list-controls.ts';

type Filters = ViewFilters;
/** Every filter a list keeps in its address. */
const FILTER_KEYS: (keyof Filters)[] = [
  'status',
  'priority',
  'serviceId',
  'assigneeId',
  'clientId',
  'from',
  'to',
  'deadlineFrom',
  'deadlineTo',
  'q',
  'open',
  'order',
];

// Only lists with bulk actions or exports download them.
const BulkActions = lazy(() => import('./BulkActions.tsx'));
const RequestExport = lazy(() => import('./RequestExport.tsx'));

/**
 * Requests the caller may see, newest first; staff see client and assignee. `filters` adds the
 * filter bar, `bulk` a checkbox per row and the actions on the selected ones, `exportable` the
 * CSV export of what the filters find.
 */
export function RequestList({
  area,
  filters: withFilters = false,
  bulk = false,
  exportable = false,
  customerId,
}: {
  area: 'portal' | 'staff' | 'admin';
  filters?: boolean;
  bulk?: boolean;
  exportable?: boolean;
  /** Only this customer's (its 360° page). */
  customerId?: string;
}) {
  const t = useText(requestsText);
  const { locale } = useLocale();
  // A list with a filter bar keeps its filters in the address: a bookmark or a shared link opens the same view.
  const [filters, setFilters] = useAddressFilters<Filters>(FILTER_KEYS, {}, withFilters);
  const [keptBulk, setKeptBulk] = useState(false);
  const listRef = useRef<HTMLElement>(null);
  const afterPause = useTypingPause();
  useRowKeys(listRef);
  // A saved view sets the filters; the form is drawn again to show them.
  const [shownFilters, setShownFilters] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const fetchPage = useCallback(
    (cursor: string | undefined) => call('listRequests', { query: { limit: 25, cursor, ...filters, ...(customerId && { customerId }) } }),
    [filters, customerId],
  );
  const { items, reload, show } = usePagedList<RequestView>(fetchPage);
  const toggle = (id: string, on: boolean) => setSelected((prev) => new Set([...prev].filter((x) => x !== id).concat(on ? [id] : [])));
  const allOn = items.length > 0 && items.every((r) => selected.has(r.requestId));
  // Only what is on screen is acted on: a reload or new filters may have taken a selected row away.
  const chosen = items.filter((r) => selected.has(r.requestId)).map((r) => r.requestId);
  // A request of mine changed somewhere (or the connection came back): show the list as it is now.
  useEffect(() => subscribeLive({ onMessage: (m) => m.type === 'request.changed' && reload(), onResync: reload }), [reload]);

  /** Filters apply as the reader types or picks, once they pause; filters the bar does not show (from a link) stay. */
  function onFilterInput(form: HTMLFormElement) {
    afterPause(() => {
      const data = new FormData(form);
      const value = (k: string) => String(data.get(k) ?? '').trim() || undefined;
      setFilters((current) => ({
        ...current,
        status: value('status') as Filters['status'],
        priority: value('priority') as Filters['priority'],
        q: value('q'),
        deadlineFrom: value('deadlineFrom'),
        deadlineTo: value('deadlineTo'),
        // Newest first is the default: left out, so that a view saved either way matches.
        order: value('order') === 'oldest' ? 'oldest' : undefined,
      }));
    });
  }
  const flipOrder = () => {
    setFilters((current) => ({ ...current, order: current.order === 'oldest' ? undefined : 'oldest' }));
    setShownFilters((n) => n + 1);
  };

  const staff = area !== 'portal';
  const control = 'mt-1 block rounded border border-slate-300 px-2 py-1';
  return (
    <section ref={listRef} aria-label={t.requests.listTitle}>
      {withFilters && (
        <SavedViews
          list="requests"
          current={filters}
          onApply={(view) => {
            setFilters(view);
            setShownFilters((n) => n + 1);
          }}
        />
      )}
      {withFilters && (
        <form
          key={shownFilters}
          role="search"
          aria-label={t.requests.filtersLabel}
          onSubmit={(e) => e.preventDefault()}
          onChange={(e) => onFilterInput(e.currentTarget)}
          className="mb-4 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow"
        >
          <label className="text-sm">
            {t.requests.fields.status}
            <select name="status" className={control} defaultValue={filters.status ?? ''}>
              <option value="">{t.requests.any}</option>
              {REQUEST_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t.requests.statuses[s]}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            {t.requests.fields.priority}
            <select name="priority" className={control} defaultValue={filters.priority ?? ''}>
              <option value="">{t.requests.any}</option>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t.requests.priorities[p]}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            {t.requests.deadlineFrom}
            <input name="deadlineFrom" type="date" className={control} defaultValue={filters.deadlineFrom} />
          </label>
          <label className="text-sm">
            {t.requests.deadlineTo}
            <input name="deadlineTo" type="date" className={control} defaultValue={filters.deadlineTo} />
          </label>
          <label className="text-sm">
            {t.requests.order}
            <select name="order" className={control} defaultValue={filters.order ?? 'newest'}>
              <option value="newest">{t.requests.newest}</option>
              <option value="oldest">{t.requests.oldest}</option>
            </select>
          </label>
          <label className="text-sm">
            {t.requests.search}
            <input name="q" type="search" maxLength={100} className={control} defaultValue={filters.q} />
          </label>
        </form>
      )}
      {exportable && (
        <div className="mb-4">
          <Suspense fallback={<Loading />}>
            <RequestExport filters={filters} />
          </Suspense>
        </div>
      )}
      {/* The actions show once something is chosen, and stay to show how the last one went. */}
      {bulk && (chosen.length > 0 || keptBulk) && (
        <Suspense fallback={<Loading />}>
          <BulkActions
            requestIds={chosen}
            referenceOf={(id) => items.find((r) => r.requestId === id)?.reference ?? id}
            onDone={() => {
              setKeptBulk(true);
              setSelected(new Set());
              reload();
            }}
          />
        </Suspense>
      )}
      {show(staff ? t.requests.emptyStaff : t.requests.emptyClient, () => {
        // The rows are in order of the last column, when they were asked.
        const headers = [
          ...(bulk
            ? [
                <input
                  type="checkbox"
                  checked={allOn}
                  onChange={(e) => setSelected(e.currentTarget.checked ? new Set(items.map((r) => r.requestId)) : new Set())}
                  aria-label={t.bulk.selectAll}
                />,
              ]
            : []),
          t.requests.fields.reference,
          t.requests.fields.title,
          ...(staff ? [t.requests.fields.client, t.requests.fields.assignee] : []),
          t.requests.fields.service,
          t.requests.fields.status,
          t.requests.fields.priority,
          <button type="button" onClick={flipOrder} className="font-medium underline decoration-dotted">
            {t.requests.fields.created} {filters.order === 'oldest' ? '↑' : '↓'}
          </button>,
        ];
        return (
          <DataTable
            label={t.requests.all}
            sorted={{ column: headers.length - 1, direction: filters.order === 'oldest' ? 'ascending' : 'descending' }}
            headers={headers}
          >
            {items.map((r) => (
              <tr key={r.requestId} className="border-t border-slate-100">
                {bulk && (
                  <td className="px-3 py-2">
                    <input
                      type="checkbox"
                      checked={selected.has(r.requestId)}
                      onChange={(e) => toggle(r.requestId, e.currentTarget.checked)}
                      aria-label={format(t.bulk.select, { reference: r.reference })}
                    />
                  </td>
                )}
                <td className="px-3 py-2 font-mono">
                  <a href={`/${area}/request/?id=${r.requestId}`} data-row-link className="text-brand-700 underline">
                    {r.reference}
                  </a>
                </td>
                <td className="px-3 py-2">
                  <bdi>{r.title}</bdi>
                </td>
                {staff && (
                  <td className="px-3 py-2">
                    {r.customerId && !customerId ? (
                      <a href={clientHref(area, r.customerId)} className="text-brand-700 underline">
                        {r.clientName}
                      </a>
                    ) : (
                      r.clientName
                    )}
                  </td>
                )}
                {staff && (
                  <td className="px-3 py-2">
                    {r.assigneeName ? (
                      <span className="inline-flex items-center gap-2">
                        <Avatar name={r.assigneeName} />
                        <bdi>{r.assigneeName}</bdi>
                      </span>
                    ) : (
                      t.requests.nobody
                    )}
                  </td>
                )}
                <td className="px-3 py-2">{r.serviceName}</td>
                <td className="px-3 py-2">
                  <StatusChip status={r.status}>{t.requests.statuses[r.status]}</StatusChip>
                </td>
                <td className="px-3 py-2">{t.requests.priorities[r.priority]}</td>
                <td className="px-3 py-2 whitespace-nowrap">{dateTime(r.createdAt, locale)}</td>
              </tr>
            ))}
          </DataTable>
        );
      })}
      {items.length > 0 && <p className="mt-2 text-xs text-slate-600">{t.requests.keysHint}</p>}
    </section>
  );
}
