/**
 * One support ticket (`/portal/ticket/`, `/staff/ticket/`, `/admin/ticket/`; ADR 0033): its
 * description and comments (staff: with internal notes), the client's edits and close / open
 * again, and staff's status, priority, category, assignee and resolution with the SLA's times.
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../../../shared/api/routes.ts';
import type { Session } from '../../../../shared/api/schemas/user.ts';
import { TICKET_CATEGORIES, TICKET_PRIORITIES, TICKET_STATUSES, type TicketStatus } from '../../../../shared/domain/conversations/tickets.ts';
import { ApiError, call } from '../api.ts';
import { Shell } from '../components/Shell.tsx';
import { ErrorNotice, FormOutcome, Loading } from '../components/Status.tsx';
import { Button, Card, CONTROL, PageHeader, StatusChip } from '../components/ui.tsx';
import { useSubmission } from '../components/useSubmission.ts';
import { MessageBody } from '../conversations/MessageBody.tsx';
import { dateTime } from '../format.ts';
import { format, useLocale } from '../i18n/index.ts';
import { ticketsText } from '../i18n/tickets/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { ticketAreaOfPage } from './links.ts';

type Ticket = ResponseOf<'getTicket'>;
type Assignee = ResponseOf<'listConversationAssignees'>['items'][number];

const area = ticketAreaOfPage();
const staff = area !== 'portal';
const DONE: readonly TicketStatus[] = ['resolved', 'closed'];

/** A select under its own label (a label wrapping a select would take in the options' words). */
function Choice({
  id,
  name,
  label,
  value,
  options,
  text,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  options: readonly string[];
  text: (o: string) => string;
}) {
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className={CONTROL}>
        {options.map((o) => (
          <option key={o} value={o}>
            {text(o)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Staff: status, priority, category, assignee (leads and admins) and resolution, saved together. */
function StaffControls({ ticket, assignees, onSaved }: { ticket: Ticket; assignees: Assignee[] | null; onSaved: () => void }) {
  const t = useText(ticketsText);
  const id = useId();
  const { busy, errors, failure, notice, setNotice, run } = useSubmission((field) => (field === 'resolution' ? t.ticket.resolution : field));
  function onSave(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const value = (name: string) => String(data.get(name) ?? '');
    const resolution = value('resolution').trim();
    void run(async () => {
      await call('updateTicket', {
        params: { ticketId: ticket.ticketId },
        body: {
          version: ticket.version,
          status: value('status') as TicketStatus,
          priority: value('priority') as Ticket['priority'],
          category: value('category') as Ticket['category'],
          resolution: resolution || null,
          ...(assignees && { assigneeId: value('assigneeId') || null }),
        },
      });
      setNotice(t.ticket.saved);
      onSaved();
    });
  }
  const choice = (name: string, label: string, value: string, options: readonly string[], text: (o: string) => string) => (
    <Choice key={name} id={`${id}-${name}`} name={name} label={label} value={value} options={options} text={text} />
  );
  return (
    <form key={ticket.version} onSubmit={onSave} noValidate className="space-y-3">
      <FormOutcome notice={notice} failure={failure} />
      <div className="grid gap-3 sm:grid-cols-2">
        {choice('status', t.list.status, ticket.status, TICKET_STATUSES, (s) => t.statuses[s as TicketStatus])}
        {choice('priority', t.list.priority, ticket.priority, TICKET_PRIORITIES, (p) => t.priorities[p as Ticket['priority']])}
        {choice('category', t.list.category, ticket.category, TICKET_CATEGORIES, (c) => t.categories[c as Ticket['category']])}
        {assignees &&
          choice('assigneeId', t.ticket.assignTo, ticket.assigneeId ?? '', ['', ...assignees.map((a) => a.userId)], (id) =>
            id ? (assignees.find((a) => a.userId === id)?.name ?? id) : t.ticket.nobody,
          )}
      </div>
      <label className="block text-sm font-medium">
        {t.ticket.resolution}
        <textarea name="resolution" rows={3} maxLength={5000} defaultValue={ticket.resolution ?? ''} className={CONTROL} />
      </label>
      {errors.resolution && <p className="text-sm text-red-700">{errors.resolution}</p>}
      <Button type="submit" disabled={busy}>
        {busy ? t.ticket.saving : t.ticket.save}
      </Button>
    </form>
  );
}

/** A client: the ticket's words, category and priority, while it is not resolved or closed. */
function ClientEdit({ ticket, onSaved }: { ticket: Ticket; onSaved: () => void }) {
  const t = useText(ticketsText);
  const id = useId();
  const [open, setOpen] = useState(false);
  const { busy, errors, failure, run } = useSubmission((field) =>
    field === 'subject' ? t.form.subject : field === 'description' ? t.form.description : field === 'priority' ? t.list.priority : t.list.category,
  );
  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t.ticket.edit}
      </Button>
    );
  function onSave(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const value = (name: string) => String(data.get(name) ?? '');
    void run(async () => {
      await call('updateTicket', {
        params: { ticketId: ticket.ticketId },
        body: {
          version: ticket.version,
          subject: value('subject'),
          description: value('description'),
          category: value('category') as Ticket['category'],
          priority: value('priority') as Ticket['priority'],
        },
      });
      setOpen(false);
      onSaved();
    });
  }
  const error = (field: string) => errors[field] && <p className="text-sm text-red-700">{errors[field]}</p>;
  return (
    <form onSubmit={onSave} noValidate className="w-full space-y-2">
      <FormOutcome notice={null} failure={failure} />
      <label className="block font-medium">
        {t.form.subject}
        <input name="subject" defaultValue={ticket.subject} maxLength={200} className={CONTROL} />
      </label>
      {error('subject')}
      <label className="block font-medium">
        {t.form.description}
        <textarea name="description" defaultValue={ticket.description} rows={4} maxLength={5000} className={CONTROL} />
      </label>
      {error('description')}
      <Choice
        id={`${id}-category`}
        name="category"
        label={t.list.category}
        value={ticket.category}
        options={TICKET_CATEGORIES}
        text={(c) => t.categories[c as Ticket['category']]}
      />
      <Choice
        id={`${id}-priority`}
        name="priority"
        label={t.list.priority}
        value={ticket.priority}
        options={TICKET_PRIORITIES}
        text={(p) => t.priorities[p as Ticket['priority']]}
      />
      <div className="flex gap-2">
        <Button type="submit" disabled={busy}>
          {busy ? t.ticket.saving : t.ticket.save}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          {t.ticket.cancel}
        </Button>
      </div>
    </form>
  );
}

/** A client: close the ticket, or open it again once it is done (or waiting for them). */
function ClientActions({ ticket, onSaved }: { ticket: Ticket; onSaved: () => void }) {
  const t = useText(ticketsText);
  const { busy, failure, run } = useSubmission(() => t.list.status);
  const move = (status: TicketStatus) =>
    void run(async () => {
      await call('updateTicket', { params: { ticketId: ticket.ticketId }, body: { version: ticket.version, status } });
      onSaved();
    });
  return (
    <div className="flex flex-wrap gap-2">
      <FormOutcome notice={null} failure={failure} />
      {ticket.status !== 'closed' && (
        <Button variant="secondary" disabled={busy} onClick={() => move('closed')}>
          {t.ticket.close}
        </Button>
      )}
      {(DONE.includes(ticket.status) || ticket.status === 'waiting_for_client') && (
        <Button variant="secondary" disabled={busy} onClick={() => move('open')}>
          {t.ticket.reopen}
        </Button>
      )}
    </div>
  );
}

function Comments({ ticket, onAdded }: { ticket: Ticket; onAdded: () => void }) {
  const t = useText(ticketsText);
  const { locale } = useLocale();
  const id = useId();
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const { busy, errors, failure, run } = useSubmission(() => t.ticket.comment);
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const sent = body;
    void run(async () => {
      await call('addTicketComment', { params: { ticketId: ticket.ticketId }, body: { body: sent, ...(internal && { internal: true }) } });
      // Cleared once sent, unless the next one is being typed already.
      setBody((now) => (now === sent ? '' : now));
      setInternal(false);
      onAdded();
    });
  }
  return (
    <Card aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="mb-3 text-lg font-semibold">
        {t.ticket.comments}
      </h2>
      {ticket.moreComments && <p className="mb-2 text-sm text-slate-600">{t.ticket.earlier}</p>}
      {!ticket.comments.length && <p className="text-slate-600">{t.ticket.noComments}</p>}
      <ol className="space-y-3">
        {ticket.comments.map((c) => (
          <li key={c.commentId} className={`rounded px-3 py-2 ${c.internal ? 'bg-amber-50 ring-1 ring-amber-300' : 'bg-slate-50'}`}>
            <p className="text-xs text-slate-600">
              <bdi>{c.authorName}</bdi> · {dateTime(c.createdAt, locale)}
              {c.internal && ` · ${t.ticket.internal}`}
            </p>
            <MessageBody text={c.body} />
          </li>
        ))}
      </ol>
      <form onSubmit={onSubmit} noValidate className="mt-4 space-y-2">
        <FormOutcome notice={null} failure={failure} />
        <label className="block text-sm font-medium">
          {t.ticket.comment}
          <textarea value={body} onChange={(e) => setBody(e.currentTarget.value)} rows={3} maxLength={5000} className={CONTROL} />
        </label>
        {errors.body && <p className="text-sm text-red-700">{errors.body}</p>}
        {staff && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.currentTarget.checked)} />
            {t.ticket.note}
          </label>
        )}
        <Button type="submit" disabled={busy}>
          {t.ticket.send}
        </Button>
      </form>
    </Card>
  );
}

