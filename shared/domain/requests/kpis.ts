/**
 * Request KPIs as counters. Each change of a request (its state before and after) becomes
 * additions to a few counter buckets: the firm's totals, the service's, the week's and the
 * month's. Applying each change exactly once keeps every figure right without reading requests.
 */
import { PLANNABLE_STATUSES, PRIORITIES, REQUEST_STATUSES, type Priority, type RequestStatus } from './workflow.ts';

/** What the KPIs need of a request at one moment. */
export interface KpiState {
  status: RequestStatus;
  priority: Priority;
  serviceId: string;
  serviceName: string;
  /** What the work is worth: the budget's upper (or lower) end, else the service's price; minor units. */
  value: number;
}

export const KPI_COUNTERS = [
  'open',
  'pipeline',
  'created',
  'completed',
  'cancelled',
  ...REQUEST_STATUSES.map((s) => `status_${s}` as const),
  ...PRIORITIES.map((p) => `priority_${p}` as const),
] as const;
export type KpiCounter = (typeof KPI_COUNTERS)[number];

export interface BucketChange {
  /** `totals`, `service#<id>`, `week#<Monday>` or `month#<YYYY-MM>`, in the firm's zone. */
  bucket: string;
  add: Partial<Record<KpiCounter, number>>;
  /** The service's name, kept on its bucket for display. */
  label?: string;
}

/** Open work: submitted and not yet completed or cancelled (drafts are the client's own). */
export const isOpen = (status: RequestStatus) => PLANNABLE_STATUSES.includes(status);

type Valued = { budgetMin?: number | undefined; budgetMax?: number | undefined; listPrice?: number | undefined };
export const valueOf = (r: Valued) => r.budgetMax ?? r.budgetMin ?? r.listPrice ?? 0;

/** A request's KPI state, carried in its change events. */
export const kpiStateOf = (r: Omit<KpiState, 'value'> & Valued): KpiState => ({
  status: r.status,
  priority: r.priority,
  serviceId: r.serviceId,
  serviceName: r.serviceName,
  value: valueOf(r),
});

/** The calendar day of an instant in a zone, as YYYY-MM-DD, and its weekday (Monday 0). */
function localDay(at: Date, timeZone: string): { day: string; weekday: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday!) };
}

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The week (its Monday) and month an instant falls in, in the firm's zone. */
export function periodsOf(at: Date, timeZone: string): { week: string; lastWeek: string; month: string } {
  const { day, weekday } = localDay(at, timeZone);
  const week = addDays(day, -weekday);
  return { week, lastWeek: addDays(week, -7), month: day.slice(0, 7) };
}

/** Completed work as a share of work closed (completed or cancelled), 0–100; undefined when nothing closed. */
export function completionRate(completed: number, cancelled: number): number | undefined {
  const closed = completed + cancelled;
  return closed > 0 ? Math.round((completed / closed) * 100) : undefined;
}

/**
 * The counter additions for one change: `before` is undefined for a new request, `after` for a
 * deleted one. New this week counts a request when it is first sent (submitted, or booked);
 * completions and cancellations count in the month they happen.
 */
export function kpiChanges(before: KpiState | undefined, after: KpiState | undefined, at: Date, timeZone: string): BucketChange[] {
  const buckets = new Map<string, BucketChange>();
  const add = (bucket: string, counter: KpiCounter, n: number, label?: string) => {
    const change = buckets.get(bucket) ?? { bucket, add: {} };
    change.add[counter] = (change.add[counter] ?? 0) + n;
    if (label) change.label = label;
    buckets.set(bucket, change);
  };
  const count = (state: KpiState | undefined, sign: 1 | -1) => {
    if (!state) return;
    add('totals', `status_${state.status}`, sign);
    if (!isOpen(state.status)) return;
    add('totals', 'open', sign);
    add('totals', 'pipeline', sign * state.value);
    add('totals', `priority_${state.priority}`, sign);
    add(`service#${state.serviceId}`, 'open', sign, state.serviceName);
    add(`service#${state.serviceId}`, 'pipeline', sign * state.value, state.serviceName);
  };
  count(before, -1);
  count(after, 1);
  const { week, month } = periodsOf(at, timeZone);
  const entered = (status: RequestStatus) => after?.status === status && before?.status !== status;
  // New once it is first sent: submitted, or booked straight in (a booking starts assigned).
  if (after && after.status !== 'draft' && (!before || before.status === 'draft')) add(`week#${week}`, 'created', 1);
  if (entered('completed')) add(`month#${month}`, 'completed', 1);
  if (entered('cancelled')) add(`month#${month}`, 'cancelled', 1);
  return [...buckets.values()]
    .map((c) => ({ ...c, add: Object.fromEntries(Object.entries(c.add).filter(([, n]) => n !== 0)) }))
    .filter((c) => Object.keys(c.add).length > 0);
}

/** A request as it stands, for counting from scratch. */
export interface CountedRequest extends KpiState {
  createdAt: string;
  updatedAt: string;
  completedAt?: string | undefined;
}

/**
 * The counters from the requests as they stand (for data kept from before the counters
 * existed). Open work, statuses, priorities and services are exact; the periods are the best
 * the records tell: new by creation (drafts excluded), completed by completion, cancelled by
 * last change.
 */
export function recount(requests: readonly CountedRequest[], timeZone: string): BucketChange[] {
  const sums = new Map<string, BucketChange>();
  const merge = (changes: BucketChange[]) => {
    for (const c of changes) {
      const into = sums.get(c.bucket) ?? { bucket: c.bucket, add: {} };
      for (const [counter, n] of Object.entries(c.add) as [KpiCounter, number][]) into.add[counter] = (into.add[counter] ?? 0) + n;
      if (c.label) into.label = c.label;
      sums.set(c.bucket, into);
    }
  };
  for (const r of requests) {
    // Its standing counts, without the period its status change would count.
    merge(kpiChanges(undefined, r, new Date(r.createdAt), timeZone).filter((c) => c.bucket === 'totals' || c.bucket.startsWith('service#')));
    if (r.status !== 'draft') merge([{ bucket: `week#${periodsOf(new Date(r.createdAt), timeZone).week}`, add: { created: 1 } }]);
    if (r.completedAt) merge([{ bucket: `month#${periodsOf(new Date(r.completedAt), timeZone).month}`, add: { completed: 1 } }]);
    if (r.status === 'cancelled') merge([{ bucket: `month#${periodsOf(new Date(r.updatedAt), timeZone).month}`, add: { cancelled: 1 } }]);
  }
  return [...sums.values()];
}
