/** A client's conversation with the firm (`/portal/chat/`): made on first visit, live, mobile first. */
import { useEffect, useState } from 'react';
import type { ConversationView } from '../../../../shared/api/schemas/conversations.ts';
import type { TicketView } from '../../../../shared/api/schemas/tickets.ts';
import type { Session } from '../../../../shared/api/schemas/user.ts';
import { call } from '../api.ts';
import { Shell } from '../components/Shell.tsx';
import { Loading } from '../components/Status.tsx';
import { Card, PageHeader } from '../components/ui.tsx';
import { format } from '../i18n/index.ts';
import { conversationsText } from '../i18n/conversations/index.ts';
import { ticketsText } from '../i18n/tickets/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { TicketList } from '../tickets/TicketList.tsx';
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

function ClientChat({ session }: { session: Session }) {
  const t = useText(conversationsText).chat;
  const [conversation, setConversation] = useState<ConversationView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    call('startConversation', { body: {} }).then(setConversation, (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  }, []);
  return (
    <>
      <PageHeader title={t.title} lead={format(t.lead, { firm: session.tenant.name })} />
      {problem && (
        <p role="alert" className="text-red-700">
          {problem}
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-[1fr_20rem]">
        <div>{conversation && <Thread conversationId={conversation.conversationId} userId={session.user.userId} />}</div>
        <RecentTickets />
      </div>
    </>
  );
}

mount(() => <Shell area="portal">{(session) => <ClientChat session={session} />}</Shell>);
