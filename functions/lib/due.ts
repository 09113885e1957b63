/**
 * The loop of every job that sends what has fallen due: items indexed by the UTC hour they fall
 * due are read an hour at a time (this hour and a few before, so an outage is caught up), and
 * each is claimed before it is handled, so two runs, at once or one after the other, handle it
 * once.
 */
const HOUR = 3_600_000;

export interface DueItems<T> {
  /** The items of one UTC hour ('YYYY-MM-DDTHH') that are pending and due by now. */
  dueIn: (dueHour: string) => Promise<T[]>;
  /** Takes the item for this run: false when another run (or a change) already did. */
  claim: (item: T) => Promise<boolean>;
  /** Handles a claimed item: false when there was nothing to send any more. */
  handle: (item: T) => Promise<boolean>;
  /** Records how it went. */
  finish: (item: T, handled: boolean) => Promise<void>;
}

export async function handleDue<T>(
  now: number,
  catchUpHours: number,
  items: DueItems<T>,
): Promise<{ due: number; sent: number; skipped: number; takenElsewhere: number }> {
  const result = { due: 0, sent: 0, skipped: 0, takenElsewhere: 0 };
  for (let hour = now - catchUpHours * HOUR; hour <= now; hour += HOUR) {
    for (const item of await items.dueIn(new Date(hour).toISOString().slice(0, 13))) {
      result.due++;
      if (!(await items.claim(item))) {
        result.takenElsewhere++;
        continue;
      }
      const handled = await items.handle(item);
      await items.finish(item, handled);
      result[handled ? 'sent' : 'skipped']++;
    }
  }
  return result;
}
