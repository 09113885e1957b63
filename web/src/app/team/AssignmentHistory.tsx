import { useCallback } from 'react';
import type { AssignmentRecordView } from '../../../../shared/api/schemas/team.ts';
import { call } from '../api.ts';
import { dateTime } from '../format.ts';
import { format, useLocale } from '../i18n/index.ts';
import { teamText } from '../i18n/team/index.ts';
import { useText } from '../i18n/text.ts';
import { usePagedList } from '../components/usePagedList.tsx';
import { Button, Card } from '../components/ui.tsx';

/** What a member was given, newest first: when, which request, and who chose (or the ranking). */
export default function AssignmentHistory({ userId, name, area, onClose }: { userId: string; name: string; area: 'staff' | 'admin'; onClose: () => void }) {
  const t = useText(teamText);
  const { locale } = useLocale();
  const fetchPage = useCallback((cursor: string | undefined) => call('listAssignmentHistory', { params: { userId }, query: { limit: 25, cursor } }), [userId]);
  const { items, show } = usePagedList<AssignmentRecordView>(fetchPage);
  return (
    <Card aria-labelledby="history" className="mt-8">
      <div className="mb-3 flex items-center gap-4">
        <h2 id="history" className="me-auto text-lg font-semibold">
          {format(t.team.historyOf, { name })}
        </h2>
        <Button variant="secondary" size="sm" type="button" onClick={onClose}>
          {t.team.close}
        </Button>
      </div>
      {show(t.team.noHistory, () => (
        <ol className="space-y-2 text-sm">
          {items.map((r) => (
            <li key={`${r.at}${r.requestId}`}>
              <time dateTime={r.at} className="me-2 text-slate-500">
                {dateTime(r.at, locale)}
              </time>
              <a href={`/${area}/request/?id=${r.requestId}`} className="font-mono text-brand-700 underline">
                {r.reference}
              </a>{' '}
              {r.title}
              <span className="ms-2 text-slate-600">
                {r.how === 'auto' ? t.team.byRanking : format(t.team.byPerson, { name: r.byName ?? '' })}
                {r.fromName ? ` · ${format(t.team.fromPerson, { name: r.fromName })}` : ''}
              </span>
            </li>
          ))}
        </ol>
      ))}
    </Card>
  );
}
