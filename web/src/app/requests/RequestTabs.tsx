import { lazy, Suspense, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Session } from '../../../../shared/api/schemas/user.ts';
import { bookingsText } from '../i18n/bookings/index.ts';
import { useText } from '../i18n/text.ts';
import { Loading } from '../components/Status.tsx';

// The appointments' code loads when the tab is first opened.
const BookingCalendar = lazy(() => import('../bookings/BookingCalendar.tsx'));

type Tab = 'requests' | 'appointments';
const TABS: Tab[] = ['requests', 'appointments'];

/**
 * Requests and appointments side by side: the requests (`children`), or the appointments in
 * time order from a date, by type (and person and service for those who see the firm's), to
 * confirm, move or cancel there. The open tab is kept in the address (#appointments).
 */
export function RequestTabs({ area, session, children }: { area: 'staff' | 'admin'; session: Session; children: ReactNode }) {
  const t = useText(bookingsText);
  const [tab, setTab] = useState<Tab>(() => (location.hash === '#appointments' ? 'appointments' : 'requests'));
  const id = useId();
  const labels: Record<Tab, string> = { requests: t.calendar.requestsTab, appointments: t.calendar.views.list! };

  function open(next: Tab, focus = false) {
    setTab(next);
    history.replaceState(null, '', next === 'appointments' ? '#appointments' : location.pathname + location.search);
    if (focus) document.getElementById(`${id}-${next}`)?.focus();
  }

  function onKey(e: KeyboardEvent) {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    open(e.key === 'Home' ? 'requests' : e.key === 'End' ? 'appointments' : tab === 'requests' ? 'appointments' : 'requests', true);
  }

  const tabClass =
    'rounded-t border-b-2 px-3 py-1 aria-selected:border-brand-600 aria-selected:font-medium aria-selected:text-brand-800 border-transparent text-slate-700 hover:border-slate-300';
  return (
    <>
      <div role="tablist" aria-label={t.calendar.tabs} onKeyDown={onKey} className="mb-4 flex gap-2 border-b border-slate-200">
        {TABS.map((name) => (
          <button
            key={name}
            id={`${id}-${name}`}
            type="button"
            role="tab"
            aria-selected={tab === name}
            aria-controls={`${id}-panel`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => open(name)}
            className={tabClass}
          >
            {labels[name]}
          </button>
        ))}
      </div>
      {/* One panel, labelled by the open tab, shows what that tab holds. */}
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${tab}`}>
        {tab === 'requests' ? (
          children
        ) : (
          <Suspense fallback={<Loading />}>
            <BookingCalendar session={session} area={area} embedded />
          </Suspense>
        )}
      </div>
    </>
  );
}
