import { useId, type FormEvent } from 'react';
import type { CreateCustomerInput, CustomerView } from '../../../../shared/api/schemas/customers.ts';
import { CUSTOMER_KINDS, CUSTOMER_STATUSES } from '../../../../shared/domain/customers/customers.ts';
import { call } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { FormOutcome } from '../components/Status.tsx';
import { useSubmission } from '../components/useSubmission.ts';
import { Button, CONTROL } from '../components/ui.tsx';
import { customersText } from '../i18n/customers/index.ts';
import { format, textFor } from '../i18n/index.ts';
import { useText } from '../i18n/text.ts';

export interface StaffOption {
  userId: string;
  name: string;
}

/**
 * A customer's details: empty to add one, filled to edit one. Only what changed is sent on an
 * edit; an emptied text field takes the value away.
 */
export function CustomerForm({ initial, staff, onSaved }: { initial?: CustomerView; staff: StaffOption[]; onSaved: (c: CustomerView) => void }) {
  const t = useText(customersText);
  const id = useId();
  const labelOf = (field: string) => textFor(t.clients.billing, field.replace(/^billing\./, '')) ?? textFor(t.clients, field) ?? field;
  const { busy, errors, failure, notice, setNotice, run } = useSubmission(labelOf);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const text = (k: string) => String(data.get(k) ?? '').trim();
    const days = text('paymentTermsDays');
    const fields: CreateCustomerInput = {
      name: text('name'),
      kind: text('kind') as CreateCustomerInput['kind'],
      status: text('status') as CreateCustomerInput['status'],
      industry: text('industry'),
      accountManagerId: text('accountManagerId') || null,
      tags: text('tags')
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
      notes: text('notes'),
      billing: {
        legalName: text('legalName'),
        address: text('address'),
        taxId: text('taxId'),
        ...(text('currency') && { currency: text('currency') }),
        ...(days && { paymentTermsDays: Number(days) }),
      },
    };
    await run(async () => {
      const saved = initial
        ? await call('updateCustomer', { params: { customerId: initial.customerId }, body: { ...fields, version: initial.version } })
        : await call('createCustomer', { body: fields });
      setNotice(initial ? t.client.details.saved : format(t.clients.add.added, { name: saved.name }));
      if (!initial) form.reset();
      onSaved(saved);
    });
  }

  const select = (name: string, label: string, value: string | undefined, options: [string, string][]) => (
    <div>
      <label htmlFor={`${id}-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <select id={`${id}-${name}`} name={name} defaultValue={value} className={CONTROL}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      {errors[name] && <p className="mt-1 text-sm text-red-700">{errors[name]}</p>}
    </div>
  );
  const billing = initial?.billing;
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <Field label={t.clients.name} name="name" required maxLength={160} defaultValue={initial?.name} error={errors.name} />
      {select(
        'kind',
        t.clients.kind,
        initial?.kind ?? 'business',
        CUSTOMER_KINDS.map((k) => [k, t.clients.kinds[k]]),
      )}
      {select(
        'status',
        t.clients.status,
        initial?.status ?? 'active',
        CUSTOMER_STATUSES.map((s) => [s, t.clients.statuses[s]]),
      )}
      <Field label={t.clients.industry} name="industry" maxLength={80} defaultValue={initial?.industry} error={errors.industry} />
      {select('accountManagerId', t.clients.accountManager, initial?.accountManagerId ?? '', [
        ['', t.clients.nobody],
        ...staff.map((s): [string, string] => [s.userId, s.name]),
      ])}
      <Field
        label={t.clients.tags}
        name="tags"
        maxLength={400}
        defaultValue={initial?.tags.join(', ')}
        error={errors.tags}
        hint={(hintId) => (
          <p id={hintId} className="mt-1 text-xs text-slate-500">
            {t.clients.tagsHint}
          </p>
        )}
      />
      <div className="sm:col-span-2 lg:col-span-3">
        <label htmlFor={`${id}-notes`} className="block text-sm font-medium">
          {t.clients.notes}
        </label>
        <textarea id={`${id}-notes`} name="notes" rows={3} maxLength={5000} defaultValue={initial?.notes} className={CONTROL} />
      </div>
      <fieldset className="grid gap-4 sm:col-span-2 sm:grid-cols-2 lg:col-span-3 lg:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold">{t.clients.billing.title}</legend>
        <Field label={t.clients.billing.legalName} name="legalName" maxLength={200} defaultValue={billing?.legalName} error={errors['billing.legalName']} />
        <Field label={t.clients.billing.taxId} name="taxId" maxLength={40} defaultValue={billing?.taxId} error={errors['billing.taxId']} />
        <Field label={t.clients.billing.address} name="address" maxLength={500} defaultValue={billing?.address} error={errors['billing.address']} />
        <Field label={t.clients.billing.currency} name="currency" maxLength={3} defaultValue={billing?.currency} error={errors['billing.currency']} />
        <Field
          label={t.clients.billing.paymentTermsDays}
          name="paymentTermsDays"
          type="number"
          min={0}
          max={365}
          defaultValue={billing?.paymentTermsDays}
          error={errors['billing.paymentTermsDays']}
        />
      </fieldset>
      <div className="sm:col-span-2 lg:col-span-3">
        <Button type="submit" disabled={busy}>
          {initial ? (busy ? t.client.details.saving : t.client.details.save) : busy ? t.clients.add.saving : t.clients.add.submit}
        </Button>
        <FormOutcome notice={notice} failure={failure} />
      </div>
    </form>
  );
}
