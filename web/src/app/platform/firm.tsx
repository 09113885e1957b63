/** One firm for the platform operator (/platform/firm/?id=): its facts, what it holds, a month's usage, suspending or reactivating it, and deleting it. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../../../shared/api/routes.ts';
import { MONTHLY_USAGE } from '../../../../shared/domain/platform/firms.ts';
import { DELETION_GRACE_DAYS } from '../../../../shared/domain/platform/deletion.ts';
import { LOCALE_NAMES } from '../../../../shared/domain/locales.ts';
import { ApiError, call } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { Shell } from '../components/Shell.tsx';
import { FormOutcome } from '../components/Status.tsx';
import { Button, Card, PageHeader, StatusChip } from '../components/ui.tsx';
import { useLoad } from '../components/useLoad.tsx';
import { useSubmission } from '../components/useSubmission.ts';
import { sizeText } from '../documents/size.ts';
import { dateTime } from '../format.ts';
import { format, useLocale } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { firmsText } from '../i18n/firms/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';

type Firm = ResponseOf<'getFirm'>;

const firmId = new URLSearchParams(location.search).get('id') ?? '';
const thisMonth = () => new Date().toISOString().slice(0, 7);

function FirmPage() {
  const t = useText(commonText, firmsText);
  const d = t.firms.detail;
  const { locale } = useLocale();
  const [month, setMonth] = useState(thisMonth);
  const load = useCallback(
    () =>
      call('getFirm', { params: { firmId }, query: { month } }).catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }),
    [month],
  );
  const { show, reload, data } = useLoad<Firm | null>(load);
  const number = new Intl.NumberFormat(locale);
  // Its closing export is built in the background: read again until it is done.
  const building = data?.closingExport?.status === 'building';
  useEffect(() => {
    if (!building) return;
    const timer = setTimeout(reload, 3000);
    return () => clearTimeout(timer);
  }, [building, data, reload]);

  return (
    <section>
      <a href="/platform/" className="mb-4 inline-block text-sm text-brand-700 underline">
        {d.back}
      </a>
      {show((firm) =>
        !firm ? (
          <p role="alert" className="rounded border border-amber-200 bg-amber-50 p-4">
            {d.notFound}
          </p>
        ) : (
          <>
            <PageHeader
              title={firm.name}
              lead={
                <>
                  <StatusChip status={firm.status === 'suspended' ? 'deactivated' : 'active'}>{t.firms.statuses[firm.status]}</StatusChip>{' '}
                  {firm.deleteAfter && <StatusChip status="deactivated">{format(d.toBeDeleted, { date: dateTime(firm.deleteAfter, locale) })}</StatusChip>}
                </>
              }
            />
            <div className="grid gap-6 lg:grid-cols-2">
              <Card aria-labelledby="facts">
                <h2 id="facts" className="mb-3 text-lg font-semibold">
                  {d.facts}
                </h2>
                <dl className="grid grid-cols-2 gap-2 text-sm">
                  <dt className="text-slate-600">{d.address}</dt>
                  <dd>{firm.slug}</dd>
                  <dt className="text-slate-600">{d.timeZone}</dt>
                  <dd>{firm.timeZone}</dd>
                  <dt className="text-slate-600">{d.currency}</dt>
                  <dd>{firm.currency}</dd>
                  <dt className="text-slate-600">{d.locale}</dt>
                  <dd lang={firm.locale}>{LOCALE_NAMES[firm.locale]}</dd>
                  <dt className="text-slate-600">{d.languages}</dt>
                  <dd>
                    {firm.languages.map((code, i) => (
                      <span key={code}>
                        {i > 0 && ', '}
                        <span lang={code}>{LOCALE_NAMES[code]}</span>
                      </span>
                    ))}
                  </dd>
                  <dt className="text-slate-600">{d.created}</dt>
                  <dd>{dateTime(firm.createdAt, locale)}</dd>
                  {firm.pendingAdmin && (
                    <>
                      <dt className="text-slate-600">{d.pendingAdmin}</dt>
                      <dd>
                        {firm.pendingAdmin.name} · {firm.pendingAdmin.email}
                        <span className="block text-xs text-slate-600">{format(d.until, { date: dateTime(firm.pendingAdmin.expiresAt, locale) })}</span>
                      </dd>
                    </>
                  )}
                </dl>
              </Card>
              <Card aria-labelledby="holds">
                <h2 id="holds" className="mb-3 text-lg font-semibold">
                  {d.holds}
                </h2>
                <dl className="grid grid-cols-2 gap-2 text-sm">
                  <dt className="text-slate-600">{d.people}</dt>
                  <dd data-testid="firm-people">{number.format(firm.now.users)}</dd>
                  <dt className="text-slate-600">{d.storage}</dt>
                  <dd>{sizeText(firm.now.storageBytes, locale)}</dd>
                </dl>
              </Card>
              <Card aria-labelledby="usage">
                <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
                  <h2 id="usage" className="text-lg font-semibold">
                    {d.usage}
                  </h2>
                  <Field label={d.month} type="month" value={month} max={thisMonth()} onChange={(e) => e.target.value && setMonth(e.target.value)} />
                </div>
                <dl className="grid grid-cols-2 gap-2 text-sm">
                  {MONTHLY_USAGE.map((figure) => (
                    <div key={figure} className="contents">
                      <dt className="text-slate-600">{d.figures[figure]}</dt>
                      <dd>{number.format(firm.usage[figure])}</dd>
                    </div>
                  ))}
                </dl>
              </Card>
              {!firm.deleteAfter && <StatusChange firm={firm} onChanged={reload} />}
              <Deletion firm={firm} onChanged={reload} />
            </div>
          </>
        ),
      )}
    </section>
  );
}

/** Suspending (or reactivating) asks why: the reason goes into the platform's audit log. */
function StatusChange({ firm, onChanged }: { firm: Firm; onChanged: () => void }) {
  const t = useText(commonText, firmsText);
  const d = t.firms.detail;
  const suspending = firm.status === 'active';
  const { busy, errors, failure, notice, setNotice, run } = useSubmission(() => d.reason);
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const reason = String(new FormData(form).get('reason') ?? '');
    void run(async () => {
      const changed = await call(suspending ? 'suspendFirm' : 'reactivateFirm', { params: { firmId: firm.firmId }, body: { reason } });
      form.reset();
      setNotice(format(changed.status === 'suspended' ? d.suspended : d.reactivated, { name: changed.name }));
      onChanged();
    });
  }
  return (
    <Card as="form" onSubmit={onSubmit} noValidate aria-labelledby="status-change" className="space-y-3">
      <h2 id="status-change" className="text-lg font-semibold">
        {suspending ? d.suspendTitle : d.reactivateTitle}
      </h2>
      <p className="text-sm text-slate-600">{suspending ? d.suspendLead : d.reactivateLead}</p>
      <Field label={d.reason} name="reason" required maxLength={500} error={errors.reason} />
      <FormOutcome notice={notice} failure={failure} />
      <Button type="submit" variant={suspending ? 'danger' : 'primary'} disabled={busy}>
        {busy ? t.loading : suspending ? d.suspend : d.reactivate}
      </Button>
    </Card>
  );
}

