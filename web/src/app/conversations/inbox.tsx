/**
 * The staff inbox (`/staff/conversations/`, `/admin/conversations/`; ADR 0033), in three panes:
 * the list (team members see what is assigned to them; leads and admins choose Mine, Unassigned,
 * All or one colleague's), kept live; the chosen thread with its status, assignee and a reply /
 * private-note composer with canned replies; and the customer panel. Keys: j and k move through
 * the list, r replies, e resolves.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ResponseOf } from '../../../../shared/api/routes.ts';
import type { ConversationView } from '../../../../shared/api/schemas/conversations.ts';
import type { Session } from '../../../../shared/api/schemas/user.ts';
import { ApiError, call } from '../api.ts';
import { Shell } from '../components/Shell.tsx';
import { ErrorNotice } from '../components/Status.tsx';
import { useLatest } from '../components/useLatest.ts';
import { PageHeader } from '../components/ui.tsx';
import { areaOfPage } from '../customers/links.ts';
import { conversationsText } from '../i18n/conversations/index.ts';
import { useText } from '../i18n/text.ts';
import { subscribeLive } from '../live.ts';
import { mount } from '../mount.tsx';
import { ConversationControls, type Assignee } from './ConversationControls.tsx';
import { CustomerPanel, LeadPanel } from './CustomerPanel.tsx';
import { InboxList, type InboxFilters } from './InboxList.tsx';
import { COMPOSER_ID, Thread } from './Thread.tsx';

type Chosen = ResponseOf<'getConversation'>;
type CannedReply = ResponseOf<'getConversationSettings'>['cannedReplies'][number];

const area = areaOfPage();

function chosenInAddress(): string | null {
  return new URLSearchParams(location.search).get('id');
}

/** A key typed into a field is text, not a command. */
const typingInField = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

