/**
 * The staff inbox (`/staff/conversations/`, ADR 0033): the list (team members see what is
 * assigned to them; leads and admins choose Mine, Unassigned or All), with unread counts kept
 * live, and the chosen conversation's thread with a reply / private-note choice.
 */
import { useCallback, useEffect, useState } from 'react';
import { CONVERSATION_STATUSES, type ConversationStatus, type InboxView } from '../../../../shared/domain/conversations/conversations.ts';
import type { ConversationView } from '../../../../shared/api/schemas/conversations.ts';
import type { Session } from '../../../../shared/api/schemas/user.ts';
import { ApiError, call } from '../api.ts';
import { Shell } from '../components/Shell.tsx';
import { PageHeader } from '../components/ui.tsx';
import { clientHref } from '../customers/links.ts';
import { format } from '../i18n/index.ts';
import { conversationsText } from '../i18n/conversations/index.ts';
import { useText } from '../i18n/text.ts';
import { subscribeLive } from '../live.ts';
import { mount } from '../mount.tsx';
import { Thread } from './Thread.tsx';

const FIELD = 'ms-1 rounded border border-slate-300 px-2 py-1';

function chosenInAddress(): string | null {
  return new URLSearchParams(location.search).get('id');
}

function Inbox({ session }: { session: Session }) {
  const t = useText(conversationsText).inbox;
  const seesAll = session.permissions.includes('conversations.read.all');
  const [view, setView] = useState<InboxView>(seesAll ? 'all' : 'mine');
  const [status, setStatus] = useState<ConversationStatus | ''>('');
  const [items, setItems] = useState<ConversationView[] | null>(null);
  const [chosenId, setChosenId] = useState(chosenInAddress);
  const [chosen, setChosen] = useState<ConversationView | 'missing' | null>(null);

  const load = useCallback(async () => {
    const page = await call('listConversations', { query: { limit: 50, view, ...(status && { status }) } });
    setItems(page.items);
  }, [view, status]);

  useEffect(() => {
    void load();
    // Any activity in a conversation of theirs: the list (and its unread counts) is read again.
    return subscribeLive({ onMessage: (m) => m.type === 'conversation.activity' && void load(), onResync: () => void load() });
  }, [load]);

  useEffect(() => {
    if (!chosenId) return setChosen(null);
    call('getConversation', { params: { conversationId: chosenId } }).then(setChosen, (error: unknown) => {
      if (error instanceof ApiError && error.status === 404) setChosen('missing');
    });
  }, [chosenId]);

  // Back and forward move between the conversations opened.
  useEffect(() => {
    const follow = () => setChosenId(chosenInAddress());
    addEventListener('popstate', follow);
    return () => removeEventListener('popstate', follow);
  }, []);

  function open(conversationId: string) {
    history.pushState(null, '', `?id=${encodeURIComponent(conversationId)}`);
    setChosenId(conversationId);
  }

  return (
    <>
      <PageHeader title={t.title} lead={t.lead} />
      <div className="grid gap-4 lg:grid-cols-[22rem_1fr]">
        <section aria-label={t.list} className="rounded-lg bg-white p-3 shadow">
          <div className="mb-3 flex flex-wrap gap-2 text-sm">
            {seesAll && (
              <label className="font-medium">
                {t.view}
                <select className={FIELD} value={view} onChange={(e) => setView(e.currentTarget.value as InboxView)}>
                  {(['mine', 'unassigned', 'all'] as const).map((v) => (
                    <option key={v} value={v}>
                      {t.views[v]}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label className="font-medium">
              {t.status}
              <select className={FIELD} value={status} onChange={(e) => setStatus(e.currentTarget.value as ConversationStatus | '')}>
                <option value="">{t.anyStatus}</option>
                {CONVERSATION_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t.statuses[s]}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {items && !items.length && <p className="text-slate-600">{t.empty}</p>}
          <ul className="divide-y divide-slate-100">
            {items?.map((c) => (
              <li key={c.conversationId}>
                <a
                  href={`?id=${encodeURIComponent(c.conversationId)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    open(c.conversationId);
                  }}
                  aria-current={c.conversationId === chosenId ? 'page' : undefined}
                  className={`block w-full px-2 py-2 text-start hover:bg-slate-50 ${c.conversationId === chosenId ? 'bg-brand-50' : ''}`}
                >
                  <span className="flex items-center justify-between gap-2">
                    <bdi className="font-medium">{c.customerName}</bdi>
                    {c.unread > 0 && (
                      <span className="rounded-full bg-brand-700 px-2 text-xs text-white" aria-label={format(t.unread, { count: String(c.unread) })}>
                        {c.unread}
                      </span>
                    )}
                  </span>
                  <span className="block truncate text-sm text-slate-600">{c.subject ?? c.preview}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
        <div>
          {!chosenId && <p className="text-slate-600">{t.noneChosen}</p>}
          {chosen === 'missing' && (
            <p role="alert" className="text-red-700">
              {t.notFound}
            </p>
          )}
          {chosen && chosen !== 'missing' && (
            <>
              <p className="mb-2 text-sm text-slate-700">
                <bdi className="font-medium">{chosen.customerName}</bdi> ·{' '}
                {chosen.assigneeName ? format(t.assignee, { name: chosen.assigneeName }) : t.unassigned} · {t.statuses[chosen.status]}
                {chosen.customerId && (
                  <>
                    {' · '}
                    <a className="text-brand-700 underline" href={clientHref('staff', chosen.customerId)}>
                      {t.openClient}
                    </a>
                  </>
                )}
              </p>
              <Thread key={chosen.conversationId} conversationId={chosen.conversationId} userId={session.user.userId} staff onRead={() => void load()} />
            </>
          )}
        </div>
      </div>
    </>
  );
}

mount(() => <Shell area="staff">{(session) => <Inbox session={session} />}</Shell>);
