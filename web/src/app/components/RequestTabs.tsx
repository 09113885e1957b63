import { useI18n } from '../i18n/index.ts';

/**
 * Requests and appointments side by side: the appointments tab is the calendar's list of
 * bookings in time order (by type, person and service, confirm, move or cancel there).
 */
export function RequestTabs({ area }: { area: 'portal' | 'staff' | 'admin' }) {
  const { t } = useI18n();
  const tab = 'rounded-t border-b-2 px-3 py-1';
  return (
    <nav aria-label={t.calendar.tabs} className="mb-4 flex gap-2 border-b border-slate-200">
      <a href="#requests" aria-current="page" className={`${tab} border-brand-600 font-medium text-brand-800`}>{t.calendar.requestsTab}</a>
      <a href={area === 'portal' ? '/portal/appointments/' : `/${area}/calendar/?view=list`} className={`${tab} border-transparent text-slate-700 hover:border-slate-300`}>{t.calendar.views.list}</a>
    </nav>
  );
}
