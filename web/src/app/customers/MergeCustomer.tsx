import { useState, type FormEvent } from 'react';
import type { CustomerView } from '../../../../shared/api/schemas/customers.ts';
import { call } from '../api.ts';
import { FormOutcome } from '../components/Status.tsx';
import { useSubmission } from '../components/useSubmission.ts';
import { Button, Card, CONTROL } from '../components/ui.tsx';
import { customersText } from '../i18n/customers/index.ts';
import { format } from '../i18n/index.ts';
import { useText } from '../i18n/text.ts';

/** Finds a duplicate by name and merges it into this customer, once the admin has read what that does. */
export function MergeCustomer({ into, onMerged }: { into: CustomerView; onMerged: () => void }) {
  const t = useText(customersText);
  const m = t.client.merge;
  const [matches, setMatches] = useState<CustomerView[] | null>(null);
  const [chosen, setChosen] = useState<CustomerView | null>(null);
  const { busy, failure, notice, setNotice, run } = useSubmission((f) => f);

  async function onFind(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const q = String(new FormData(e.currentTarget).get('q') ?? '').trim();
    setChosen(null);
    await run(async () => {
      const { items } = await call('listCustomers', { query: { q, limit: 10 } });
      setMatches(items.filter((c) => c.customerId !== into.customerId));
    });
  }

  const merge = (from: CustomerView) =>
    run(async () => {
      await call('mergeCustomers', { params: { customerId: into.customerId }, body: { from: from.customerId } });
      setNotice(format(m.merged, { from: from.name }));
      setMatches(null);
      setChosen(null);
      onMerged();
    });

  return (
    <Card aria-labelledby="merge-title" className="mt-8">
      <h2 id="merge-title" className="text-lg font-semibold">
        {m.title}
      </h2>
      <p className="mb-4 text-sm text-slate-600">{m.lead}</p>
      <form role="search" onSubmit={onFind} className="flex flex-wrap items-end gap-3">
        <label className="block text-sm font-medium">
          {m.find}
          <input name="q" type="search" required maxLength={160} className={CONTROL} />
        </label>
        <Button variant="secondary" type="submit" disabled={busy}>
          {t.clients.apply}
        </Button>
      </form>
      {matches !== null &&
        (matches.length === 0 ? (
          <p className="mt-3 text-slate-600">{m.none}</p>
        ) : (
          <fieldset className="mt-4">
            <legend className="text-sm font-medium">{m.choose}</legend>
            {matches.map((c) => (
              <label key={c.customerId} className="mt-1 flex items-center gap-2">
                <input type="radio" name="duplicate" checked={chosen?.customerId === c.customerId} onChange={() => setChosen(c)} />
                {c.name}
              </label>
            ))}
          </fieldset>
        ))}
      {chosen && (
        <div role="alert" className="mt-4 rounded border border-amber-200 bg-amber-50 p-4">
          <p>{format(m.confirm, { from: chosen.name, name: into.name })}</p>
          <Button type="button" className="mt-3" disabled={busy} onClick={() => merge(chosen)}>
            {busy ? m.merging : format(m.submit, { name: into.name })}
          </Button>
        </div>
      )}
      <FormOutcome notice={notice} failure={failure} />
    </Card>
  );
}
