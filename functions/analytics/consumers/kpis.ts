/**
 * Keeps the request KPI counters (shared/domain/requests/kpis.ts) from each change's before and
 * after. Exactly once: the counters' additions and this event's processed marker are one
 * transaction, so a replay (or a concurrent second delivery) finds the marker and adds nothing.
 * Then the firm's analytics viewers are told, so open dashboards move.
 */
import { KpiCounter } from '../../../shared/db/entities/kpi-counter.ts';
import { ProcessedEvent } from '../../../shared/db/entities/processed-event.ts';
import { markerExpiry, writeWithMarker } from '../../../shared/db/idempotency.ts';
import { Tenant } from '../../../shared/db/entities/tenant.ts';
import { User } from '../../../shared/db/entities/user.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { bookingKpiChanges } from '../../../shared/domain/bookings/kpis.ts';
import { kpiChanges } from '../../../shared/domain/requests/kpis.ts';
import type { EventDetail, EventOf } from '../../../shared/events/catalogue.ts';
import { KPI_EVENTS } from '../../../shared/events/rules.ts';
import { consumerHandler } from '../../lib/consumer.ts';
import { pushToUser } from '../../lib/realtime.ts';
import { activeIdsWithRoles } from '../../team/staff-load.ts';

const database = databaseOf({ kpi: KpiCounter, processedEvent: ProcessedEvent, tenant: Tenant, user: User });

type KpiEvent = EventOf<'request'> | EventOf<'booking'>;

async function apply(
  d: EventDetail<KpiEvent>,
  changes: { bucket: string; add: Record<string, number>; label?: string | undefined }[],
): Promise<'applied' | 'duplicate'> {
  const expiresAt = markerExpiry();
  return writeWithMarker(
    () =>
      database()
        .transaction.write(({ kpi, processedEvent }) => [
          processedEvent.create({ tenantId: d.tenantId, consumer: 'kpis', eventId: d.eventId, status: 'done', lockedUntil: 0, expiresAt }).commit(),
          ...changes.map((c) => {
            const update = kpi.update({ tenantId: d.tenantId, bucket: c.bucket }).add(c.add);
            return (c.label ? update.set({ label: c.label }) : update).commit();
          }),
        ])
        .go(),
    'kpi',
  );
}

async function count(d: EventDetail<KpiEvent>): Promise<void | 'skipped' | 'duplicate'> {
  const kpi = 'kpi' in d ? d.kpi : undefined;
  const bookingKpi = 'bookingKpi' in d ? d.bookingKpi : undefined;
  if (!kpi && !bookingKpi) return 'skipped';
  const { data: firm } = await database().entities.tenant.get({ tenantId: d.tenantId }).go();
  const changes = [
    ...(kpi ? kpiChanges(kpi.before, kpi.after, new Date(d.at), firm?.timeZone ?? 'UTC') : []),
    ...(bookingKpi ? bookingKpiChanges(bookingKpi.before, bookingKpi.after) : []),
  ];
  if (!changes.length) return 'skipped';
  if ((await apply(d, changes)) === 'duplicate') return 'duplicate';
  await Promise.all(
    (await activeIdsWithRoles(database().entities, d.tenantId, ['ADMIN', 'TEAM_LEAD'])).map((userId) =>
      pushToUser(d.tenantId, userId, { type: 'kpis.changed' }),
    ),
  );
}

export const handler = consumerHandler({
  name: 'kpis',
  // The counters and this event's marker are one transaction (apply).
  idempotency: 'own',
  reactions: Object.fromEntries(KPI_EVENTS.map((type) => [type, count])),
});
