/** The area's pages in a sidebar grouped by task (components/navigation.ts); on phones, a button opens it as a full-screen menu. */
import { Menu, X } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import type { Session } from '../../../../shared/api/schemas/user.ts';
import type { Area } from '../../../../shared/domain/identity/permissions.ts';
import { useUnreadMessages } from '../conversations/unread.ts';
import { format } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { useText } from '../i18n/text.ts';
import { navFor } from './navigation.ts';
import { ReaderOptions } from './ReaderOptions.tsx';

/** The area's pages, grouped by task: beside the page on wide screens, a full-screen menu on phones (`onClose`). */
export function Sidebar({ area, session, onClose }: { area: Area; session: Session; onClose?: () => void }) {
  const t = useText(commonText);
  const close = useRef<HTMLButtonElement>(null);
  // The sidebar and the phone menu can both be in the page: each names its groups with its own ids.
  const ids = useId();
  const groups = navFor(area, session);
  const unread = useUnreadMessages(groups.some((g) => g.items.some((i) => i.unreadMessages)));
  useEffect(() => {
    if (!onClose) return;
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <aside
      id={onClose ? 'menu' : undefined}
      className={
        onClose
          ? 'fixed inset-0 z-40 flex flex-col overflow-y-auto bg-white p-4'
          : 'sticky top-0 hidden h-screen w-60 shrink-0 flex-col overflow-y-auto border-e border-slate-200 bg-white p-4 lg:flex'
      }
    >
      <div className="mb-6 flex items-start justify-between gap-2">
        <div>
          <p className="font-semibold text-brand-700">{session.tenant.name}</p>
          <p className="text-xs text-slate-600">{t.shell.areas[area]}</p>
        </div>
        {onClose && (
          <button ref={close} type="button" onClick={onClose} className="rounded p-1 hover:bg-slate-100">
            <X aria-hidden="true" className="h-5 w-5" />
            <span className="sr-only">{t.shell.closeMenu}</span>
          </button>
        )}
      </div>
      <nav aria-label={t.shell.mainNav} className="space-y-5">
        {groups.map((group, i) => (
          <div key={i}>
            <p id={`${ids}-group-${i}`} className="mb-1 px-3 text-xs font-semibold tracking-wide text-slate-600 uppercase">
              {group.label(t)}
            </p>
            <ul aria-labelledby={`${ids}-group-${i}`} className="space-y-0.5">
              {group.items.map(({ href, label, icon: Icon, unreadMessages }) => (
                <li key={href}>
                  <a
                    href={href}
                    aria-current={location.pathname === href ? 'page' : undefined}
                    className="flex items-center gap-3 rounded px-3 py-2 text-sm text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold aria-[current=page]:text-brand-700"
                  >
                    <Icon aria-hidden="true" className="h-4 w-4 shrink-0" />
                    {label(t)}
                    {unreadMessages && unread > 0 && (
                      <span className="ms-auto rounded-full bg-brand-700 px-2 text-xs text-white">
                        <span aria-hidden="true">{unread}</span>
                        <span className="sr-only">, {format(t.shell.unread, { count: String(unread) })}</span>
                      </span>
                    )}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      {onClose && (
        <div className="mt-6 border-t border-slate-200 pt-4">
          <ReaderOptions />
        </div>
      )}
    </aside>
  );
}

/** On phones and small windows: the firm's name and a button that opens the sidebar as a menu. */
export function MenuButton({ area, session }: { area: Area; session: Session }) {
  const t = useText(commonText);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const onClose = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className="flex items-center gap-2 lg:hidden">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="menu"
        onClick={() => setOpen(true)}
        className="inline-flex items-center gap-1 rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100"
      >
        <Menu aria-hidden="true" className="h-4 w-4" />
        {t.shell.menu}
      </button>
      <p className="hidden font-semibold text-brand-700 sm:block">{session.tenant.name}</p>
      {open && <Sidebar area={area} session={session} onClose={onClose} />}
    </div>
  );
}
