import { useCallback, useState, type FormEvent } from 'react';
import type { ServiceView } from '../../../../shared/api/schemas/catalog.ts';
import { SERVICE_STATUSES } from '../../../../shared/domain/catalog/services.ts';
import { call } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { Shell } from '../components/Shell.tsx';
import { ErrorNotice } from '../components/Status.tsx';
import { usePagedList } from '../components/usePagedList.tsx';
import { useSubmission } from '../components/useSubmission.ts';
import { fromMinor, money, toMinor } from '../format.ts';
import { format, useLocale } from '../i18n/index.ts';
import { bookingsText } from '../i18n/bookings/index.ts';
import { catalogText } from '../i18n/catalog/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { DataTable } from '../components/TableScroll.tsx';
import { Button, Card, CONTROL, StatusChip } from '../components/ui.tsx';

type Editing = ServiceView | 'new' | null;

/** Questions as the admin types them: one per line, a leading `*` marks a required answer. */
const questionsFromText = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => ({ label: l.replace(/^\*\s*/, ''), required: l.startsWith('*') }));
const questionsToText = (s: ServiceView) => s.questions.map((q) => `${q.required ? '* ' : ''}${q.label}`).join('\n');

function ServiceForm({ editing, currency, onSaved, onCancel }: { editing: ServiceView | 'new'; currency: string; onSaved: () => void; onCancel: () => void }) {
  const t = useText(bookingsText, catalogText);
  const existing = editing === 'new' ? null : editing;
  const { busy, errors, failure, run } = useSubmission((f) => t.services.fields[f.split('.')[0] as keyof typeof t.services.fields] ?? f);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    const fields = {
      name: text('name'),
      category: text('category'),
      description: text('description'),
      basePrice: toMinor(text('basePrice'), existing?.currency ?? currency),
      estimatedHours: Number(text('estimatedHours')),
      requiredSkills: text('requiredSkills')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      questions: questionsFromText(text('questions')),
      status: text('status') as ServiceView['status'],
    };
    void run(async () => {
      if (existing) await call('updateService', { params: { serviceId: existing.serviceId }, body: { ...fields, version: existing.version } });
      else await call('createService', { body: fields });
      onSaved();
    });
  }

  const f = t.services.fields;
  return (
    <Card as="form" onSubmit={onSubmit} noValidate aria-labelledby="service-form" className="mb-8 grid gap-4 sm:grid-cols-2">
      <h2 id="service-form" className="text-lg font-semibold sm:col-span-2">
        {existing ? format(t.services.editTitle, { name: existing.name }) : t.services.newTitle}
      </h2>
      <div aria-live="polite" className="sm:col-span-2">
        {failure !== null && <ErrorNotice error={failure} />}
      </div>
      <Field label={f.name} name="name" required maxLength={120} defaultValue={existing?.name} error={errors.name} />
      <Field label={f.category} name="category" required maxLength={60} defaultValue={existing?.category} error={errors.category} />
      <Field
        label={format(f.basePriceIn, { currency: existing?.currency ?? currency })}
        name="basePrice"
        inputMode="decimal"
        required
        defaultValue={existing ? fromMinor(existing.basePrice, existing.currency) : ''}
        error={errors.basePrice}
      />
      <Field
        label={f.estimatedHours}
        name="estimatedHours"
        type="number"
        min={0.25}
        step={0.25}
        required
        defaultValue={existing ? String(existing.estimatedHours) : ''}
        error={errors.estimatedHours}
      />
      <Field label={f.requiredSkills} name="requiredSkills" defaultValue={existing?.requiredSkills.join(', ')} error={errors.requiredSkills} />
      <label className="block text-sm font-medium">
        {f.status}
        <select name="status" defaultValue={existing?.status ?? 'active'} className={CONTROL}>
          {SERVICE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t.services.statuses[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm font-medium sm:col-span-2">
        {f.description}
        <textarea name="description" rows={3} maxLength={4000} defaultValue={existing?.description} className={CONTROL} />
      </label>
      <label className="block text-sm font-medium sm:col-span-2">
        {f.questions}
        <span className="block text-xs font-normal text-slate-600">{t.services.questionsHint}</span>
        <textarea name="questions" rows={3} defaultValue={existing ? questionsToText(existing) : ''} className={CONTROL} />
        {errors.questions && <span className="text-sm text-red-700">{errors.questions}</span>}
      </label>
      <div className="flex gap-3 sm:col-span-2">
        <Button type="submit" disabled={busy}>
          {busy ? t.services.saving : t.services.save}
        </Button>
        <Button variant="secondary" type="button" onClick={onCancel}>
          {t.services.cancel}
        </Button>
      </div>
    </Card>
  );
}

function ServicesPage({ currency }: { currency: string }) {
  const t = useText(bookingsText, catalogText);
  const { locale } = useLocale();
  const [editing, setEditing] = useState<Editing>(null);
  const fetchPage = useCallback((cursor: string | undefined) => call('listServices', { query: { limit: 50, cursor } }), []);
  const { items: services, reload, show } = usePagedList<ServiceView>(fetchPage);

  return (
    <>
      <div className="mb-6 flex flex-wrap items-center gap-4">
        <h1 className="me-auto text-2xl font-semibold">{t.services.title}</h1>
        <a href="/admin/services/promo-codes/" className="text-brand-700 underline">
          {t.promos.title}
        </a>
        {editing === null && (
          <Button type="button" onClick={() => setEditing('new')}>
            {t.services.add}
          </Button>
        )}
      </div>
      {editing !== null && (
        <ServiceForm
          key={editing === 'new' ? 'new' : editing.serviceId}
          editing={editing}
          currency={currency}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
      {show(t.services.empty, () => (
        <DataTable
          label={t.services.title}
          headers={[
            t.services.fields.name,
            t.services.fields.category,
            t.services.fields.basePrice,
            t.services.fields.estimatedHours,
            t.services.fields.status,
            '',
          ]}
        >
          {services.map((s) => (
            <tr key={s.serviceId} className="border-t border-slate-100">
              <td className="px-3 py-2 font-medium">{s.name}</td>
              <td className="px-3 py-2">{s.category}</td>
              <td className="px-3 py-2">{money(s.basePrice, s.currency, locale)}</td>
              <td className="px-3 py-2">{s.estimatedHours}</td>
              <td className="px-3 py-2">
                <StatusChip status={s.status}>{t.services.statuses[s.status]}</StatusChip>
              </td>
              <td className="px-3 py-2">
                <button type="button" onClick={() => setEditing(s)} className="text-brand-700 underline" aria-label={`${t.services.edit}: ${s.name}`}>
                  {t.services.edit}
                </button>
                <a
                  href={`/admin/services/booking/?id=${s.serviceId}`}
                  className="ms-3 text-brand-700 underline"
                  aria-label={`${t.serviceBooking.link}: ${s.name}`}
                >
                  {t.serviceBooking.link}
                </a>
              </td>
            </tr>
          ))}
        </DataTable>
      ))}
    </>
  );
}

mount(() => <Shell area="admin">{(session) => <ServicesPage currency={session.tenant.currency} />}</Shell>);
