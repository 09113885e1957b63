/**
 * Keeps each firm's usage (ADR 0035) from what happens in it: people who may sign in, and the
 * month's requests and bookings. Exactly once: the addition and this event's processed marker
 * are one transaction, so a second delivery finds the marker and adds nothing.
 */
import { FirmUsage } from '../../../shared/db/entities/firm-usage.ts';
import { ProcessedEvent } from '../../../shared/db/entities/processed-event.ts';
import { markerExpiry, writeWithMarker } from '../../../shared/db/idempotency.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { STANDING_PERIOD, usageMonthOf, type UsageFigure } from '../../../shared/domain/platform/firms.ts';
import type { EventDetail } from '../../../shared/events/catalogue.ts';
import { USAGE_EVENTS } from '../../../shared/events/rules.ts';
import { consumerHandler, type Reactions } from '../../lib/consumer.ts';

const database = databaseOf({ usage: FirmUsage, processedEvent: ProcessedEvent });

type UsageEvent = (typeof USAGE_EVENTS)[number];

/** What each event adds, and whether to what the firm holds now or to the month it happened in. */
const ADDS: Record<UsageEvent, { figure: UsageFigure; by: number; standing?: true }> = {
  'user.joined': { figure: 'users', by: 1, standing: true },
  'user.reactivated': { figure: 'users', by: 1, standing: true },
  'user.deactivated': { figure: 'users', by: -1, standing: true },
  'request.submitted': { figure: 'requests', by: 1 },
  'booking.created': { figure: 'bookings', by: 1 },
};

async function count(d: EventDetail<UsageEvent>, type: UsageEvent): Promise<'duplicate' | void> {
  const { figure, by, standing } = ADDS[type];
  const period = standing ? STANDING_PERIOD : usageMonthOf(new Date(d.at));
  const expiresAt = markerExpiry();
  const outcome = await writeWithMarker(
    () =>
      database()
        .transaction.write(({ usage, processedEvent }) => [
          processedEvent.create({ tenantId: d.tenantId, consumer: 'usage', eventId: d.eventId, status: 'done', lockedUntil: 0, expiresAt }).commit(),
          usage
            .update({ tenantId: d.tenantId, period })
            .add({ [figure]: by })
            .commit(),
        ])
        .go(),
    'usage',
  );
  if (outcome === 'duplicate') return 'duplicate';
}

export const handler = consumerHandler({
  name: 'usage',
  idempotency: 'own',
  reactions: Object.fromEntries(USAGE_EVENTS.map((type) => [type, count])) as Reactions,
});
