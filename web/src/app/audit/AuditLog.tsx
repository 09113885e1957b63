import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { AuditEntryView } from '../../../../shared/api/schemas/audit.ts';
import type { UserView } from '../../../../shared/api/schemas/user.ts';
import { ANONYMOUS_ACTOR, PLATFORM_ACTOR, SYSTEM_ACTOR } from '../../../../shared/domain/audit/actor.ts';
import { GUEST_ROLE } from '../../../../shared/domain/identity/guests.ts';
import type { Role } from '../../../../shared/domain/identity/permissions.ts';
import { call } from '../api.ts';
import { allPeople } from '../people/all-people.ts';
import { ErrorNotice, Loading } from '../components/Status.tsx';
import { usePagedList } from '../components/usePagedList.tsx';
import { format, textFor, useLocale } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { auditText } from '../i18n/audit/index.ts';
import { useText } from '../i18n/text.ts';
import { DataTable } from '../components/TableScroll.tsx';
import { Button } from '../components/ui.tsx';

interface Filters {
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  /** One record's history (chosen from a row). */
  entityType?: string;
  entityId?: string;
}

/** A local calendar day (from a date input) → the instant it starts or ends, in this browser's zone. */
const dayBound = (day: string, end: boolean) => (day ? new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`).toISOString() : undefined);
const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** The audit log of the reader's own tenant: a firm's for its admins, the platform's for its operators. */
export function AuditLog() {
  const t = useText(commonText, auditText);
  /** A record as people say it: its kind, and the start of its id to tell two apart. */
  const recordName = (type: string, id: string) => `${textFor(t.audit.recordTypes, type) ?? type} · ${id.slice(0, 8)}`;
  const { locale } = useLocale();
  const [people, setPeople] = useState<UserView[]>([]);
  const [filters, setFilters] = useState<Filters>({});
  const [peopleError, setPeopleError] = useState<unknown>(null);
  useEffect(() => {
    allPeople().then(setPeople).catch(setPeopleError);
  }, []);
  const fetchPage = useCallback((cursor: string | undefined) => call('listAudit', { query: { limit: 50, ...filters, cursor } }), [filters]);
  const { items, state, error, reload, more } = usePagedList<AuditEntryView>(fetchPage);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const value = (k: string) => String(data.get(k) ?? '') || undefined;
    setFilters({ actorId: value('actorId'), action: value('action'), from: dayBound(value('from') ?? '', false), to: dayBound(value('to') ?? '', true) });
  }

  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  const control = 'mt-1 w-full rounded border border-slate-300 bg-white px-3 py-2';
  return (
    <section>
      <h1 className="mb-6 text-2xl font-semibold">{t.audit.title}</h1>
      <form onSubmit={onSubmit} className="mb-6 grid gap-4 rounded-lg bg-white p-4 shadow sm:grid-cols-5 sm:items-end">
        <label className="block text-sm font-medium">
          {t.audit.person}
          <select name="actorId" className={control} defaultValue="">
            <option value="">{t.audit.anyone}</option>
            {people.map((p) => (
              <option key={p.userId} value={p.userId}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          {t.audit.action}
          <select name="action" className={control} defaultValue="">
            <option value="">{t.audit.anyAction}</option>
            {Object.entries(t.audit.actions).map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          {t.audit.from}
          <input type="date" name="from" className={control} />
        </label>
        <label className="block text-sm font-medium">
          {t.audit.to}
          <input type="date" name="to" className={control} />
        </label>
        <Button type="submit">{t.audit.apply}</Button>
      </form>
      {filters.entityId && (
        <p role="status" className="mb-4 flex flex-wrap items-center gap-3 rounded bg-brand-50 p-3 text-sm">
          {format(t.audit.showingHistory, { record: recordName(filters.entityType ?? '', filters.entityId) })}
          <button type="button" onClick={() => setFilters({})} className="text-brand-700 underline">
            {t.audit.everything}
          </button>
        </p>
      )}
      {peopleError !== null && <ErrorNotice error={peopleError} />}
      {error !== null && <ErrorNotice error={error} onRetry={reload} />}
      {state === 'loading' ? (
        <Loading />
      ) : items.length === 0 && error === null ? (
        <p className="text-slate-600">{t.audit.empty}</p>
      ) : (
        <DataTable label={t.audit.title} headers={[t.audit.when, t.audit.who, t.audit.what, t.audit.record, t.audit.changes, t.audit.where]}>
          {items.map((e) => (
            <tr key={e.auditId} className="border-t border-slate-100 align-top">
              <td className="whitespace-nowrap px-3 py-2">
                <time dateTime={e.at}>{time.format(new Date(e.at))}</time>
              </td>
              <td className="px-3 py-2">
                {e.actorId === ANONYMOUS_ACTOR
                  ? t.audit.anonymous
                  : e.actorId === SYSTEM_ACTOR
                    ? t.audit.system
                    : e.actorId === PLATFORM_ACTOR
                      ? t.audit.platform
                      : (e.actorName ?? e.actorId)}
                <span className="block text-xs text-slate-600">{e.actorRole === GUEST_ROLE ? t.audit.guest : t.roles[e.actorRole as Role]}</span>
              </td>
              <td className="px-3 py-2">{textFor(t.audit.actions, e.action) ?? e.action}</td>
              <td className="px-3 py-2 text-xs">
                <button
                  type="button"
                  onClick={() => setFilters({ entityType: e.entityType, entityId: e.entityId })}
                  className="text-brand-700 underline"
                  aria-label={format(t.audit.historyOf, { record: recordName(e.entityType, e.entityId) })}
                >
                  {recordName(e.entityType, e.entityId)}
                </button>
              </td>
              <td className="px-3 py-2">
                <ul>
                  {e.changes.map((c) => (
                    <li key={c.field}>
                      <span className="font-medium">{c.field}</span>: {show(c.from)}{' '}
                      <span aria-hidden="true" className="inline-block rtl:-scale-x-100">
                        →
                      </span>{' '}
                      <span className="sr-only">{t.audit.changedTo}</span> {show(c.to)}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="px-3 py-2 text-xs text-slate-600">{e.ip ?? '—'}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {more}
    </section>
  );
}
