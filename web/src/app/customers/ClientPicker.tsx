import { useCallback, useEffect, useId, useState } from 'react';
import type { ContactView, CustomerView } from '../../../../shared/api/schemas/customers.ts';
import { call } from '../api.ts';
import { ErrorNotice } from '../components/Status.tsx';
import { useLatest } from '../components/useLatest.ts';
import { useLoad } from '../components/useLoad.tsx';
import { Button, CONTROL } from '../components/ui.tsx';
import { customersText } from '../i18n/customers/index.ts';
import { useText } from '../i18n/text.ts';

/**
 * Staff asking on a client's behalf pick the customer (found by name or a contact's address),
 * then the contact who asks: its primary contact unless another is chosen. The contact's id is
 * the form's `clientId`. Without `withContact`, the choice ends at the customer: the form's `customerId`.
 */
export default function ClientPicker({ error, withContact = true }: { error?: string | undefined; withContact?: boolean }) {
  const t = useText(customersText);
  const p = t.picker;
  const id = useId();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [customerId, setCustomerId] = useState('');
  const [contacts, setContacts] = useState<ContactView[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const { data: customers } = useLoad(
    useCallback(async (): Promise<CustomerView[]> => (await call('listCustomers', { query: { q: query || undefined, limit: 100 } })).items, [query]),
  );

  const begin = useLatest();
  useEffect(() => {
    const isLatest = begin();
    setContacts(null);
    if (customerId && withContact)
      call('getCustomer', { params: { customerId } })
        .then((c) => isLatest() && setContacts(c.contacts.filter((contact) => contact.status === 'active')))
        .catch((e: unknown) => isLatest() && setFailure(e));
  }, [begin, customerId, withContact]);

  return (
    <fieldset className="grid gap-3 rounded border border-slate-200 p-3">
      <div className="flex flex-wrap items-end gap-2">
        <label className="block grow text-sm font-medium">
          {p.find}
          <input
            type="search"
            value={q}
            maxLength={160}
            onChange={(e) => setQ(e.currentTarget.value)}
            onKeyDown={(e) => {
              // Searching, not sending the whole form.
              if (e.key === 'Enter') {
                e.preventDefault();
                setQuery(q.trim());
              }
            }}
            aria-describedby={`${id}-hint`}
            className={CONTROL}
          />
        </label>
        <Button variant="secondary" type="button" onClick={() => setQuery(q.trim())}>
          {p.search}
        </Button>
        <p id={`${id}-hint`} className="w-full text-xs text-slate-500">
          {p.findHint}
        </p>
      </div>
      {customers?.length === 0 && <p className="text-sm text-slate-600">{p.noCustomers}</p>}
      <div>
        <label htmlFor={`${id}-customer`} className="block text-sm font-medium">
          {p.customer}
        </label>
        <select
          id={`${id}-customer`}
          {...(!withContact && { name: 'customerId', 'aria-invalid': Boolean(error) })}
          value={customerId}
          onChange={(e) => setCustomerId(e.currentTarget.value)}
          required
          className={CONTROL}
        >
          <option value="" disabled>
            {p.chooseCustomer}
          </option>
          {customers?.map((c) => (
            <option key={c.customerId} value={c.customerId}>
              {c.name}
            </option>
          ))}
        </select>
        {!withContact && error && <span className="text-sm text-red-700">{error}</span>}
      </div>
      {withContact && (
        <div>
          <label htmlFor={`${id}-contact`} className="block text-sm font-medium">
            {p.contact}
          </label>
          <select
            id={`${id}-contact`}
            // Drawn again once the contacts arrive, so that the primary contact is chosen.
            key={`${customerId}:${contacts?.length ?? ''}`}
            name="clientId"
            required
            defaultValue={contacts?.find((c) => c.isPrimaryContact)?.userId ?? ''}
            disabled={!contacts?.length}
            aria-invalid={Boolean(error)}
            className={CONTROL}
          >
            <option value="" disabled>
              {p.chooseContact}
            </option>
            {contacts?.map((c) => (
              <option key={c.userId} value={c.userId}>
                {c.name} · {c.email}
              </option>
            ))}
          </select>
          {error && <span className="text-sm text-red-700">{error}</span>}
        </div>
      )}
      {contacts?.length === 0 && <p className="text-sm text-slate-600">{p.noContacts}</p>}
      {failure !== null && <ErrorNotice error={failure} />}
    </fieldset>
  );
}
