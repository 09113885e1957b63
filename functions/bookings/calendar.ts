import type { EntityItem } from 'electrodb';
import type { CalendarEntry } from '../../shared/db/entities/calendar-entry.ts';

/**
 * The UTC months ('2026-12') that [from, to] touches, counted as numbers: comparing month
 * strings ran on for seconds once the ISO form of a date grew past year 9999.
 */
export function monthsBetween(from: string, to: string): string[] {
  const monthNumber = (iso: string) => {
    const d = new Date(iso);
    return d.getUTCFullYear() * 12 + d.getUTCMonth();
  };
  const months: string[] = [];
  for (let m = monthNumber(from); m <= monthNumber(to); m++)
    months.push(`${String(Math.floor(m / 12)).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}`);
  return months;
}

/** The firm's calendar entries starting in [from, to] (ISO instants): one Query per UTC month partition. */
export async function firmEntriesBetween(
  entities: { calendar: typeof CalendarEntry },
  tenantId: string,
  from: string,
  to: string,
): Promise<EntityItem<typeof CalendarEntry>[]> {
  const months = monthsBetween(from, to);
  const pages = await Promise.all(
    months.map((month) => entities.calendar.query.byMonth({ tenantId, month }).between({ start: from }, { start: to }).go({ pages: 'all' })),
  );
  return pages.flatMap((p) => p.data);
}
