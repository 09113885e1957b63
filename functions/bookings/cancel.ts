/**
 * Cancelling a booking: its slot locks, calendar entry and reminders go, its load is released,
 * in one transaction. A series' later bookings may go with it, each in a transaction of its own.
 */
import type { BookingSettings } from '../../shared/domain/bookings/settings.ts';
import { AppError } from '../../shared/api/errors.ts';
import { auditAndEvent } from '../../shared/db/mutation.ts';
import { customerOf } from '../../shared/db/entities/customer.ts';
import { SERIES_CANCELLED } from '../../shared/domain/bookings/series.ts';
import { bookingKpiStateOf } from '../../shared/domain/bookings/kpis.ts';
import { kpiStateOf } from '../../shared/domain/requests/kpis.ts';
import { workloadDeltas } from '../../shared/domain/requests/workload.ts';
import type { RequestItem } from '../requests/request-access.ts';
import { activityOf, assertChangeable, bookingKey, laterInSeries, type Change } from './changes.ts';
import { bookingEvent, bookingSlot, calendarEntryOf, lockItems, type ChangeDb } from './records.ts';

type Cancellation = Change & { reason: string; withSeries?: boolean };

export async function cancelBooking(db: ChangeDb, booking: RequestItem, settings: BookingSettings, change: Cancellation): Promise<RequestItem> {
  assertChangeable(booking, settings, change);
  const now = new Date(change.now).toISOString();
  const cancelled: RequestItem = {
    ...booking,
    status: 'cancelled',
    cancelledAt: now,
    inviteSequence: (booking.inviteSequence ?? 0) + 1,
    updatedAt: now,
    version: booking.version + 1,
  };
  const { data: reminders } = await db.entities.reminder.query.byBooking({ tenantId: booking.tenantId, bookingId: booking.requestId }).go({ pages: 'all' });
  const loads = workloadDeltas({ status: booking.status, assigneeId: booking.assigneeId }, { status: 'cancelled', assigneeId: booking.assigneeId });
  await db.transaction
    .write((e) => [
      e.request
        .patch(bookingKey(booking))
        .set({ status: 'cancelled', cancelledAt: now, inviteSequence: cancelled.inviteSequence, version: cancelled.version })
        .where((a, op) => op.eq(a.version, booking.version))
        .commit(),
      ...lockItems(booking, bookingSlot(booking)).map((lock) => e.lock.delete(lock).commit()),
      e.calendar.delete(calendarEntryOf(booking)).commit(),
      ...reminders.map((r) => e.reminder.delete(r).commit()),
      ...[...loads].map(([userId, delta]) => e.workload.update({ tenantId: booking.tenantId, userId }).add({ activeRequests: delta }).commit()),
      e.activity
        .create(activityOf(booking, change, { kind: 'status', from: booking.status, to: 'cancelled', ...(change.reason && { text: change.reason }) }))
        .commit(),
      ...bookingEvent(
        e,
        change.ctx,
        cancelled,
        'booking.cancelled',
        {
          reason: change.reason,
          kpi: { before: kpiStateOf(booking), after: kpiStateOf(cancelled) },
          bookingKpi: { before: bookingKpiStateOf(booking), after: bookingKpiStateOf(cancelled) },
          ...(change.withSeries && { withSeries: true }),
        },
        [{ field: 'status', from: booking.status, to: 'cancelled' }],
      ),
    ])
    .go()
    .then((result) => {
      if (result.canceled) throw new AppError('conflict', 'This booking was changed meanwhile. Reload to see it as it is now.');
    });
  return cancelled;
}

/**
 * Cancels the booking only, or ("following") with its series' later bookings that whoever
 * cancels may still change; one that cannot go (changed meanwhile, past a client's cut-off)
 * stays and is listed with the reason. One event tells of them all, so the client gets one email.
 */
export async function cancelInScope(db: ChangeDb, booking: RequestItem, settings: BookingSettings, change: Cancellation, scope: 'one' | 'following') {
  const { seriesId } = booking;
  if (scope === 'one' || !seriesId) return { cancelled: await cancelBooking(db, booking, settings, change) };
  const withSeries = { ...change, withSeries: true };
  const later = await laterInSeries(db, booking);
  const cancelled = await cancelBooking(db, booking, settings, withSeries);
  const gone = [cancelled];
  const skipped: { bookingId: string; start: string; message: string }[] = [];
  try {
    for (const b of later) {
      try {
        gone.push(await cancelBooking(db, b, settings, { ...withSeries, version: b.version }));
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        skipped.push({ bookingId: b.requestId, start: b.scheduledAt!, message: e.message });
      }
    }
  } finally {
    // Also when an unexpected error stops the loop: what was cancelled is told.
    const detail = { seriesId, clientId: booking.clientId, bookingIds: gone.map((b) => b.requestId), reason: change.reason };
    await db.transaction
      .write((e) =>
        auditAndEvent(e, change.ctx, {
          action: SERIES_CANCELLED,
          entityType: 'request',
          entityId: seriesId,
          customerId: customerOf(booking),
          event: { type: SERIES_CANCELLED, detail },
        }),
      )
      .go();
  }
  return { cancelled, followingCancelled: gone.length - 1, followingSkipped: skipped };
}
