import { useCallback, useId, useState, type FormEvent } from 'react';
import type { PromoCodeView } from '../../../../shared/api/schemas/promo-codes.ts';
import { call } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { Shell } from '../components/Shell.tsx';
import { ErrorNotice } from '../components/Status.tsx';
import { usePagedList } from '../components/usePagedList.tsx';
import { useSubmission } from '../components/useSubmission.ts';
import { dateTime, fromMinor, money, toMinor } from '../format.ts';
import { format, useLocale } from '../i18n/index.ts';
import { bookingsText } from '../i18n/bookings/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { DataTable } from '../components/TableScroll.tsx';
import { Button, Card, PageHeader } from '../components/ui.tsx';

type Editing = PromoCodeView | 'new' | null;
const input = 'mt-1 block w-full rounded border border-slate-300 px-3 py-2';

/** An instant as a `datetime-local` value on this browser's clock, and back. */
const toLocalInput = (iso: string | undefined) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : undefined);

function PromoForm({ editing, currency, onSaved, onCancel }: { editing: PromoCodeView | 'new'; currency: string; onSaved: () => void; onCancel: () => void }) {
  const t = useText(bookingsText);
  const existing = editing === 'new' ? null : editing;
  const f = t.promos.fields;
  const [kind, setKind] = useState(existing?.kind ?? 'percent');
  const kindId = useId();
  const { busy, errors, failure, run } = useSubmission((field) => f[field as keyof typeof f] ?? field);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const validFrom = fromLocalInput(text('validFrom'));
    const validUntil = fromLocalInput(text('validUntil'));
    const terms = {
      kind,
      value: kind === 'percent' ? Number(text('value')) : toMinor(text('value') || '0', currency),
      ...(validFrom && { validFrom }),
      ...(validUntil && { validUntil }),
      maxUses: Number(text('maxUses') || '0'),
      oncePerClient: data.get('oncePerClient') === 'on',
      minAmount: toMinor(text('minAmount') || '0', currency),
      active: data.get('active') === 'on',
    };
    void run(async () => {
      if (existing) await call('updatePromoCode', { params: { code: existing.code }, body: { ...terms, version: existing.version } });
      else await call('createPromoCode', { body: { ...terms, code: text('code') } });
      onSaved();
    });
  }

  return (
    <Card as="form" onSubmit={onSubmit} noValidate aria-labelledby="promo-form" className="mb-8 grid gap-4 sm:grid-cols-2">
      <h2 id="promo-form" className="text-lg font-semibold sm:col-span-2">
        {existing ? format(t.promos.editTitle, { code: existing.code }) : t.promos.newTitle}
      </h2>
      <div aria-live="polite" className="sm:col-span-2">
        {failure !== null && <ErrorNotice error={failure} />}
      </div>
      <Field label={f.code} name="code" required maxLength={40} readOnly={Boolean(existing)} defaultValue={existing?.code} error={errors.code} />
      <div>
        <label htmlFor={kindId} className="block text-sm font-medium">
          {f.kind}
        </label>
        <select id={kindId} name="kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as 'percent' | 'fixed')} className={input}>
          <option value="percent">{t.promos.percent}</option>
          <option value="fixed">{format(t.promos.fixed, { currency })}</option>
        </select>
      </div>
      <Field
        label={kind === 'percent' ? f.percent : format(f.amount, { currency })}
        name="value"
        type="number"
        inputMode="decimal"
        min={kind === 'percent' ? 1 : 0.01}
        max={kind === 'percent' ? 100 : undefined}
        step={kind === 'percent' ? 1 : 0.01}
        required
        defaultValue={existing ? (existing.kind === 'percent' ? String(existing.value) : fromMinor(existing.value, currency)) : ''}
        error={errors.value}
      />
      <Field
        label={format(f.minAmount, { currency })}
        name="minAmount"
        type="number"
        inputMode="decimal"
        min={0}
        step={0.01}
        defaultValue={existing ? fromMinor(existing.minAmount, currency) : '0'}
        error={errors.minAmount}
      />
      <Field label={f.validFrom} name="validFrom" type="datetime-local" defaultValue={toLocalInput(existing?.validFrom)} error={errors.validFrom} />
      <Field label={f.validUntil} name="validUntil" type="datetime-local" defaultValue={toLocalInput(existing?.validUntil)} error={errors.validUntil} />
      <Field
        label={f.maxUses}
        name="maxUses"
        type="number"
        inputMode="numeric"
        min={0}
        step={1}
        defaultValue={String(existing?.maxUses ?? 0)}
        error={errors.maxUses}
      />
      <div className="space-y-2 self-end">
        <label className="flex items-center gap-2">
          <input type="checkbox" name="oncePerClient" defaultChecked={existing?.oncePerClient ?? true} />
          {f.oncePerClient}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="active" defaultChecked={existing?.active ?? true} />
          {f.active}
        </label>
      </div>
      <div className="flex gap-3 sm:col-span-2">
        <Button type="submit" disabled={busy}>
          {busy ? t.promos.saving : t.promos.save}
        </Button>
        <Button variant="secondary" type="button" onClick={onCancel}>
          {t.promos.cancel}
        </Button>
      </div>
    </Card>
  );
}