function Inbox({ session }: { session: Session }) {
  const t = useText(conversationsText).inbox;
  const seesAll = session.permissions.includes('conversations.read.all');
  const canAssign = session.permissions.includes('conversations.assign');
  const [filters, setFilters] = useState<InboxFilters>({ show: seesAll ? 'all' : 'mine', status: '', source: '' });
  const [items, setItems] = useState<ConversationView[] | null>(null);
  const [chosenId, setChosenId] = useState(chosenInAddress);
  const [chosen, setChosen] = useState<Chosen | 'missing' | null>(null);
  const [assignees, setAssignees] = useState<Assignee[] | null>(null);
  const [canned, setCanned] = useState<CannedReply[]>([]);
  const [keyFailure, setKeyFailure] = useState<unknown>(null);
  // A list or conversation that could not be read says so, with a retry, instead of showing the last answer as if current.
  const [listFailure, setListFailure] = useState<unknown>(null);
  const [chosenFailure, setChosenFailure] = useState<unknown>(null);

  useEffect(() => {
    if (canAssign) void call('listConversationAssignees').then((a) => setAssignees(a.items));
    void call('getConversationSettings').then((s) => setCanned(s.cannedReplies));
  }, [canAssign]);

  const beginList = useLatest();
  const beginChosen = useLatest();
  const load = useCallback(async () => {
    const isLatest = beginList();
    const { show, status, source } = filters;
    const view = show.startsWith('user:') ? 'all' : (show as 'mine' | 'unassigned' | 'all');
    try {
      const page = await call('listConversations', {
        query: { limit: 50, view, ...(show.startsWith('user:') && { assigneeId: show.slice(5) }), ...(status && { status }), ...(source && { source }) },
      });
      if (!isLatest()) return;
      setItems(page.items);
      setListFailure(null);
    } catch (error) {
      if (isLatest()) setListFailure(error);
    }
  }, [beginList, filters]);

  const loadChosen = useCallback(async () => {
    const isLatest = beginChosen();
    setChosenFailure(null);
    if (!chosenId) return setChosen(null);
    try {
      const conversation = await call('getConversation', { params: { conversationId: chosenId } });
      if (!isLatest()) return;
      setChosen(conversation);
      setChosenFailure(null);
    } catch (error) {
      if (!isLatest()) return;
      if (error instanceof ApiError && error.status === 404) setChosen('missing');
      else setChosenFailure(error);
    }
  }, [beginChosen, chosenId]);

  useEffect(() => {
    void load();
    // Any activity in a conversation of theirs: the list (and its unread counts) is read again.
    return subscribeLive({ onMessage: (m) => m.type === 'conversation.activity' && void load(), onResync: () => void load() });
  }, [load]);
  useEffect(() => void loadChosen(), [loadChosen]);

  // Back and forward move between the conversations opened.
  useEffect(() => {
    const follow = () => setChosenId(chosenInAddress());
    addEventListener('popstate', follow);
    return () => removeEventListener('popstate', follow);
  }, []);

  const open = useCallback((conversationId: string) => {
    history.pushState(null, '', `?id=${encodeURIComponent(conversationId)}`);
    setChosenId(conversationId);
  }, []);

  const changed = useCallback(() => {
    void load();
    void loadChosen();
  }, [load, loadChosen]);

  useEffect(() => {
    const onKey = async (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typingInField(e.target)) return;
      const at = items?.findIndex((c) => c.conversationId === chosenId) ?? -1;
      if ((e.key === 'j' || e.key === 'k') && items?.length) {
        const next = items[Math.min(items.length - 1, Math.max(0, at + (e.key === 'j' ? 1 : -1)))];
        if (next) open(next.conversationId);
      } else if (e.key === 'r' && chosenId) {
        e.preventDefault();
        document.getElementById(COMPOSER_ID)?.focus();
      } else if (e.key === 'e' && chosen && chosen !== 'missing' && chosen.status !== 'RESOLVED') {
        await call('updateConversation', { params: { conversationId: chosen.conversationId }, body: { status: 'RESOLVED' } });
        changed();
      }
    };
    const listener = (e: KeyboardEvent) => {
      setKeyFailure(null);
      onKey(e).catch(setKeyFailure);
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [items, chosenId, chosen, open, changed]);

  return (
    <>
      <PageHeader title={t.title} lead={t.lead} />
      <p className="-mt-4 mb-4 text-sm text-slate-600">{t.keys}</p>
      {keyFailure !== null && <ErrorNotice error={keyFailure} />}
      {listFailure !== null && <ErrorNotice error={listFailure} onRetry={() => void load()} />}
      {chosenFailure !== null && <ErrorNotice error={chosenFailure} onRetry={() => void loadChosen()} />}
      <div className="grid gap-4 lg:grid-cols-[20rem_1fr] 2xl:grid-cols-[20rem_1fr_18rem]">
        <InboxList items={items} chosenId={chosenId} filters={filters} onFilters={setFilters} assignees={seesAll ? assignees : null} onOpen={open} />
        <div>
          {!chosenId && <p className="text-slate-600">{t.noneChosen}</p>}
          {chosen === 'missing' && (
            <p role="alert" className="text-red-700">
              {t.notFound}
            </p>
          )}
          {chosen && chosen !== 'missing' && (
            <>
              <h2 className="mb-1 text-lg font-semibold">
                <bdi>{chosen.customerName}</bdi>
                {chosen.subject && (
                  <>
                    {' · '}
                    <bdi>{chosen.subject}</bdi>
                  </>
                )}
              </h2>
              <ConversationControls conversation={chosen} assignees={canAssign ? assignees : null} onChanged={changed} />
              <Thread
                key={chosen.conversationId}
                conversationId={chosen.conversationId}
                userId={session.user.userId}
                staff
                customerId={chosen.customerId}
                cannedReplies={canned}
                onRead={() => void load()}
              />
            </>
          )}
        </div>
        {chosen && chosen !== 'missing' && (chosen.customerId || chosen.lead) && (
          <div className="lg:col-start-2 2xl:col-start-3">
            {chosen.customerId ? (
              <CustomerPanel key={chosen.conversationId} conversationId={chosen.conversationId} area={area} />
            ) : (
              chosen.lead && <LeadPanel lead={chosen.lead} />
            )}
          </div>
        )}
      </div>
    </>
  );
}

mount(() => <Shell area={area}>{(session) => <Inbox session={session} />}</Shell>);
