import { Search } from 'lucide-react';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { Session } from '../../../../shared/api/schemas/user.ts';
import type { Area } from '../../../../shared/domain/identity/permissions.ts';
import { commonText } from '../i18n/common/index.ts';
import { useText } from '../i18n/text.ts';

const CommandMenu = lazy(() => import('./CommandMenu.tsx'));

/** Staff jump anywhere with Ctrl/⌘-K (or this button); the menu itself loads on first use. */
export function CommandButton({ area, session }: { area: Area; session: Session }) {
  const t = useText(commonText);
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLElement | null>(null);
  const show = () => {
    opener.current = document.activeElement as HTMLElement | null;
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        show();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button
        type="button"
        onClick={show}
        aria-keyshortcuts="Control+K Meta+K"
        className="inline-flex items-center gap-2 rounded border border-slate-300 px-2 py-1 text-sm text-slate-700 hover:bg-slate-100"
      >
        <Search aria-hidden="true" className="h-4 w-4" />
        <span className="sr-only md:not-sr-only">{t.shell.command.open}</span>
        <kbd aria-hidden="true" className="hidden rounded border border-slate-200 px-1 text-xs md:inline">
          Ctrl K
        </kbd>
      </button>
      {open && (
        <Suspense>
          <CommandMenu area={area} session={session} onClose={close} />
        </Suspense>
      )}
    </>
  );
}
