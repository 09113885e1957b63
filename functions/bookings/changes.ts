/**
 * What every change of a booking shares: who makes it and when, the version it was read at,
 * and the rules of who may still change it — its client until the service's cut-off, staff
 * until it starts. Each change is one transaction guarded by that version.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/api/errors.ts';
import type { ChangeContext } from '../../shared/db/mutation.ts';

import { whyUnchangeable } from '../../shared/domain/bookings/changeable.ts';
import type { BookingSettings } from '../../shared/domain/bookings/settings.ts';
import type { ActivityItem, RequestItem } from '../requests/request-access.ts';
import type { ChangeDb } from './entities.ts';

export interface Change {
  ctx: ChangeContext;
  byStaff: boolean;
  now: number;
  version: number;
}

export function assertChangeable(booking: RequestItem, settings: BookingSettings, change: Change) {
  const refusal = whyUnchangeable(booking, settings, { staff: change.byStaff, now: change.now });
  if (refusal === 'cancelled') throw new AppError('unprocessable', 'This booking has been cancelled.');
  if (refusal === 'taken_place') throw new AppError('unprocessable', 'This booking has already taken place.');
  if (booking.version !== change.version) throw new AppError('conflict', 'This booking was changed meanwhile. Reload to see it as it is now.');
  if (refusal === 'past_cutoff') {
    throw new AppError('unprocessable', `Bookings can be changed online until ${settings.cancelCutoffHours} hours before they start. Please contact the firm.`);
  }
}

export const activityOf = (b: RequestItem, change: Change, fields: Partial<ActivityItem>): ActivityItem => ({
  tenantId: b.tenantId,
  requestId: b.requestId,
  activityId: randomUUID(),
  at: new Date(change.now).toISOString(),
  actorId: change.ctx.actorId,
  actorName: change.ctx.actorName ?? '',
  actorRole: change.ctx.actorRole,
  internal: false,
  kind: 'updated',
  ...fields,
});

// Patches, not puts: a manage link issued meanwhile (manage-link.ts) must survive the change.
export const bookingKey = (b: RequestItem) => ({ tenantId: b.tenantId, requestId: b.requestId });

type SeriesReader = { entities: Pick<ChangeDb['entities'], 'calendar' | 'request'> };

/** A series' bookings after this one, from one Query of the client's appointments in time order (`gt` on a start also finds that start: this one). */
export async function laterInSeries(db: SeriesReader, booking: RequestItem): Promise<RequestItem[]> {
  const { tenantId, seriesId } = booking;
  if (!seriesId) return [];
  const { data: entries } = await db.entities.calendar.query
    .byClient({ tenantId, clientId: booking.clientId })
    .gt({ start: booking.scheduledAt! })
    .where((a, op) => op.eq(a.seriesId, seriesId))
    .go({ pages: 'all' });
  const later = entries.filter((e) => e.bookingId !== booking.requestId);
  if (later.length === 0) return [];
  const { data } = await db.entities.request.get(later.map((e) => ({ tenantId, requestId: e.bookingId }))).go();
  return data.sort((a, b) => a.scheduledAt!.localeCompare(b.scheduledAt!));
}
