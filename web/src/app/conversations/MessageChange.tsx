/** The sender's own message, within a day: edit it in place, or delete it for everyone (ADR 0033; the audit keeps what it said). */
import { useState, type ReactNode } from 'react';
import type { MessageView } from '../../../../shared/api/schemas/conversations.ts';
import { whyNotChangeable } from '../../../../shared/domain/conversations/conversations.ts';
import { call } from '../api.ts';
import { dateTime } from '../format.ts';
import { format, useLocale } from '../i18n/index.ts';
import { conversationsText } from '../i18n/conversations/index.ts';
import { useText } from '../i18n/text.ts';

const LINK = 'underline decoration-dotted hover:decoration-solid';

export function MessageChange({
  conversationId,
  message,
  userId,
  onChanged,
  children,
}: {
  conversationId: string;
  message: MessageView;
  userId: string;
  onChanged: (m: MessageView) => void;
  /** The message as shown, while it is not being edited. */
  children: ReactNode;
}) {
  const t = useText(conversationsText).chat;
  const { locale } = useLocale();
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const params = { conversationId, seq: String(message.seq) };
  const time = dateTime(message.createdAt, locale);

  async function attempt(work: () => Promise<void>) {
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }
  const save = () =>
    attempt(async () => {
      onChanged(await call('editConversationMessage', { params, body: { body: editing ?? '' } }));
      setEditing(null);
    });
  const remove = () =>
    attempt(async () => {
      if (!confirm(t.confirmDelete)) return;
      await call('deleteConversationMessage', { params });
      const { attachments: _gone, ...kept } = message;
      onChanged({ ...kept, body: '', deletedAt: new Date().toISOString() });
    });

  const changeable = !whyNotChangeable(message, userId, Date.now());
  return (
    <>
      {editing === null ? (
        children
      ) : (
        <div className="mt-1 space-y-1">
          <label className="block text-xs">
            {t.editLabel}
            <textarea
              value={editing}
              onChange={(e) => setEditing(e.currentTarget.value)}
              rows={2}
              maxLength={5000}
              className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1 text-slate-900"
            />
          </label>
          <div className="flex gap-3 text-xs">
            <button type="button" className={LINK} onClick={() => void save()}>
              {t.save}
            </button>
            <button type="button" className={LINK} onClick={() => setEditing(null)}>
              {t.cancel}
            </button>
          </div>
        </div>
      )}
      {changeable && editing === null && (
        <div className="mt-1 flex justify-end gap-3 text-xs">
          <button type="button" className={LINK} aria-label={format(t.editOf, { time })} onClick={() => setEditing(message.body)}>
            {t.edit}
          </button>
          <button type="button" className={LINK} aria-label={format(t.removeOf, { time })} onClick={() => void remove()}>
            {t.remove}
          </button>
        </div>
      )}
      {problem && (
        <p role="alert" className="mt-1 rounded bg-white px-2 text-xs text-red-700">
          {problem}
        </p>
      )}
    </>
  );
}
