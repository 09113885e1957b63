/**
 * The signed-in frame of /portal, /staff and /admin: restores the session, sends strangers
 * to the login page, and refuses roles that may not enter the area.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { Session } from '../../../../shared/api/schemas/user.ts';
import { canEnterArea, type Area } from '../../../../shared/domain/identity/permissions.ts';
import { restoreSession, signOut } from '../api.ts';
import { format } from '../i18n/index.ts';
import { commonText } from '../i18n/common/index.ts';
import { useText, type TextOf } from '../i18n/text.ts';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { NotificationBell } from '../notifications/NotificationBell.tsx';
import { ErrorNotice, Loading } from './Status.tsx';
import { Button } from './ui.tsx';

/** Each area's pages; a page for some people only (`when`) shows to them alone. */
const NAV: Record<Area, { href: string; label: (t: TextOf<typeof commonText>) => string; when?: (session: Session) => boolean }[]> = {
  portal: [
    { href: '/portal/', label: (t) => t.nav.dashboard },
    { href: '/portal/appointments/', label: (t) => t.nav.appointments },
  ],
  staff: [
    { href: '/staff/', label: (t) => t.nav.dashboard },
    { href: '/staff/tasks/', label: (t) => t.nav.tasks },
    { href: '/staff/clients/', label: (t) => t.nav.clients, when: (s) => s.permissions.includes('customers.read.assigned') },
    { href: '/staff/calendar/', label: (t) => t.nav.calendar },
    { href: '/staff/team/', label: (t) => t.nav.availability },
  ],
  account: [
    { href: '/account/', label: (t) => t.nav.account },
    { href: '/account/bookings/', label: (t) => t.nav.bookingProfile },
    { href: '/account/organisation/', label: (t) => t.nav.organisation, when: (s) => s.user.role === 'CLIENT' },
  ],
  admin: [
    { href: '/admin/', label: (t) => t.nav.dashboard },
    { href: '/admin/requests/', label: (t) => t.nav.requests },
    { href: '/admin/tasks/', label: (t) => t.nav.tasks },
    { href: '/admin/clients/', label: (t) => t.nav.clients },
    { href: '/admin/calendar/', label: (t) => t.nav.calendar },
    { href: '/admin/users/', label: (t) => t.nav.team },
    { href: '/admin/team/', label: (t) => t.nav.availability },
    { href: '/admin/services/', label: (t) => t.nav.services },
    { href: '/admin/task-templates/', label: (t) => t.nav.taskTemplates },
    { href: '/admin/permissions/', label: (t) => t.nav.permissions },
    { href: '/admin/settings/', label: (t) => t.nav.settings },
    { href: '/admin/audit/', label: (t) => t.nav.audit },
    { href: '/admin/health/', label: (t) => t.nav.health },
  ],
};

type State = { kind: 'loading' } | { kind: 'error'; error: unknown } | { kind: 'ready'; session: Session };

export function Shell({ area, children }: { area: Area; children: (session: Session) => ReactNode }) {
  const t = useText(commonText);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

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
        setState({ kind: 'ready', session });
      })
      .catch((error: unknown) => setState({ kind: 'error', error }));
  }, [attempt]);

  if (state.kind === 'loading') return <Loading />;
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
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:rounded focus:bg-white focus:p-2">
        {t.skipToContent}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
          <div className="me-auto">
            <p className="font-semibold text-brand-700">{session.tenant.name}</p>
            <p className="text-xs text-slate-500">{t.shell.areas[area]}</p>
          </div>
          {live && (
            <nav aria-label={t.shell.mainNav}>
              <ul className="flex gap-4 text-sm">
                {NAV[area]
                  .filter((item) => !item.when || item.when(session))
                  .map((item) => (
                    <li key={item.href}>
                      <a
                        href={item.href}
                        aria-current={location.pathname === item.href ? 'page' : undefined}
                        className="hover:underline aria-[current=page]:font-semibold"
                      >
                        {item.label(t)}
                      </a>
                    </li>
                  ))}
              </ul>
            </nav>
          )}
          <LanguageSwitcher />
          {live && <NotificationBell />}
          <p className="text-sm text-slate-600" data-testid="signed-in-as">
            {format(t.shell.signedInAs, { name: session.user.name })} · {t.roles[session.user.role]}
          </p>
          <a href="/account/" className="text-sm text-brand-700 underline">
            {t.nav.account}
          </a>
          <Button variant="secondary" size="sm" type="button" onClick={onSignOut}>
            {t.shell.signOut}
          </Button>
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
    </>
  );
}