/**
 * Deleting takes the firm's name typed again and a reason; while the month runs, the export made
 * then is offered here and the deletion can be cancelled (ADR 0039).
 */
function Deletion({ firm, onChanged }: { firm: Firm; onChanged: () => void }) {
  const t = useText(commonText, firmsText);
  const d = t.firms.detail;
  const { locale } = useLocale();
  const deleting = firm.deleteAfter !== undefined;
  const reasonLabel = deleting ? d.cancelReason : d.deleteReason;
  const { busy, errors, failure, notice, setNotice, run } = useSubmission((field) =>
    field === 'name' ? format(d.confirmName, { name: firm.name }) : reasonLabel,
  );
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const fields = new FormData(form);
    const reason = String(fields.get('reason') ?? '');
    void run(async () => {
      const changed = deleting
        ? await call('cancelFirmDeletion', { params: { firmId: firm.firmId }, body: { reason } })
        : await call('scheduleFirmDeletion', { params: { firmId: firm.firmId }, body: { name: String(fields.get('name') ?? ''), reason } });
      form.reset();
      setNotice(
        changed.deleteAfter
          ? format(d.deletionScheduled, { name: changed.name, date: dateTime(changed.deleteAfter, locale) })
          : format(d.deletionCancelled, { name: changed.name }),
      );
      onChanged();
    });
  }
  const closing = firm.closingExport;
  return (
    <Card as="form" onSubmit={onSubmit} noValidate aria-labelledby="deletion" className="space-y-3">
      <h2 id="deletion" className="text-lg font-semibold">
        {deleting ? d.deletingTitle : d.deleteTitle}
      </h2>
      <p className="text-sm text-slate-600">
        {deleting
          ? format(d.deletingLead, { name: firm.name, date: dateTime(firm.deleteAfter!, locale) })
          : format(d.deleteLead, { days: String(DELETION_GRACE_DAYS) })}
      </p>
      {closing && (
        <p className="text-sm" aria-live="polite">
          {closing.status === 'ready' && closing.url ? (
            <a href={closing.url} className="text-brand-700 underline">
              {format(d.exportReady, { size: sizeText(closing.bytes ?? 0, locale) })}
            </a>
          ) : closing.status === 'failed' ? (
            format(d.exportFailed, { problem: closing.problem ?? '' })
          ) : (
            d.exportBuilding
          )}
        </p>
      )}
      {!deleting && <Field label={format(d.confirmName, { name: firm.name })} name="name" required autoComplete="off" maxLength={100} error={errors.name} />}
      <Field label={reasonLabel} name="reason" required maxLength={500} error={errors.reason} />
      <FormOutcome notice={notice} failure={failure} />
      <Button type="submit" variant={deleting ? 'primary' : 'danger'} disabled={busy}>
        {busy ? t.loading : deleting ? d.cancelDeletion : format(d.delete, { days: String(DELETION_GRACE_DAYS) })}
      </Button>
    </Card>
  );
}

mount(() => <Shell area="platform">{() => <FirmPage />}</Shell>);
