/**
 * Keeps the request KPI counters (shared/domain/requests/kpis.ts) from each change's before and
 * after. Exactly once: the counters' additions and this event's processed marker are one
 * transaction, so a replay (or a concurrent second delivery) finds the marker and adds nothing.
 * Then the firm's analytics viewers are told, so open dashboards move.
 */
import { KpiCounter } from '../../../shared/db/entities/kpi-counter.ts';
import { ProcessedEvent } from '../../../shared/db/entities/processed-event.ts';
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

const KEEP_SECONDS = 7 * 24 * 3600;
const ATTEMPTS = 5;

type KpiEvent = EventOf<'request'> | EventOf<'booking'>;

async function apply(
  d: EventDetail<KpiEvent>,
  changes: { bucket: string; add: Record<string, number>; label?: string | undefined }[],
): Promise<'applied' | 'duplicate'> {
  const expiresAt = Math.floor(Date.now() / 1000) + KEEP_SECONDS;
  for (let attempt = 1; ; attempt++) {
    const result = await database()
      .transaction.write(({ kpi, processedEvent }) => [
        processedEvent.create({ tenantId: d.tenantId, consumer: 'kpis', eventId: d.eventId, status: 'done', lockedUntil: 0, expiresAt }).commit(),
        ...changes.map((c) => {
          const update = kpi.update({ tenantId: d.tenantId, bucket: c.bucket }).add(c.add);
          return (c.label ? update.set({ label: c.label }) : update).commit();
        }),
      ])
      .go();
    if (!result.canceled) return 'applied';
    const reasons = (result.data as Array<{ code?: string }>).map((r) => r.code);
    // The marker exists: this event was counted already.
    if (reasons[0] === 'ConditionalCheckFailed') return 'duplicate';
    // Another event's counters changed at the same moment: try again shortly.
    if (!reasons.includes('TransactionConflict') || attempt === ATTEMPTS) throw new Error(`kpi transaction cancelled: ${reasons.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
  }
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