function TicketPage({ session }: { session: Session }) {
  const t = useText(ticketsText);
  const { locale } = useLocale();
  const ticketId = new URLSearchParams(location.search).get('id') ?? '';
  const [ticket, setTicket] = useState<Ticket | 'missing' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [assignees, setAssignees] = useState<Assignee[] | null>(null);
  const canAssign = session.permissions.includes('conversations.assign');

  const load = useCallback(async () => {
    setFailure(null);
    try {
      setTicket(await call('getTicket', { params: { ticketId } }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) setTicket('missing');
      else setFailure(error);
    }
  }, [ticketId]);
  useEffect(() => void load(), [load]);
  useEffect(() => {
    if (staff && canAssign) void call('listConversationAssignees').then((a) => setAssignees(a.items));
  }, [canAssign]);

  if (ticket === 'missing')
    return (
      <p role="alert" className="text-red-700">
        {t.ticket.notFound}
      </p>
    );
  if (!ticket) return failure !== null ? <ErrorNotice error={failure} onRetry={() => void load()} /> : <Loading />;
  const chatHref = ticket.conversationId && (staff ? `/${area}/conversations/?id=${encodeURIComponent(ticket.conversationId)}` : '/portal/chat/');
  return (
    <>
      <PageHeader
        title={<bdi>{ticket.subject}</bdi>}
        lead={format(t.ticket.raised, { date: dateTime(ticket.createdAt, locale), customer: ticket.customerName })}
        actions={
          <a className="text-brand-700 underline" href={`/${area}/tickets/`}>
            {t.list.all}
          </a>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          <Card>
            <p className="mb-3 flex flex-wrap items-center gap-2 text-sm">
              <StatusChip status={ticket.status}>{t.statuses[ticket.status]}</StatusChip>
              <span>
                {t.priorities[ticket.priority]} · {t.categories[ticket.category]} ·{' '}
                {ticket.assigneeName ? format(t.ticket.assignee, { name: ticket.assigneeName }) : t.ticket.unassigned}
              </span>
              {chatHref && (
                <a className="text-brand-700 underline" href={chatHref}>
                  {t.ticket.openChat}
                </a>
              )}
            </p>
            <h2 className="font-medium">{t.ticket.description}</h2>
            <MessageBody text={ticket.description} />
            {ticket.resolution && (
              <>
                <h2 className="mt-3 font-medium">{t.ticket.resolution}</h2>
                <MessageBody text={ticket.resolution} />
              </>
            )}
          </Card>
          <Comments ticket={ticket} onAdded={() => void load()} />
        </div>
        <Card className="space-y-3 text-sm">
          {ticket.overdue?.map((o) => (
            <p key={o} className="rounded bg-red-50 px-3 py-2 font-medium text-red-800">
              {t.ticket.overdue[o]}
            </p>
          ))}
          {ticket.firstResponseAt ? (
            <p>{format(t.ticket.answered, { date: dateTime(ticket.firstResponseAt, locale) })}</p>
          ) : (
            ticket.firstResponseDueAt && <p>{format(t.ticket.firstResponseDue, { date: dateTime(ticket.firstResponseDueAt, locale) })}</p>
          )}
          {ticket.resolvedAt ? (
            <p>{format(t.ticket.resolvedAt, { date: dateTime(ticket.resolvedAt, locale) })}</p>
          ) : (
            ticket.resolutionDueAt && <p>{format(t.ticket.resolutionDue, { date: dateTime(ticket.resolutionDueAt, locale) })}</p>
          )}
          {staff ? (
            <StaffControls ticket={ticket} assignees={canAssign ? assignees : null} onSaved={() => void load()} />
          ) : (
            <>
              {DONE.includes(ticket.status) ? (
                <p className="text-slate-600">{t.ticket.done}</p>
              ) : (
                <ClientEdit key={ticket.version} ticket={ticket} onSaved={() => void load()} />
              )}
              <ClientActions ticket={ticket} onSaved={() => void load()} />
            </>
          )}
        </Card>
      </div>
    </>
  );
}

mount(() => <Shell area={area}>{(session) => <TicketPage session={session} />}</Shell>);
