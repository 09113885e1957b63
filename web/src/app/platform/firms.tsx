/** The platform operator's firms (/platform/): every firm with what it holds and uses, and the form that makes one. */
import { useCallback, useState, type FormEvent } from 'react';
import type { FirmView } from '../../../../shared/api/schemas/firms.ts';
import { LOCALES } from '../../../../shared/domain/locales.ts';
import { FirmLanguagesFields, firmLanguagesIn } from '../components/FirmLanguagesFields.tsx';
import { call } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { Shell } from '../components/Shell.tsx';
import { FormOutcome } from '../components/Status.tsx';
import { DataTable } from '../components/TableScroll.tsx';
import { Button, Card, CONTROL, PageHeader, StatusChip } from '../components/ui.tsx';
import { usePagedList } from '../components/usePagedList.tsx';
import { useSubmission } from '../components/useSubmission.ts';
import { sizeText } from '../documents/size.ts';
import { calendarDate } from '../format.ts';
import { format, useLocale } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { firmsText } from '../i18n/firms/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';

type Status = FirmView['status'];
const ZONES = Intl.supportedValuesOf('timeZone');

function Firms() {
  const t = useText(commonText, firmsText);
  const { locale } = useLocale();
  const [status, setStatus] = useState<Status | ''>('');
  const [making, setMaking] = useState(false);
  const [made, setMade] = useState<string | null>(null);
  const fetchPage = useCallback((cursor: string | undefined) => call('listFirms', { query: { limit: 25, cursor, ...(status && { status }) } }), [status]);
  const list = usePagedList<FirmView>(fetchPage);
  const number = new Intl.NumberFormat(locale);
  const c = t.firms.columns;
  return (
    <section>
      <PageHeader
        title={t.firms.title}
        lead={t.firms.lead}
        actions={
          !making && (
            <Button type="button" onClick={() => setMaking(true)}>
              {t.firms.create}
            </Button>
          )
        }
      />
      {making && (
        <MakeFirm
          onCancel={() => setMaking(false)}
          onMade={(notice) => {
            setMaking(false);
            setMade(notice);
            list.reload();
          }}
        />
      )}
      {made && (
        <p role="status" className="mb-4 rounded border border-green-200 bg-green-50 p-3 text-green-900">
          {made}
        </p>
      )}
      <label className="mb-4 block max-w-xs text-sm font-medium">
        {t.firms.filter}
        <select className={CONTROL} value={status} onChange={(e) => setStatus(e.target.value as Status | '')}>
          <option value="">{t.firms.all}</option>
          <option value="active">{t.firms.statuses.active}</option>
          <option value="suspended">{t.firms.statuses.suspended}</option>
        </select>
      </label>
      {list.show(status ? format(t.firms.emptyFiltered, { status: t.firms.statuses[status] }) : t.firms.empty, () => (
        <DataTable label={t.firms.title} headers={[c.firm, c.status, c.created, c.people, c.requests, c.apiCalls, c.storage]}>
          {list.items.map((f) => (
            <tr key={f.firmId} className="border-t border-slate-200">
              <td className="px-3 py-2">
                <a href={`/platform/firm/?id=${encodeURIComponent(f.firmId)}`} className="font-medium text-brand-700 underline">
                  {f.name}
                </a>
                <span className="block text-xs text-slate-600">{f.slug}</span>
              </td>
              <td className="px-3 py-2">
                <StatusChip status={f.status === 'suspended' ? 'deactivated' : 'active'}>{t.firms.statuses[f.status]}</StatusChip>
                {f.deleteAfter && (
                  <span className="block text-xs text-red-700">{format(t.firms.deleting, { date: calendarDate(f.deleteAfter.slice(0, 10), locale) })}</span>
                )}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{calendarDate(f.createdAt.slice(0, 10), locale)}</td>
              <td className="px-3 py-2">{number.format(f.now.users)}</td>
              <td className="px-3 py-2">{number.format(f.thisMonth.requests)}</td>
              <td className="px-3 py-2">{number.format(f.thisMonth.apiCalls)}</td>
              <td className="px-3 py-2 whitespace-nowrap">{sizeText(f.now.storageBytes, locale)}</td>
            </tr>
          ))}
        </DataTable>
      ))}
    </section>
  );
}

function MakeFirm({ onCancel, onMade }: { onCancel: () => void; onMade: (notice: string) => void }) {
  const t = useText(commonText, firmsText);
  const f = t.firms.form;
  const labels: Record<string, string> = {
    name: f.name,
    slug: f.slug,
    timeZone: f.timeZone,
    currency: f.currency,
    locale: t.firmLanguages.fallback,
    languages: t.firmLanguages.offered,
    'admin.name': f.adminName,
    'admin.email': f.adminEmail,
  };
  const { busy, errors, failure, run } = useSubmission((field) => labels[field] ?? field);
  const [slug, setSlug] = useState('');

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const value = (k: string) => String(data.get(k) ?? '');
    void run(async () => {
      const firm = await call('createFirm', {
        body: {
          name: value('name'),
          slug: value('slug'),
          timeZone: value('timeZone'),
          currency: value('currency'),
          ...firmLanguagesIn(data),
          admin: { name: value('adminName'), email: value('adminEmail') },
        },
      });
      onMade(format(f.made, { name: firm.name, email: value('adminEmail').trim() }));
    });
  }

  return (
    <Card as="form" onSubmit={onSubmit} noValidate aria-labelledby="make-firm" className="mb-6 space-y-4">
      <h2 id="make-firm" className="text-lg font-semibold">
        {f.title}
      </h2>
      <p className="text-sm text-slate-600">{f.lead}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={f.name} name="name" required maxLength={100} error={errors.name} />
        <Field
          label={f.slug}
          name="slug"
          required
          maxLength={40}
          value={slug}
          onChange={(e) => setSlug(e.target.value.toLowerCase())}
          error={errors.slug}
          hint={(id) => (
            <p id={id} className="mt-1 text-xs text-slate-600">
              {format(f.slugHint, { slug: slug || '…' })}
            </p>
          )}
        />
        <label className="block text-sm font-medium">
          {f.timeZone}
          <select name="timeZone" className={CONTROL} defaultValue={Intl.DateTimeFormat().resolvedOptions().timeZone} aria-invalid={Boolean(errors.timeZone)}>
            {ZONES.map((zone) => (
              <option key={zone}>{zone}</option>
            ))}
          </select>
          {errors.timeZone && <span className="mt-1 block text-sm text-red-700">{errors.timeZone}</span>}
        </label>
        <Field
          label={f.currency}
          name="currency"
          required
          maxLength={3}
          defaultValue="USD"
          error={errors.currency}
          hint={(id) => (
            <p id={id} className="mt-1 text-xs text-slate-600">
              {f.currencyHint}
            </p>
          )}
        />
        <FirmLanguagesFields initial={{ locale: 'en', languages: LOCALES }} errors={errors} />
        <Field label={f.adminName} name="adminName" required maxLength={120} error={errors['admin.name']} />
        <Field label={f.adminEmail} name="adminEmail" type="email" required maxLength={254} error={errors['admin.email']} />
      </div>
      <FormOutcome notice={null} failure={failure} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={busy}>
          {busy ? t.loading : f.submit}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {f.cancel}
        </Button>
      </div>
    </Card>
  );
}

mount(() => <Shell area="platform">{() => <Firms />}</Shell>);
