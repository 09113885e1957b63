/**
 * A client's conversations with the firm (`/portal/chat/`; ADR 0033): the general one, made on
 * first visit, and any a member of staff started on a topic, listed (with unread counts, live)
 * once there is more than one. `?id=` opens one, as the missed-messages email links. Mobile first.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ConversationView } from '../../../../shared/api/schemas/conversations.ts';
import type { TicketView } from '../../../../shared/api/schemas/tickets.ts';
import type { Session } from '../../../../shared/api/schemas/user.ts';
import { call } from '../api.ts';
import { Shell } from '../components/Shell.tsx';
import { ErrorNotice, Loading } from '../components/Status.tsx';
import { Card, PageHeader } from '../components/ui.tsx';
import { format } from '../i18n/index.ts';
import { conversationsText } from '../i18n/conversations/index.ts';
import { ticketsText } from '../i18n/tickets/index.ts';
import { useText } from '../i18n/text.ts';
import { subscribeLive } from '../live.ts';
import { mount } from '../mount.tsx';
import { TicketList } from '../tickets/TicketList.tsx';
import { ConversationLink, UnreadBadge } from './ConversationLink.tsx';
import { Thread } from './Thread.tsx';

/** Beside the chat: the client's latest tickets, and the way to all of them. */
function RecentTickets() {
  const t = useText(ticketsText);
  const [items, setItems] = useState<TicketView[] | null>(null);
  useEffect(() => {
    call('listTickets', { query: { limit: 5 } }).then(
      (page) => setItems(page.items),
      () => setItems([]),
    );
  }, []);
  return (
    <Card aria-label={t.list.yours} className="text-sm">
      <h2 className="mb-2 text-base font-semibold">{t.list.yours}</h2>
      {items ? <TicketList items={items} area="portal" /> : <Loading inline />}
      <a className="mt-2 inline-block text-brand-700 underline" href="/portal/tickets/">
        {t.list.all}
      </a>
    </Card>
  );
}

/** The client's conversations, newest activity first, each with what is unread; shown when there is a choice. */
function ConversationChoice({ items, chosenId, onOpen }: { items: ConversationView[]; chosenId: string; onOpen: (id: string) => void }) {
  const t = useText(conversationsText);
  return (
    <nav aria-label={t.chat.yours} className="mb-3">
      <ul className="flex flex-wrap gap-2 text-sm">
        {items.map((c) => (
          <li key={c.conversationId}>
            <ConversationLink
              conversationId={c.conversationId}
              current={c.conversationId === chosenId}
              onOpen={onOpen}
              className={`inline-flex items-center gap-2 rounded-full border px-3 py-1 ${c.conversationId === chosenId ? 'border-brand-700 bg-brand-50' : 'border-slate-300 bg-white'}`}
            >
              <bdi>{c.subject ?? t.chat.general}</bdi>
              <UnreadBadge count={c.unread} />
            </ConversationLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const chosenInAddress = () => new URLSearchParams(location.search).get('id');

function ClientChat({ session }: { session: Session }) {
  const t = useText(conversationsText).chat;
  const [general, setGeneral] = useState<ConversationView | null>(null);
  const [items, setItems] = useState<ConversationView[]>([]);
  const [chosenId, setChosenId] = useState(chosenInAddress);
  const [problem, setProblem] = useState<unknown>(null);
  useEffect(() => {
    call('startConversation', { body: {} }).then(setGeneral, setProblem);
  }, []);

  const load = useCallback(
    () =>
      void call('listConversations', { query: { limit: 20 } }).then(
        (page) => setItems(page.items),
        () => undefined,
      ),
    [],
  );
  useEffect(() => {
    load();
    return subscribeLive({ onMessage: (m) => (m.type === 'conversation.activity' || m.type === 'conversation.read') && load(), onResync: load });
  }, [load]);
  useEffect(() => {
    const follow = () => setChosenId(chosenInAddress());
    addEventListener('popstate', follow);
    return () => removeEventListener('popstate', follow);
  }, []);
  const open = (conversationId: string) => {
    history.pushState(null, '', `?id=${encodeURIComponent(conversationId)}`);
    setChosenId(conversationId);
  };

  const shownId = chosenId ?? general?.conversationId;
  return (
    <>
      <PageHeader title={t.title} lead={format(t.lead, { firm: session.tenant.name })} />
      {problem !== null && <ErrorNotice error={problem} />}
      <div className="grid gap-4 lg:grid-cols-[1fr_20rem]">
        <div>
          {shownId && items.length > 1 && <ConversationChoice items={items} chosenId={shownId} onOpen={open} />}
          {shownId && <Thread key={shownId} conversationId={shownId} userId={session.user.userId} />}
        </div>
        <RecentTickets />
      </div>
    </>
  );
}

mount(() => <Shell area="portal">{(session) => <ClientChat session={session} />}</Shell>);
