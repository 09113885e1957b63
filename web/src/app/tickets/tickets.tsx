/**
 * Support tickets (`/portal/tickets/`, `/staff/tickets/`, `/admin/tickets/`; ADR 0033): a client
 * raises one and follows theirs; staff list those they may see, by view, status, priority and
 * category, a page at a time.
 */
import { lazy, Suspense, useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { TicketView } from '../../../../shared/api/schemas/tickets.ts';
import type { Session } from '../../../../shared/api/schemas/user.ts';
import { INBOX_VIEWS, type InboxView } from '../../../../shared/domain/conversations/conversations.ts';
import {
  TICKET_CATEGORIES,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type TicketCategory,
  type TicketPriority,
  type TicketStatus,
} from '../../../../shared/domain/conversations/tickets.ts';
import { call } from '../api.ts';
import { Shell } from '../components/Shell.tsx';
import { ErrorNotice, FormOutcome, Loading } from '../components/Status.tsx';
import { Button, Card, CONTROL, PageHeader } from '../components/ui.tsx';
import { useLatest } from '../components/useLatest.ts';
import { useSubmission } from '../components/useSubmission.ts';
import { ticketsText } from '../i18n/tickets/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { ticketAreaOfPage, ticketHref } from './links.ts';
import { TicketList } from './TicketList.tsx';

const ClientPicker = lazy(() => import('../customers/ClientPicker.tsx'));
const area = ticketAreaOfPage();
const FIELD = 'ms-1 rounded border border-slate-300 px-2 py-1';

/** Staff raise a ticket for a customer they may open (and take it); a client, for their own. */
function NewTicket({ staff }: { staff: boolean }) {
  const t = useText(ticketsText);
  const f = t.form;
  const id = useId();
  const { busy, errors, failure, notice, run } = useSubmission((field) =>
    field === 'subject'
      ? f.subject
      : field === 'description'
        ? f.description
        : field === 'priority'
          ? t.list.priority
          : field === 'customerId'
            ? f.customer
            : t.list.category,
  );
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    void run(async () => {
      const made = await call('createTicket', {
        body: {
          ...(staff && text('customerId') ? { customerId: text('customerId') } : {}),
          subject: text('subject'),
          description: text('description'),
          category: text('category') as TicketCategory,
          priority: text('priority') as TicketPriority,
        },
      });
      location.assign(ticketHref(area, made.ticketId));
    });
  }
  const error = (field: string) =>
    errors[field] && (
      <p id={`${id}-${field}-error`} className="mt-1 text-sm text-red-700">
        {errors[field]}
      </p>
    );
  const described = (field: string) => (errors[field] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-error` } : {});
  return (
    <Card aria-labelledby={`${id}-title`} className="mb-6">
      <h2 id={`${id}-title`} className="mb-3 text-lg font-semibold">
        {staff ? f.staffTitle : f.title}
      </h2>
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        <FormOutcome notice={notice} failure={failure} />
        {staff && (
          <Suspense fallback={<Loading inline />}>
            <ClientPicker withContact={false} error={errors.customerId} />
          </Suspense>
        )}
        <label className="block text-sm font-medium">
          {f.subject}
          <input name="subject" required maxLength={200} className={CONTROL} {...described('subject')} />
        </label>
        {error('subject')}
        <label className="block text-sm font-medium">
          {f.description}
          <textarea name="description" required rows={4} maxLength={5000} className={CONTROL} {...described('description')} />
        </label>
        {error('description')}
        <div className="flex flex-wrap gap-4">
          <div>
            <label htmlFor={`${id}-category`} className="text-sm font-medium">
              {t.list.category}
            </label>
            <select id={`${id}-category`} name="category" defaultValue="general" className={CONTROL}>
              {TICKET_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t.categories[c]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-priority`} className="text-sm font-medium">
              {t.list.priority}
            </label>
            <select id={`${id}-priority`} name="priority" defaultValue="normal" className={CONTROL}>
              {TICKET_PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t.priorities[p]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <Button type="submit" disabled={busy}>
          {busy ? f.submitting : f.submit}
        </Button>
      </form>
    </Card>
  );
}

interface Filters {
  view: InboxView;
  status: TicketStatus | '';
  priority: TicketPriority | '';
  category: TicketCategory | '';
}

function TicketsPage({ session }: { session: Session }) {
  const t = useText(ticketsText);
  const staff = area !== 'portal';
  const seesAll = session.permissions.includes('conversations.read.all');
  const [filters, setFilters] = useState<Filters>({ view: seesAll ? 'all' : 'mine', status: '', priority: '', category: '' });
  const [items, setItems] = useState<TicketView[] | null>(null);
  const [next, setNext] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const [raising, setRaising] = useState(false);

  const begin = useLatest();
  const load = useCallback(
    async (cursor?: string) => {
      const isLatest = begin();
      setFailure(null);
      try {
        const page = await call('listTickets', {
          query: {
            limit: 25,
            ...(cursor && { cursor }),
            ...(staff && { view: filters.view }),
            ...(filters.status && { status: filters.status }),
            ...(filters.priority && { priority: filters.priority }),
            ...(filters.category && { category: filters.category }),
          },
        });
        if (!isLatest()) return;
        setItems((shown) => (cursor ? [...(shown ?? []), ...page.items] : page.items));
        setNext(page.nextCursor ?? undefined);
      } catch (error) {
        if (isLatest()) setFailure(error);
      }
    },
    [begin, filters, staff],
  );
  useEffect(() => void load(), [load]);

  const select = <K extends keyof Filters>(key: K, label: string, any: string | null, options: readonly Filters[K][], text: (v: Filters[K]) => string) => (
    <label className="font-medium">
      {label}
      <select className={FIELD} value={filters[key]} onChange={(e) => setFilters({ ...filters, [key]: e.currentTarget.value })}>
        {any !== null && <option value="">{any}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {text(o)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <>
      <PageHeader title={t.list.title} lead={staff ? t.list.staffLead : t.list.clientLead} />
      {staff ? (
        raising ? (
          <NewTicket staff />
        ) : (
          <Button className="mb-4" onClick={() => setRaising(true)}>
            {t.form.staffOpen}
          </Button>
        )
      ) : (
        <NewTicket staff={false} />
      )}
      <Card aria-label={staff ? t.list.title : t.list.yours}>
        {!staff && <h2 className="mb-3 text-lg font-semibold">{t.list.yours}</h2>}
        <div className="mb-3 flex flex-wrap gap-3 text-sm">
          {staff && seesAll && select('view', t.list.view, null, INBOX_VIEWS, (v) => t.list.views[v])}
          {select('status', t.list.status, t.list.anyStatus, TICKET_STATUSES, (s) => t.statuses[s as TicketStatus])}
          {select('priority', t.list.priority, t.list.anyPriority, TICKET_PRIORITIES, (p) => t.priorities[p as TicketPriority])}
          {select('category', t.list.category, t.list.anyCategory, TICKET_CATEGORIES, (c) => t.categories[c as TicketCategory])}
        </div>
        {failure !== null && <ErrorNotice error={failure} onRetry={() => void load()} />}
        {!items && failure === null && <Loading />}
        {items && <TicketList items={items} area={area} />}
        {next && (
          <Button variant="secondary" className="mt-3" onClick={() => void load(next)}>
            {t.list.more}
          </Button>
        )}
      </Card>
    </>
  );
}

mount(() => <Shell area={area}>{(session) => <TicketsPage session={session} />}</Shell>);
