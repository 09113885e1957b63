/** The inbox's list: its filters, and each conversation with its unread count (ADR 0033). */
import {
  CONVERSATION_SOURCES,
  CONVERSATION_STATUSES,
  type ConversationSource,
  type ConversationStatus,
} from '../../../../shared/domain/conversations/conversations.ts';
import type { ConversationView } from '../../../../shared/api/schemas/conversations.ts';
import { format } from '../i18n/index.ts';
import { conversationsText } from '../i18n/conversations/index.ts';
import { useText } from '../i18n/text.ts';
import type { Assignee } from './ConversationControls.tsx';
import { ConversationLink, UnreadBadge } from './ConversationLink.tsx';

const FIELD = 'ms-1 rounded border border-slate-300 px-2 py-1';

/** What the list shows: mine, unassigned, all, or (leads and admins) `user:<id>`, one member of staff's. */
export type InboxShow = 'mine' | 'unassigned' | 'all' | `user:${string}`;
export interface InboxFilters {
  show: InboxShow;
  status: ConversationStatus | '';
  source: ConversationSource | '';
}

export function InboxList({
  items,
  chosenId,
  filters,
  onFilters,
  assignees,
  onOpen,
}: {
  items: ConversationView[] | null;
  chosenId: string | null;
  filters: InboxFilters;
  onFilters: (f: InboxFilters) => void;
  /** Leads and admins (who see all): the staff whose conversations they may list. */
  assignees: Assignee[] | null;
  onOpen: (conversationId: string) => void;
}) {
  const t = useText(conversationsText).inbox;
  return (
    <section aria-label={t.list} className="rounded-lg bg-white p-3 shadow">
      <div className="mb-3 flex flex-wrap gap-2 text-sm">
        {assignees && (
          <label className="font-medium">
            {t.view}
            <select className={FIELD} value={filters.show} onChange={(e) => onFilters({ ...filters, show: e.currentTarget.value as InboxShow })}>
              {(['mine', 'unassigned', 'all'] as const).map((v) => (
                <option key={v} value={v}>
                  {t.views[v]}
                </option>
              ))}
              {assignees.map((a) => (
                <option key={a.userId} value={`user:${a.userId}`}>
                  {format(t.assignee, { name: a.name })}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="font-medium">
          {t.status}
          <select
            className={FIELD}
            value={filters.status}
            onChange={(e) => onFilters({ ...filters, status: e.currentTarget.value as ConversationStatus | '' })}
          >
            <option value="">{t.anyStatus}</option>
            {CONVERSATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.statuses[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="font-medium">
          {t.source}
          <select
            className={FIELD}
            value={filters.source}
            onChange={(e) => onFilters({ ...filters, source: e.currentTarget.value as ConversationSource | '' })}
          >
            <option value="">{t.anySource}</option>
            {CONVERSATION_SOURCES.map((s) => (
              <option key={s} value={s}>
                {t.sources[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {items && !items.length && <p className="text-slate-600">{t.empty}</p>}
      <ul className="divide-y divide-slate-100">
        {items?.map((c) => (
          <li key={c.conversationId}>
            <ConversationLink
              conversationId={c.conversationId}
              current={c.conversationId === chosenId}
              onOpen={onOpen}
              className={`block w-full px-2 py-2 text-start hover:bg-slate-50 ${c.conversationId === chosenId ? 'bg-brand-50' : ''}`}
            >
              <span className="flex items-center justify-between gap-2">
                <bdi className="font-medium">{c.customerName}</bdi>
                <UnreadBadge count={c.unread} />
              </span>
              <span className="block truncate text-sm text-slate-600">
                {t.statuses[c.status]}
                {c.source === 'lead' && ` · ${t.sources.lead}`} · {c.subject ?? c.preview}
              </span>
            </ConversationLink>
          </li>
        ))}
      </ul>
    </section>
  );
}
