/**
 * Runs a consumer's effect at most once per event, and again only if an earlier attempt
 * failed or crashed: a conditional "in progress" marker, then "done". Event sources deliver
 * at least once, sometimes concurrently; this makes the effect happen once.
 */
import { databaseOf } from './service.ts';
import { ProcessedEvent } from './entities/processed-event.ts';

const database = databaseOf({ processedEvent: ProcessedEvent });

const LOCK_SECONDS = 60;
const KEEP_SECONDS = 7 * 24 * 3600;

export type Outcome = 'done' | 'duplicate';

export async function once(key: { tenantId: string; consumer: string; eventId: string }, effect: () => Promise<void>): Promise<Outcome> {
  const { processedEvent } = database().entities;
  const now = Math.floor(Date.now() / 1000);
  const claimed = await processedEvent
    .put({ ...key, status: 'in_progress', lockedUntil: now + LOCK_SECONDS, expiresAt: now + KEEP_SECONDS })
    // Free to claim: never seen, or an earlier attempt's lock ran out without finishing.
    .where((attr, op) => `${op.notExists(attr.eventId)} OR (${op.eq(attr.status, 'in_progress')} AND ${op.lt(attr.lockedUntil, now)})`)
    .go()
    .then(() => true)
    .catch((e: unknown) => {
      if (e instanceof Error && /conditional/i.test(e.message)) return false;
      throw e;
    });
  if (!claimed) return 'duplicate';
  try {
    await effect();
  } catch (error) {
    // Release the claim so the source's retry can try again.
    await processedEvent.delete(key).go();
    throw error;
  }
  await processedEvent.patch(key).set({ status: 'done' }).go();
  return 'done';
}

/** How long a processed marker written with its effect is kept (a redelivery comes within days). */
export const markerExpiry = () => Math.floor(Date.now() / 1000) + KEEP_SECONDS;

const MARKED_ATTEMPTS = 5;

/**
 * Exactly once for effects written in one transaction with their processed marker (counters):
 * the marker's create comes first, so a failed condition on it means the event was applied
 * already; a transaction that met another at the same moment is tried again, briefly.
 */
export async function writeWithMarker(write: () => Promise<{ canceled: boolean; data: unknown }>, what: string): Promise<'applied' | 'duplicate'> {
  for (let attempt = 1; ; attempt++) {
    const result = await write();
    if (!result.canceled) return 'applied';
    const reasons = (result.data as Array<{ code?: string }>).map((r) => r.code);
    if (reasons[0] === 'ConditionalCheckFailed') return 'duplicate';
    if (!reasons.includes('TransactionConflict') || attempt === MARKED_ATTEMPTS) throw new Error(`${what} transaction cancelled: ${reasons.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
  }
}
