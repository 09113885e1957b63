import type { EntityItem } from 'electrodb';
import type { CalendarEntry } from '../../../shared/db/entities/calendar-entry.ts';

/** The firm's calendar entries starting in [from, to] (ISO instants): one Query per UTC month partition. */
export async function firmEntriesBetween(entities: { calendar: typeof CalendarEntry }, tenantId: string, from: string, to: string): Promise<EntityItem<typeof CalendarEntry>[]> {
  const months: string[] = [];
  for (const d = new Date(`${from.slice(0, 7)}-01T00:00:00Z`); d.toISOString().slice(0, 7) <= to.slice(0, 7); d.setUTCMonth(d.getUTCMonth() + 1)) months.push(d.toISOString().slice(0, 7));
  const pages = await Promise.all(months.map((month) => entities.calendar.query.byMonth({ tenantId, month }).between({ start: from }, { start: to }).go({ pages: 'all' })));
  return pages.flatMap((p) => p.data);
}
