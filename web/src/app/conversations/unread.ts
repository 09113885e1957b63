/**
 * The reader's unread messages in total, as the server counts them (ADR 0033): read on opening,
 * again on any activity in a conversation of theirs and after the socket was away, so the
 * number never drifts from the server's.
 */
import { useEffect, useState } from 'react';
import { call } from '../api.ts';
import { subscribeLive } from '../live.ts';

export function useUnreadMessages(enabled: boolean): number {
  const [total, setTotal] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    const load = () =>
      void call('getConversationUnread').then(
        (u) => setTotal(u.total),
        () => undefined,
      );
    load();
    return subscribeLive({ onMessage: (m) => (m.type === 'conversation.activity' || m.type === 'conversation.read') && load(), onResync: load });
  }, [enabled]);
  return total;
}
