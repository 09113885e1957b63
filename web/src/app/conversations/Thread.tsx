/**
 * One conversation's messages (ADR 0033): the latest page, earlier ones on demand, new ones live
 * (kept by number, so a second delivery changes nothing), a catch-up by number after the socket
 * was away, read receipts, typing, and a composer whose messages carry their own id, so that
 * sending again after a network error never makes two.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { MessageView } from '../../../../shared/api/schemas/conversations.ts';
import { call } from '../api.ts';
import { dateTime } from '../format.ts';
import { format, useLocale } from '../i18n/index.ts';
import { conversationsText } from '../i18n/conversations/index.ts';
import { useText } from '../i18n/text.ts';
import { sendLive, subscribeLive, type LiveStatus } from '../live.ts';
import { ErrorNotice } from '../components/Status.tsx';
import { Button } from '../components/ui.tsx';
import { AttachmentList, FileChoice, useUploads } from '../requests/Attachments.tsx';
import { MessageBody } from './MessageBody.tsx';
import { MessageChange } from './MessageChange.tsx';

interface Pending {
  clientMessageId: string;
  body: string;
  internal: boolean;
  attachments: string[];
  failed?: boolean;
}

/** The composer's id: the inbox's `r` key moves there. */
export const COMPOSER_ID = 'composer';

const TYPING_SHOWN_MS = 4000;
const TYPING_EVERY_MS = 3000;

/**
 * `staff`: the composer can write a private note instead of a reply, and insert one of the
 * firm's `cannedReplies`. `onRead`: the reader's position moved (their unread counts changed).
 */
