import { useId, useState } from 'react';
import type { UserView } from '../../../../shared/api/schemas/user.ts';
import { call } from '../api.ts';
import { format } from '../i18n/index.ts';
import { bookingsText } from '../i18n/bookings/index.ts';
import { useText } from '../i18n/text.ts';
import { Loading } from '../components/Status.tsx';
import { CONTROL } from '../components/ui.tsx';

/** Every client of the firm, page by page (a firm's clients are hundreds, not millions). */
export async function allClients(): Promise<UserView[]> {
  const clients: UserView[] = [];
  let cursor: string | undefined;
  do {
    const page = await call('listUsers', { query: { role: 'CLIENT', limit: 100, ...(cursor && { cursor }) } });
    clients.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return clients;
}

/**
 * Staff choose whom they book for: the firm's clients, including guests who booked without an
 * account yet, narrowed by what they type (the chosen one stays listed).
 */
export function ClientSelect(props: {
  clients: UserView[] | undefined;
  value: string;
  onChange: (e: { target: { value: string } }) => void;
  error: string | undefined;
}) {
  const t = useText(bookingsText);
  const id = useId();
  const [find, setFind] = useState('');
  if (!props.clients) return <Loading />;
  if (props.clients.length === 0)
    return (
      <p role="status" className="rounded bg-slate-50 p-3">
        {t.book.noClients}
      </p>
    );
  const wanted = find.trim().toLowerCase();
  const shown = props.clients.filter((c) => !wanted || c.userId === props.value || `${c.name} ${c.email}`.toLowerCase().includes(wanted));
  return (
    <div>
      <label htmlFor={`${id}-find`} className="block text-sm font-medium">
        {t.book.findClient}
      </label>
      <input
        id={`${id}-find`}
        type="search"
        value={find}
        onChange={(e) => setFind(e.target.value)}
        aria-describedby={`${id}-found`}
        className="mt-1 mb-1 block w-full rounded border border-slate-300 px-3 py-2"
      />
      <p id={`${id}-found`} aria-live="polite" className="mb-2 text-sm text-slate-600">
        {format(t.book.clientsFound, { count: String(shown.length), total: String(props.clients.length) })}
      </p>
      <label htmlFor={id} className="block text-sm font-medium">
        {t.book.client}
      </label>
      <select
        id={id}
        name="clientId"
        required
        value={props.value}
        onChange={props.onChange}
        aria-invalid={Boolean(props.error)}
        aria-describedby={props.error ? `${id}-error` : undefined}
        className={CONTROL}
      >
        <option value="">{t.book.chooseClient}</option>
        {shown.map((c) => (
          <option key={c.userId} value={c.userId}>
            {c.name} · {c.email}
          </option>
        ))}
      </select>
      {props.error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {props.error}
        </p>
      )}
    </div>
  );
}
