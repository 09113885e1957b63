/**
 * The signed-in frame of /portal, /staff, /admin and /account: restores the session, sends
 * strangers to the login page, and refuses roles that may not enter the area. A sidebar of the
 * area's pages grouped by task (a menu on phones), and a top bar with the bell and the person.
 */
import { LogOut } from 'lucide-react';
import { startTransition, useEffect, useState, type ReactNode } from 'react';
import type { Session } from '../../../../shared/api/schemas/user.ts';
import { canEnterArea, isStaff, type Area } from '../../../../shared/domain/identity/permissions.ts';
import { restoreSession, signOut } from '../api.ts';
import { useFirmLook } from '../brand.ts';
import { format } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { useText } from '../i18n/text.ts';
import { ReaderOptions } from './ReaderOptions.tsx';
import { NotificationBell } from '../notifications/NotificationBell.tsx';
import { AppSkeleton } from './AppSkeleton.tsx';
import { Avatar } from './Avatar.tsx';
import { CommandButton } from './CommandButton.tsx';
import { MenuButton, Sidebar } from './Sidebar.tsx';
import { ErrorNotice } from './Status.tsx';

type State = { kind: 'loading' } | { kind: 'error'; error: unknown } | { kind: 'ready'; session: Session };

export function Shell({ area, children }: { area: Area; children: (session: Session) => ReactNode }) {
  const t = useText(commonText);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const showFirm = useFirmLook();

  useEffect(() => {
    restoreSession()
      .then((session) => {
        if (!session) {
          location.assign(`/login/?next=${encodeURIComponent(location.pathname)}`);
          return;
        }
        // The firm requires two-step sign-in and it is not set up: the account page is the only way on.
        if (session.mfaRequired && area !== 'account') {
          location.assign('/account/');
          return;
        }
        showFirm(session.tenant);
        // The page renders in slices behind the skeleton, so it never blocks the reader's first taps.
        startTransition(() => setState({ kind: 'ready', session }));
      })
      .catch((error: unknown) => setState({ kind: 'error', error }));
  }, [attempt]);

  if (state.kind === 'loading') return <AppSkeleton />;
  if (state.kind === 'error') return <ErrorNotice error={state.error} onRetry={() => setAttempt((a) => a + 1)} />;

  const { session } = state;
  const allowed = canEnterArea(session.user.role, area);
  const live = allowed && !session.mfaRequired;
  const onSignOut = async () => {
    await signOut();
    location.assign('/login/');
  };

  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:z-50 focus:m-2 focus:rounded focus:bg-white focus:p-2">
        {t.skipToContent}
      </a>
      <div className="min-h-screen lg:flex">
        {live && <Sidebar area={area} session={session} />}
        <div className="min-w-0 flex-1">
          <header className="sticky top-0 z-20 border-b border-slate-200 bg-white">
            <div className="flex h-14 items-center gap-3 px-4">
              {live ? <MenuButton area={area} session={session} /> : <p className="font-semibold text-brand-700">{session.tenant.name}</p>}
              <div className="ms-auto flex items-center gap-3">
                {live && isStaff(session.user.role) && area !== 'account' && <CommandButton area={area} session={session} />}
                {/* On phones the menu holds these: the top bar keeps to one row at 390 px. */}
                <div className={live ? 'hidden sm:block' : undefined}>
                  <ReaderOptions />
                </div>
                {live && <NotificationBell />}
                <p className="hidden text-sm text-slate-600 md:block" data-testid="signed-in-as">
                  {format(t.shell.signedInAs, { name: session.user.name })} · {t.roles[session.user.role]}
                </p>
                {/* The person's initials lead to their account; the word shows where there is room. */}
                <a href="/account/" className="inline-flex items-center gap-2 text-sm text-brand-700 underline">
                  <Avatar name={session.user.name} />
                  <span className="sr-only sm:not-sr-only">{t.nav.account}</span>
                </a>
                <button
                  type="button"
                  onClick={onSignOut}
                  className="inline-flex items-center gap-1 rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100"
                >
                  <LogOut aria-hidden="true" className="h-4 w-4 rtl:-scale-x-100" />
                  <span className="sr-only sm:not-sr-only">{t.shell.signOut}</span>
                </button>
              </div>
            </div>
          </header>
          <main id="main" className="mx-auto max-w-6xl px-4 py-8">
            {allowed ? (
              children(session)
            ) : (
              <section role="alert" className="rounded border border-amber-200 bg-amber-50 p-6">
                <h1 className="text-xl font-semibold">{t.forbidden.title}</h1>
                <p className="mt-2">{t.forbidden.body}</p>
                <a href={session.home} className="mt-4 inline-block font-medium text-brand-700 underline">
                  {t.forbidden.goHome}
                </a>
              </section>
            )}
          </main>
        </div>
      </div>
    </>
  );
}