export function Thread({
  conversationId,
  userId,
  staff = false,
  customerId,
  cannedReplies = [],
  onRead,
}: {
  conversationId: string;
  userId: string;
  staff?: boolean;
  /** Staff: the customer whose documents files are sent into (a lead's conversation has none: nothing to attach). */
  customerId?: string | undefined;
  cannedReplies?: readonly { replyId: string; title: string; body: string }[];
  onRead?: () => void;
}) {
  const text = useText(conversationsText);
  const t = text.chat;
  const [internal, setInternal] = useState(false);
  const { locale } = useLocale();
  const [messages, setMessages] = useState<Map<number, MessageView>>(new Map());
  const [more, setMore] = useState(false);
  const [pending, setPending] = useState<Pending[]>([]);
  const [draft, setDraft] = useState('');
  const [typing, setTyping] = useState<{ name: string; until: number } | null>(null);
  const [seenUpTo, setSeenUpTo] = useState(0);
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  const lastTyped = useRef(0);
  const canAttach = !staff || Boolean(customerId);
  const uploads = useUploads(staff ? { customerId } : {});
  const list = useRef<HTMLOListElement>(null);

  const keep = useCallback((items: MessageView[]) => {
    setMessages((all) => {
      const next = new Map(all);
      for (const m of items) next.set(m.seq, m);
      return next;
    });
    setPending((all) => all.filter((p) => !items.some((m) => m.clientMessageId === p.clientMessageId)));
  }, []);

  const lastSeq = Math.max(0, ...messages.keys());
  const lastRef = useRef(0);
  lastRef.current = lastSeq;

  /** Everything after the last message held: on opening, and after the socket was away. */
  const catchUp = useCallback(async () => {
    const page = await call('listConversationMessages', { params: { conversationId }, query: { after: lastRef.current } });
    keep(page.items);
  }, [conversationId, keep]);

  useEffect(() => {
    call('listConversationMessages', { params: { conversationId }, query: {} }).then((page) => {
      keep(page.items);
      setMore(page.more);
    }, setLoadFailure);
    const onOther = (m: Record<string, unknown>) => {
      if (m.type === 'conversation.read' && m.userId !== userId) setSeenUpTo((s) => Math.max(s, Number(m.seq)));
      else if (m.type === 'conversation.typing' && m.userId !== userId) setTyping({ name: String(m.name), until: Date.now() + TYPING_SHOWN_MS });
    };
    return subscribeLive({
      onMessage: (m) => {
        if (m.conversationId !== conversationId) return;
        if (m.type !== 'conversation.message') return onOther(m);
        const message = m.message as MessageView;
        keep([message]);
        // Live, attachments come by name: their state (and what this reader may see of them) comes with a read.
        if (message.attachments?.length)
          void call('listConversationMessages', { params: { conversationId }, query: { after: message.seq - 1, limit: 1 } }).then((page) => keep(page.items));
      },

      onResync: () => void catchUp(),
      onStatus: (s) => {
        setStatus(s);
        // Every (re)opened socket follows the conversation again.
        if (s === 'open') sendLive({ type: 'subscribe', conversationId });
      },
    });
  }, [conversationId, userId, keep, catchUp]);

  // What is shown is read: the position moves to the last message while the page is in view.
  useEffect(() => {
    if (!lastSeq || document.visibilityState !== 'visible') return;
    void call('markConversationRead', { params: { conversationId }, body: { seq: lastSeq } }).then(() => onRead?.());
    list.current?.scrollTo({ top: list.current.scrollHeight });
  }, [conversationId, lastSeq, onRead]);

  useEffect(() => {
    if (!typing) return;
    const timer = setTimeout(() => setTyping((now) => (now && now.until <= Date.now() ? null : now)), TYPING_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [typing]);

  async function earlier() {
    const first = Math.min(...messages.keys());
    const page = await call('listConversationMessages', { params: { conversationId }, query: { before: first } });
    keep(page.items);
    setMore(page.more);
  }

  async function deliver(message: Pending) {
    setPending((all) => [...all.filter((p) => p.clientMessageId !== message.clientMessageId), { ...message, failed: false }]);
    try {
      keep([
        await call('sendConversationMessage', {
          params: { conversationId },
          body: {
            clientMessageId: message.clientMessageId,
            body: message.body,
            ...(message.internal && { internal: true }),
            ...(message.attachments.length && { attachments: message.attachments }),
          },
        }),
      ]);
    } catch {
      setPending((all) => all.map((p) => (p.clientMessageId === message.clientMessageId ? { ...p, failed: true } : p)));
    }
  }

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    const body = draft.trim();
    if (!body) return;
    // Files first, into the customer's documents; one refused keeps the message here, with why beside the file.
    const attachments = await uploads.sendAll();
    if (!attachments) return;
    setDraft('');
    uploads.clear();
    void deliver({ clientMessageId: crypto.randomUUID(), body, internal, attachments });
  }

  function onKey(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && !e.shiftKey) return void submit(e);
    if (Date.now() - lastTyped.current > TYPING_EVERY_MS) {
      lastTyped.current = Date.now();
      sendLive({ type: 'typing', conversationId });
    }
  }

  // Not theirs, gone, or unreachable: why, instead of an empty thread.
  if (loadFailure !== null) return <ErrorNotice error={loadFailure} />;
  const shown = [...messages.values()].sort((a, b) => a.seq - b.seq);
  const lastOwn = [...shown].reverse().find((m) => m.senderId === userId);
  return (
    <section aria-label={t.thread} className="flex min-h-[60vh] flex-col rounded-lg bg-white shadow">
      {status === 'connecting' && (
        <p role="status" className="bg-amber-50 px-4 py-2 text-sm text-amber-900">
          {t.reconnecting}
        </p>
      )}
      <ol
        ref={list}
        // Scrollable: reachable by keyboard, so the arrow keys scroll it.
        tabIndex={0}
        aria-label={t.thread}
        aria-live="polite"
        className="max-h-[65vh] flex-1 space-y-3 overflow-y-auto p-4"
      >
        {more && (
          <li className="text-center">
            <Button size="sm" variant="secondary" onClick={() => void earlier()}>
              {t.earlier}
            </Button>
          </li>
        )}
        {!shown.length && !pending.length && <li className="text-center text-slate-600">{t.empty}</li>}
        {shown.map((m) => {
          const own = m.senderId === userId;
          return (
            <li key={m.seq} className={`flex ${own ? 'justify-end' : 'justify-start'}`}>
              <div
                className={`max-w-[85%] rounded-lg px-3 py-2 ${m.internal ? 'bg-amber-50 ring-1 ring-amber-300' : own ? 'bg-brand-600 text-white' : 'bg-slate-100'}`}
              >
                <p className={`text-xs ${own && !m.internal ? 'text-white' : 'text-slate-600'}`}>
                  <bdi>{own ? t.you : m.senderName}</bdi> · {dateTime(m.createdAt, locale)}
                  {m.internal && ` · ${t.internal}`}
                  {m.editedAt && !m.deletedAt && ` · ${t.edited}`}
                </p>
                {m.deletedAt ? (
                  <p className="italic">{t.deleted}</p>
                ) : (
                  <MessageChange conversationId={conversationId} message={m} userId={userId} onChanged={(changed) => keep([changed])}>
                    <MessageBody text={m.body} />
                    {m.attachments && <AttachmentList attachments={m.attachments.map((a) => ({ ...a, state: a.state ?? 'checking' }))} />}
                  </MessageChange>
                )}
                {m === lastOwn && seenUpTo >= m.seq && <p className="text-end text-xs text-white">{t.seen}</p>}
              </div>
            </li>
          );
        })}
        {pending.map((p) => (
          <li key={p.clientMessageId} className="flex justify-end">
            <div className={`max-w-[85%] rounded-lg px-3 py-2 ${p.internal ? 'bg-amber-50' : 'bg-brand-100'}`}>
              <MessageBody text={p.body} />
              <p className="text-end text-xs text-slate-700">
                {p.failed ? (
                  <>
                    {t.failed}{' '}
                    <button type="button" className="underline" onClick={() => void deliver(p)}>
                      {t.retry}
                    </button>
                  </>
                ) : (
                  t.sending
                )}
              </p>
            </div>
          </li>
        ))}
      </ol>
      <p aria-live="polite" className="min-h-[1.5em] px-4 text-sm text-slate-600">
        {typing && format(t.typing, { name: typing.name })}
      </p>
      <form onSubmit={(e) => void submit(e)} className="flex flex-wrap items-end gap-2 border-t border-slate-200 p-3">
        {staff && (
          <div className="flex w-full flex-wrap items-center gap-4 text-sm">
            <fieldset className="flex gap-4">
              <legend className="sr-only">{text.inbox.kind}</legend>
              {([false, true] as const).map((note) => (
                <label key={String(note)} className="flex items-center gap-1">
                  <input type="radio" name="kind" checked={internal === note} onChange={() => setInternal(note)} />
                  {note ? text.inbox.note : text.inbox.reply}
                </label>
              ))}
            </fieldset>
            {cannedReplies.length > 0 && (
              <label>
                {text.inbox.canned}
                <select
                  className="ms-1 rounded border border-slate-300 px-2 py-1"
                  value=""
                  onChange={(e) => {
                    const chosen = cannedReplies.find((r) => r.replyId === e.currentTarget.value);
                    if (chosen) setDraft((d) => (d.trim() ? `${d.trimEnd()}\n\n${chosen.body}` : chosen.body));
                    document.getElementById(COMPOSER_ID)?.focus();
                  }}
                >
                  <option value="">{text.inbox.cannedChoose}</option>
                  {cannedReplies.map((r) => (
                    <option key={r.replyId} value={r.replyId}>
                      {r.title}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
        )}
        <label className="flex-1">
          <span className="sr-only">{t.compose}</span>
          <textarea
            id={COMPOSER_ID}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={onKey}
            rows={2}
            maxLength={5000}
            aria-describedby="compose-hint"
            className={`w-full resize-y rounded border px-3 py-2 ${internal ? 'border-amber-400 bg-amber-50' : 'border-slate-300'}`}
          />
          <span id="compose-hint" className="text-xs text-slate-600">
            {t.hint}
          </span>
        </label>
        {canAttach && (
          <div className="w-full">
            <FileChoice uploads={uploads} problems={[]} />
          </div>
        )}
        <Button type="submit">{t.send}</Button>
      </form>
    </section>
  );
}
