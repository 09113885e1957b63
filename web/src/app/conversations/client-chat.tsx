/** A client's conversation with the firm (`/portal/chat/`): made on first visit, live, mobile first. */
import { useEffect, useState } from 'react';
import type { ConversationView } from '../../../../shared/api/schemas/conversations.ts';
import type { Session } from '../../../../shared/api/schemas/user.ts';
import { call } from '../api.ts';
import { Shell } from '../components/Shell.tsx';
import { PageHeader } from '../components/ui.tsx';
import { format } from '../i18n/index.ts';
import { conversationsText } from '../i18n/conversations/index.ts';
import { useText } from '../i18n/text.ts';
import { mount } from '../mount.tsx';
import { Thread } from './Thread.tsx';

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
      {conversation && <Thread conversationId={conversation.conversationId} userId={session.user.userId} />}
    </>
  );
}

mount(() => <Shell area="portal">{(session) => <ClientChat session={session} />}</Shell>);
