/**
 * Above a thread in the inbox: the conversation's status (any staff who see it) and assignee
 * (leads and admins), each saved on change; its ticket follows both (ADR 0033).
 */
import { useId, useState } from 'react';
import { CONVERSATION_STATUSES, type ConversationStatus } from '../../../../shared/domain/conversations/conversations.ts';
import type { ResponseOf } from '../../../../shared/api/routes.ts';
import { call } from '../api.ts';
import { ErrorNotice } from '../components/Status.tsx';
import { format } from '../i18n/index.ts';
import { conversationsText } from '../i18n/conversations/index.ts';
import { useText } from '../i18n/text.ts';

type Chosen = ResponseOf<'getConversation'>;
export type Assignee = ResponseOf<'listConversationAssignees'>['items'][number];

const FIELD = 'ms-1 rounded border border-slate-300 px-2 py-1';

export function ConversationControls({
  conversation,
  assignees,
  onChanged,
}: {
  conversation: Chosen;
  /** Leads and admins: whom they may assign to; others cannot assign. */
  assignees: Assignee[] | null;
  onChanged: () => void;
}) {
  const t = useText(conversationsText).inbox;
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const id = useId();

  async function change(body: { status?: ConversationStatus; assigneeId?: string | null }) {
    setFailure(null);
    setNotice('');
    try {
      await call('updateConversation', { params: { conversationId: conversation.conversationId }, body });
      setNotice(t.saved);
      onChanged();
    } catch (error) {
      setFailure(error);
    }
  }

  const ticket = conversation.ticket;
  return (
    <div className="mb-2 space-y-2 text-sm">
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor={`${id}-status`} className="font-medium">
          {t.status}
        </label>
        <select
          id={`${id}-status`}
          className={FIELD}
          value={conversation.status}
          onChange={(e) => void change({ status: e.currentTarget.value as ConversationStatus })}
        >
          {CONVERSATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t.statuses[s]}
            </option>
          ))}
        </select>
        {assignees ? (
          <>
            <label htmlFor={`${id}-assignee`} className="font-medium">
              {t.assignTo}
            </label>
            <select
              id={`${id}-assignee`}
              className={FIELD}
              value={conversation.assigneeId ?? ''}
              onChange={(e) => void change({ assigneeId: e.currentTarget.value || null })}
            >
              <option value="">{t.nobody}</option>
              {assignees.map((a) => (
                <option key={a.userId} value={a.userId}>
                  {a.name}
                </option>
              ))}
            </select>
          </>
        ) : (
          <span>{conversation.assigneeName ? format(t.assignee, { name: conversation.assigneeName }) : t.unassigned}</span>
        )}
        <span role="status" className="text-green-800">
          {notice}
        </span>
      </div>
      {ticket && (
        <p className="text-slate-700">
          {t.ticket}: <bdi>{ticket.subject}</bdi> · {t.ticketStatuses[ticket.status]} · {t.priorities[ticket.priority]}
          {ticket.assigneeName && <> · {format(t.assignee, { name: ticket.assigneeName })}</>}
        </p>
      )}
      {failure !== null && <ErrorNotice error={failure} />}
    </div>
  );
}
