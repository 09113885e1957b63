/**
 * Counts a firm's use of the portal this month (ADR 0035): one atomic addition to the firm's own
 * usage item. Callers run it beside their work and never fail for it: a lost count is a lesser
 * harm than a refused request.
 */
import { FirmUsage } from '../../shared/db/entities/firm-usage.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { usageMonthOf, type MONTHLY_USAGE } from '../../shared/domain/platform/firms.ts';

const database = databaseOf({ usage: FirmUsage });

export async function countUsage(tenantId: string, figure: (typeof MONTHLY_USAGE)[number], at = new Date()): Promise<void> {
  await database()
    .entities.usage.update({ tenantId, period: usageMonthOf(at) })
    .add({ [figure]: 1 })
    .go({ response: 'none' });
}
