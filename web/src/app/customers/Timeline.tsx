import { useCallback } from 'react';
import type { ResponseOf } from '../../../../shared/api/routes.ts';
import { call } from '../api.ts';
import { dateTime } from '../format.ts';
import { usePagedList } from '../components/usePagedList.tsx';
import { Card } from '../components/ui.tsx';
import { commonText } from '../i18n/common/index.ts';
import { customersText } from '../i18n/customers/index.ts';
import { textFor, useLocale } from '../i18n/index.ts';
import { useText } from '../i18n/text.ts';

type Entry = ResponseOf<'listCustomerTimeline'>['items'][number];

/** Everything audited on the customer and its records, newest first, a page at a time. */
export function Timeline({ customerId, version }: { customerId: string; version: number }) {
  const t = useText(commonText, customersText);
  const { locale } = useLocale();
  const fetchPage = useCallback(
    (cursor: string | undefined) => call('listCustomerTimeline', { params: { customerId }, query: { limit: 20, cursor } }),
    [customerId, version],
  );
  const { items, show } = usePagedList<Entry>(fetchPage);
  const who = (e: Entry) => (e.actorName ? `${e.actorName} · ${textFor(t.roles, e.actorRole) ?? t.client.timeline.system}` : t.client.timeline.system);
  return (
    <Card aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="mb-4 text-lg font-semibold">
        {t.client.timeline.title}
      </h2>
      {show(t.client.timeline.empty, () => (
        <ol className="space-y-3">
          {items.map((e) => (
            <li key={e.auditId} className="border-s-2 border-slate-200 ps-3">
              <p className="font-medium">{textFor(t.client.timeline.actions, e.action) ?? t.client.timeline.other}</p>
              <p className="text-sm text-slate-600">
                <time dateTime={e.at}>{dateTime(e.at, locale)}</time> · {who(e)}
              </p>
            </li>
          ))}
        </ol>
      ))}
    </Card>
  );
}
