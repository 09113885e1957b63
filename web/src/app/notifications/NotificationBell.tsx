import { useCallback, useEffect, useRef, useState } from 'react';
import type { NotificationView } from '../../../../shared/api/schemas/notifications.ts';
import { groupNotices, type NoticeGroup } from '../../../../shared/domain/notifications/email.ts';
import { call } from '../api.ts';
import { subscribeLive, type LiveStatus } from '../live.ts';
import { format, textFor, useLocale } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { notificationsText } from '../i18n/notifications/index.ts';
import { useText } from '../i18n/text.ts';
import { useNoticeText } from './notice-text.ts';

type Group = NoticeGroup<NotificationView & { link?: string }>;

/** The bell: my latest notifications, similar ones grouped, new ones arriving live; opens with Enter/Space, closes with Escape. Opening one marks it read. */
export function NotificationBell() {
  const t = useText(commonText, notificationsText);
  const { locale } = useLocale();
  const [items, setItems] = useState<NotificationView[]>([]);
  const [open, setOpen] = useState(false);
  const [live, setLive] = useState<LiveStatus>('connecting');
  const panel = useRef<HTMLDivElement>(null);

  const load = useCallback(() => {
    call('listNotifications', { query: { limit: 20 } })
      .then((page) => setItems(page.items))
      .catch(() => undefined); // the bell stays quiet; the page shows its own errors
  }, []);

  useEffect(() => {
    load();
    return subscribeLive({
      onMessage: (message) => {
        if (message.type !== 'notification') return;
        const incoming = message.notification as NotificationView;
        setItems((all) => [incoming, ...all.filter((n) => n.notificationId !== incoming.notificationId)]);
      },
      onResync: load,
      onStatus: setLive,
    });
  }, [load]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    const onClick = (e: MouseEvent) => panel.current && !panel.current.contains(e.target as Node) && setOpen(false);
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  const unread = items.filter((n) => !n.readAt);
  const groups = groupNotices(items.map((n) => ({ ...n, link: n.link ?? undefined }))) as Group[];
  const text = useNoticeText();
  const groupText = (g: Group) => {
    const many = g.notices.length > 1 ? textFor(t.bell.grouped, g.kind) : undefined;
    return many
      ? format(many, { ...g.latest.values, count: String(g.notices.length) })
      : `${text(g.latest)}${g.notices.length > 1 ? ` (×${g.notices.length})` : ''}`;
  };
  async function markRead(ids: string[]) {
    if (!ids.length) return;
    await call('markNotificationsRead', { body: { notificationIds: ids } });
    const now = new Date().toISOString();
    setItems((all) => all.map((n) => (ids.includes(n.notificationId) ? { ...n, readAt: now } : n)));
  }
  const markAllRead = () => markRead(unread.map((n) => n.notificationId));
  /** Opening a group marks its notices read first, then follows the link. */
  function openGroup(e: React.MouseEvent<HTMLAnchorElement>, g: Group) {
    const ids = g.notices.filter((n) => !n.readAt).map((n) => n.notificationId);
    if (!ids.length) return;
    e.preventDefault();
    const href = e.currentTarget.href;
    void markRead(ids)
      .catch(() => undefined)
      .finally(() => location.assign(href));
  }

  const label = unread.length ? `${t.bell.label}, ${format(t.bell.unread, { count: String(unread.length) })}` : t.bell.label;
  return (
    <div ref={panel} className="relative">
      <button
        type="button"
        aria-label={label}
        aria-expanded={open}
        aria-controls="notification-panel"
        onClick={() => setOpen((o) => !o)}
        className="relative rounded border border-slate-300 px-2 py-1 hover:bg-slate-100"
        data-testid="bell"
        data-live={live}
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="h-5 w-5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.7 21a2 2 0 0 1-3.4 0" />
        </svg>
        {unread.length > 0 && (
          <span aria-hidden="true" className="absolute -end-2 -top-2 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-semibold text-white">
            {unread.length}
          </span>
        )}
      </button>
      {open && (
        <div
          id="notification-panel"
          role="region"
          aria-label={t.bell.label}
          className="absolute end-0 z-10 mt-2 w-80 rounded-lg border border-slate-200 bg-white p-3 shadow-lg"
        >
          <div className="mb-2 flex items-center justify-between">
            <h2 className="font-semibold">{t.bell.label}</h2>
            {unread.length > 0 && (
              <button type="button" onClick={() => void markAllRead()} className="text-sm text-brand-700 underline">
                {t.bell.markAll}
              </button>
            )}
          </div>
          {items.length === 0 ? (
            <p className="text-sm text-slate-600">{t.bell.empty}</p>
          ) : (
            <ul className="max-h-96 space-y-2 overflow-y-auto">
              {groups.map((g) => (
                <li key={g.latest.notificationId} className={`rounded p-2 text-sm ${g.notices.every((n) => n.readAt) ? 'text-slate-600' : 'bg-brand-50'}`}>
                  {g.latest.link ? (
                    <a href={g.latest.link} onClick={(e) => openGroup(e, g)} className="hover:underline">
                      {groupText(g)}
                    </a>
                  ) : (
                    groupText(g)
                  )}
                  <time dateTime={g.latest.createdAt} className="block text-xs text-slate-700">
                    {new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(g.latest.createdAt))}
                  </time>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
