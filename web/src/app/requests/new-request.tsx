import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import type { ServiceView } from '../../../../shared/api/schemas/catalog.ts';
import { PRIORITIES, type Priority } from '../../../../shared/domain/requests/workflow.ts';
import { call } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { Shell } from '../components/Shell.tsx';
import { ErrorNotice, Loading } from '../components/Status.tsx';
import { useSubmission } from '../components/useSubmission.ts';
import { money, toMinor } from '../format.ts';
import { textFor, useLocale } from '../i18n/index.ts';
import { requestsText } from '../i18n/requests/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { Button, Card } from '../components/ui.tsx';
import { FileChoice, useUploads } from './Attachments.tsx';

const preselected = new URLSearchParams(location.search).get('service') ?? '';
const area = (document.getElementById('app')?.dataset.area ?? 'portal') as 'portal' | 'staff' | 'admin';
const onBehalf = area !== 'portal';
// Only staff pick a client: clients never download the picker.
const ClientPicker = lazy(() => import('../customers/ClientPicker.tsx'));

/** A client asks for a service (or staff ask on a client's behalf): pick it, answer its questions, say when and for how much. */
function NewRequest() {
  const t = useText(requestsText);
  const { locale } = useLocale();
  const [services, setServices] = useState<ServiceView[] | null>(null);
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  const [serviceId, setServiceId] = useState(preselected);
  const f = t.requests.fields;
  const { busy, errors, failure, run } = useSubmission((field) => {
    const question = services?.find((s) => s.serviceId === serviceId)?.questions.find((q) => `requirements.${q.key}` === field);
    if (field.startsWith('attachments')) return t.requests.attachments.title;
    return question?.label ?? textFor(f, field) ?? field;
  });
  // A client attaches files of their own; staff asking for someone attach theirs in the request's comments.
  const uploads = useUploads({});

  useEffect(
    () =>
      void call('listServices', { query: { limit: 100, status: 'active' } })
        .then((p) => setServices(p.items))
        .catch(setLoadFailure),
    [],
  );
  const service = services?.find((s) => s.serviceId === serviceId);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(e.currentTarget);
    const text = (k: string) => String(data.get(k) ?? '').trim();
    const amount = (k: string) => (text(k) && service ? toMinor(text(k), service.currency) : undefined);
    void run(async () => {
      const attachments = onBehalf ? [] : await uploads.sendAll();
      if (!attachments) return;

      const created = await call('createRequest', {
        body: {
          serviceId,
          ...(onBehalf && { clientId: text('clientId') }),
          title: text('title'),
          description: text('description'),
          priority: text('priority') as Priority,
          ...(amount('budgetMin') !== undefined && { budgetMin: amount('budgetMin') }),
          ...(amount('budgetMax') !== undefined && { budgetMax: amount('budgetMax') }),
          ...(text('deadline') && { deadline: text('deadline') }),
          requirements: Object.fromEntries((service?.questions ?? []).map((q) => [q.key, text(`q:${q.key}`)])),
          attachments,
          submit: submitter?.value !== 'draft',
        },
      });
      location.assign(`/${area}/request/?id=${created.requestId}`);
    });
  }

  if (loadFailure !== null) return <ErrorNotice error={loadFailure} />;
  if (!services) return <Loading />;
  if (!services.length) return <p className="text-slate-600">{t.requests.noServices}</p>;
  const control = 'mt-1 block w-full rounded border border-slate-300 px-3 py-2';
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">{onBehalf ? t.requests.newOnBehalf : t.requests.newRequest}</h1>
      <Card as="form" onSubmit={onSubmit} noValidate className="grid max-w-2xl gap-4">
        <div aria-live="polite">{failure !== null && <ErrorNotice error={failure} />}</div>
        {onBehalf && (
          <Suspense fallback={<Loading />}>
            <ClientPicker error={errors.clientId} />
          </Suspense>
        )}
        <label className="block text-sm font-medium">
          {f.service}
          <select value={serviceId} onChange={(e) => setServiceId(e.target.value)} required className={control} aria-invalid={Boolean(errors.serviceId)}>
            <option value="">{t.requests.chooseService}</option>
            {services.map((s) => (
              <option key={s.serviceId} value={s.serviceId}>
                {s.name} · {money(s.basePrice, s.currency, locale)}
              </option>
            ))}
          </select>
          {errors.serviceId && <span className="text-sm text-red-700">{errors.serviceId}</span>}
        </label>
        {service && <p className="text-sm text-slate-600">{service.description}</p>}
        <Field label={f.title} name="title" required minLength={5} maxLength={300} error={errors.title} />
        <label className="block text-sm font-medium">
          {f.description}
          <textarea name="description" rows={4} maxLength={10000} className={control} />
        </label>
        {service && service.questions.length > 0 && (
          <fieldset className="grid gap-3 rounded border border-slate-200 p-4">
            <legend className="px-1 text-sm font-semibold">{t.requests.questions}</legend>
            {service.questions.map((q) => (
              <Field
                key={q.key}
                label={`${q.label}${q.required ? ' *' : ''}`}
                name={`q:${q.key}`}
                required={q.required}
                maxLength={2000}
                error={errors[`requirements.${q.key}`]}
              />
            ))}
          </fieldset>
        )}
        <div className="grid gap-4 sm:grid-cols-3">
          <label className="block text-sm font-medium">
            {f.priority}
            <select name="priority" defaultValue="medium" className={control}>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t.requests.priorities[p]}
                </option>
              ))}
            </select>
          </label>
          <Field label={service ? `${f.budgetMin} (${service.currency})` : f.budgetMin} name="budgetMin" inputMode="decimal" error={errors.budgetMin} />
          <Field label={service ? `${f.budgetMax} (${service.currency})` : f.budgetMax} name="budgetMax" inputMode="decimal" error={errors.budgetMax} />
        </div>
        <Field label={f.deadline} name="deadline" type="date" min={new Date().toISOString().slice(0, 10)} error={errors.deadline} />
        {!onBehalf && (
          <fieldset className="grid gap-2">
            <legend className="text-sm font-medium">{t.requests.attachments.title}</legend>
            <FileChoice uploads={uploads} problems={Object.entries(errors).filter(([field]) => field.startsWith('attachments'))} />
          </fieldset>
        )}
        <div className="flex flex-wrap gap-3">
          <Button type="submit" value="submit" disabled={busy || !service}>
            {busy ? t.requests.sending : t.requests.submit}
          </Button>
          <Button variant="secondary" type="submit" value="draft" disabled={busy || !service}>
            {t.requests.saveDraft}
          </Button>
        </div>
      </Card>
    </>
  );
}

mount(() => <Shell area={area}>{() => <NewRequest />}</Shell>);
