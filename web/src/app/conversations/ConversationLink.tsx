/** A link to one conversation in a list (`?id=`), opened in place; and its unread badge. */
import type { ReactNode } from 'react';
import { format } from '../i18n/index.ts';
import { conversationsText } from '../i18n/conversations/index.ts';
import { useText } from '../i18n/text.ts';

export function ConversationLink({
  conversationId,
  current,
  onOpen,
  className,
  children,
}: {
  conversationId: string;
  current: boolean;
  onOpen: (conversationId: string) => void;
  className: string;
  children: ReactNode;
}) {
  return (
    <a
      href={`?id=${encodeURIComponent(conversationId)}`}
      onClick={(e) => {
        e.preventDefault();
        onOpen(conversationId);
      }}
      aria-current={current ? 'page' : undefined}
      className={className}
    >
      {children}
    </a>
  );
}

export function UnreadBadge({ count }: { count: number }) {
  const t = useText(conversationsText).inbox;
  if (count <= 0) return null;
  return (
    <span className="rounded-full bg-brand-700 px-2 text-xs text-white" aria-label={format(t.unread, { count: String(count) })}>
      {count}
    </span>
  );
}
