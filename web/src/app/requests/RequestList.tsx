import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { RequestView } from '../../../../shared/api/schemas/request.ts';
import { PRIORITIES, REQUEST_STATUSES } from '../../../../shared/domain/requests/workflow.ts';
import { call } from '../api.ts';
import { calendarDate, dateTime } from '../format.ts';
import { directionOf, NATURAL_DIRECTION, REQUEST_SORTS, type Direction, type RequestSort } from '../../../../shared/domain/requests/list-order.ts';
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
  'sort',
  'order',
];
/** The filter bar's order choices: a column and a direction, as `created:desc`. */
const ORDER_CHOICES = REQUEST_SORTS.flatMap((sort) => {
  const natural = NATURAL_DIRECTION[sort];
  return [`${sort}:${natural}`, `${sort}:${natural === 'asc' ? 'desc' : 'asc'}`] as `${RequestSort}:${Direction}`[];
});
/** What the address keeps of an order: nothing for a column's natural direction or for newest first. */
const orderFilters = (sort: RequestSort, direction: Direction): Pick<Filters, 'sort' | 'order'> => ({
  sort: sort === 'created' ? undefined : sort,
  order: direction === NATURAL_DIRECTION[sort] ? undefined : direction,
});

/** The filter bar's order choice as the address keeps it. */
const orderOf = (choice: string | undefined) => {
  const [column, direction] = (ORDER_CHOICES.find((c) => c === choice) ?? 'created:desc').split(':') as [RequestSort, Direction];
  return orderFilters(column, direction);
};

// Only lists with bulk actions or exports download them.
const BulkActions = lazy(() => import('./BulkActions.tsx'));
const RequestExport = lazy(() => import('./RequestExport.tsx'));

/**
 * Requests the caller may see, newest first; staff see client and assignee, and may order them
 * by deadline or priority too. `filters` adds the filter bar, `bulk` a checkbox per row and the
 * actions on the selected ones, `exportable` the CSV export of what the filters find.
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
        ...orderOf(value('order')),
      }));
    });
  }

  const staff = area !== 'portal';
  // Clients' lists are by when they were asked (the API reads other orders for staff only).
  const sort: RequestSort = (staff && filters.sort) || 'created';
  const direction = directionOf(sort, filters.order);
  /** Orders by a column: its natural way first, reversed when it is already the order. */
  const sortBy = (column: RequestSort) => {
    const flipped = direction === 'asc' ? 'desc' : 'asc';
    setFilters((current) => ({ ...current, ...orderFilters(column, column === sort ? flipped : NATURAL_DIRECTION[column]) }));
    setShownFilters((n) => n + 1);
  };
  const sortHeader = (column: RequestSort, label: string) => (
    <button
      type="button"
      onClick={() => sortBy(column)}
      className="font-medium whitespace-nowrap underline decoration-dotted"
      title={format(t.requests.sortBy, { column: label })}
    >
      {label}
      <span aria-hidden="true">{column === sort ? (direction === 'asc' ? ' ↑' : ' ↓') : ''}</span>
    </button>
  );
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
            <select name="order" className={control} defaultValue={`${sort}:${direction}`}>
              {ORDER_CHOICES.filter((choice) => staff || choice.startsWith('created:')).map((choice) => (
                <option key={choice} value={choice}>
                  {t.requests.orders[choice]}
                </option>
              ))}
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
          staff ? sortHeader('priority', t.requests.fields.priority) : t.requests.fields.priority,
          staff ? sortHeader('deadline', t.requests.fields.deadline) : t.requests.fields.deadline,
          sortHeader('created', t.requests.fields.created),
        ];
        // The sortable columns are the last three, in this order.
        const sortedColumn = headers.length - 3 + ['priority', 'deadline', 'created'].indexOf(sort);
        return (
          <DataTable label={t.requests.all} sorted={{ column: sortedColumn, direction: direction === 'asc' ? 'ascending' : 'descending' }} headers={headers}>
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
                <td className="px-3 py-2 whitespace-nowrap">{r.deadline ? calendarDate(r.deadline, locale) : t.requests.noDeadline}</td>
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