/** The firm's promo codes for bookings: what each takes off, when, how often it was used; add and change them. */
function PromoCodesPage({ currency }: { currency: string }) {
  const t = useText(bookingsText);
  const { locale } = useLocale();
  const [editing, setEditing] = useState<Editing>(null);
  const fetchPage = useCallback((cursor: string | undefined) => call('listPromoCodes', { query: { limit: 50, cursor } }), []);
  const { items, reload, show } = usePagedList<PromoCodeView>(fetchPage);
  const saved = () => {
    setEditing(null);
    reload();
  };
  const off = (p: PromoCodeView) => (p.kind === 'percent' ? `${p.value}%` : money(p.value, p.currency ?? currency, locale));
  const validity = (p: PromoCodeView) =>
    p.validFrom || p.validUntil
      ? `${p.validFrom ? dateTime(p.validFrom, locale) : '…'} – ${p.validUntil ? dateTime(p.validUntil, locale) : '…'}`
      : t.promos.always;
  const f = t.promos.fields;

  return (
    <>
      <PageHeader
        title={t.promos.title}
        lead={t.promos.lead}
        actions={
          editing === null && (
            <Button type="button" onClick={() => setEditing('new')}>
              {t.promos.add}
            </Button>
          )
        }
      />
      {editing !== null && (
        <PromoForm key={editing === 'new' ? 'new' : editing.code} editing={editing} currency={currency} onCancel={() => setEditing(null)} onSaved={saved} />
      )}
      {show(t.promos.empty, () => (
        <DataTable
          label={t.promos.title}
          headers={[f.code, t.promos.discount, t.promos.valid, t.promos.uses, f.oncePerClient, t.promos.minimum, t.promos.status, '']}
        >
          {items.map((p) => (
            <tr key={p.code} className="border-t border-slate-100 align-top">
              <td className="px-3 py-2 font-mono font-medium">{p.code}</td>
              <td className="px-3 py-2">{off(p)}</td>
              <td className="px-3 py-2">{validity(p)}</td>
              <td className="px-3 py-2">{p.maxUses > 0 ? `${p.uses} / ${p.maxUses}` : format(t.promos.usesNoLimit, { n: String(p.uses) })}</td>
              <td className="px-3 py-2">{p.oncePerClient ? t.promos.yes : t.promos.no}</td>
              <td className="px-3 py-2">{p.minAmount > 0 ? money(p.minAmount, currency, locale) : '—'}</td>
              <td className="px-3 py-2">{p.active ? t.promos.on : t.promos.off}</td>
              <td className="px-3 py-2">
                <button type="button" onClick={() => setEditing(p)} className="text-brand-700 underline" aria-label={`${t.promos.edit}: ${p.code}`}>
                  {t.promos.edit}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      ))}
    </>
  );
}

mount(() => <Shell area="admin">{(session) => <PromoCodesPage currency={session.tenant.currency} />}</Shell>);
