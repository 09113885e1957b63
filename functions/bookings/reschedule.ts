/**
 * Rescheduling a booking: the slot locks move (releasing only the grains it leaves, taking only
 * the ones it gains), with the calendar entry and the reminders, in one transaction guarded by
 * the booking's version. Staff may hand it to someone else; a client keeps their person when free.
 * A series' later bookings may move along with one.
 */
import { AppError } from '../../shared/api/errors.ts';
import { auditAndEvent } from '../../shared/db/mutation.ts';
import { customerOf } from '../../shared/db/entities/customer.ts';
import { movedLike, SERIES_RESCHEDULED } from '../../shared/domain/bookings/series.ts';
import { MINUTE, type Interval } from '../../shared/domain/bookings/availability.ts';
import { bookingKpiStateOf } from '../../shared/domain/bookings/kpis.ts';
import { kpiStateOf } from '../../shared/domain/requests/kpis.ts';
import { workloadDeltas } from '../../shared/domain/requests/workload.ts';
import { HOLD_EXPIRY_RECIPIENT } from '../../shared/domain/identity/guests.ts';
import type { RequestItem } from '../requests/request-access.ts';
import { activityOf, assertChangeable, bookingKey, laterInSeries, type Change } from './changes.ts';
import { entriesAround, type Bookable } from './load.ts';
import { chooseStaff, commitOrExplain, loadsOf, recipientsOf, refusal, slotTaken, suggestionsNear, type Placement } from './place.ts';
import { bookingEvent, bookingSlot, calendarEntryOf, lockItems, reminderItems, seatFor, type BookingDb } from './records.ts';

const lockKey = (l: { staffId: string; grain: string; seat: number }) => `${l.staffId}#${l.grain}#${l.seat}`;

type Move = Change & { staffId?: string | undefined; force?: boolean | undefined; withSeries?: boolean };

export async function rescheduleBooking(db: BookingDb, booking: RequestItem, bookable: Bookable, start: number, change: Move): Promise<RequestItem> {
  const { settings } = bookable;
  assertChangeable(booking, settings, change);
  const slot: Interval = { start, end: start + (booking.durationMinutes ?? settings.durationMinutes) * MINUTE };
  const entries = (await entriesAround(db.entities, booking.tenantId, slot)).filter((e) => e.bookingId !== booking.requestId);
  const placement: Placement = {
    bookable,
    client: { clientId: booking.clientId, clientName: booking.clientName, customerId: booking.customerId },
    start,
    clientZone: booking.clientZone ?? bookable.tenant.timeZone,
    notes: '',
    byStaff: change.byStaff,
    force: change.force,
    ctx: change.ctx,
    now: change.now,
    // Staff may hand the booking to someone else; a client keeps their person when that person is free.
    staffId: change.staffId,
  };
  const chosen =
    (!change.staffId && chooseStaff({ ...placement, staffId: booking.assigneeId }, entries, slot)) ||
    chooseStaff(placement, entries, slot, change.staffId ? undefined : await loadsOf(db, bookable));
  if (!chosen) throw refusal(placement, entries, slot);
  const { staff } = chosen;

  const moved: RequestItem = {
    ...booking,
    scheduledAt: new Date(slot.start).toISOString(),
    endsAt: new Date(slot.end).toISOString(),
    assigneeId: staff.userId,
    assigneeName: staff.name,
    seat: seatFor(entries, staff, slot),
    inviteSequence: (booking.inviteSequence ?? 0) + 1,
    updatedAt: new Date(change.now).toISOString(),
    version: booking.version + 1,
  };
  const before = lockItems(booking, bookingSlot(booking));
  const after = lockItems(moved, slot);
  const [beforeKeys, afterKeys] = [new Set(before.map(lockKey)), new Set(after.map(lockKey))];
  const released = before.filter((l) => !afterKeys.has(lockKey(l)));
  const taken = after.filter((l) => !beforeKeys.has(lockKey(l)));
  const oldEntry = calendarEntryOf(booking);
  const newEntry = calendarEntryOf(moved);
  const sameEntryKey = oldEntry.month === newEntry.month && oldEntry.start === newEntry.start;
  const { data: client } = await db.entities.user.get({ tenantId: booking.tenantId, userId: booking.clientId }).go();
  const recipients = recipientsOf(moved, { clientId: moved.clientId, reminderOffsets: client?.reminderOffsets, reminderEmail: client?.reminderEmail }, staff);
  const { data: oldReminders } = await db.entities.reminder.query.byBooking({ tenantId: booking.tenantId, bookingId: booking.requestId }).go({ pages: 'all' });
  const reminders = reminderItems(moved, recipients, change.now);
  const kept = new Set(reminders.map((r) => `${r.recipientId}#${r.offsetMinutes}`));
  const loads = workloadDeltas({ status: booking.status, assigneeId: booking.assigneeId }, { status: moved.status, assigneeId: moved.assigneeId });
  const text = `${booking.scheduledAt} → ${moved.scheduledAt}${staff.userId !== booking.assigneeId ? ` (${staff.name})` : ''}`;

  const write = () =>
    db.transaction
      .write((e) => [
        e.request
          .patch(bookingKey(booking))
          .set({
            scheduledAt: moved.scheduledAt,
            endsAt: moved.endsAt,
            assigneeId: staff.userId,
            assigneeName: staff.name,
            seat: moved.seat,
            inviteSequence: moved.inviteSequence,
            version: moved.version,
          })
          .where((a, op) => op.eq(a.version, booking.version))
          .commit(),
        ...taken.map((lock) => e.lock.create(lock).commit()),
        ...released.map((lock) => e.lock.delete(lock).commit()),
        ...(sameEntryKey ? [] : [e.calendar.delete(oldEntry).commit()]),
        e.calendar.put(newEntry).commit(),
        ...reminders.map((r) => e.reminder.put(r).commit()),
        ...oldReminders
          .filter((r) => !kept.has(`${r.recipientId}#${r.offsetMinutes}`) && r.recipientId !== HOLD_EXPIRY_RECIPIENT)
          .map((r) => e.reminder.delete(r).commit()),
        ...[...loads].map(([userId, delta]) => e.workload.update({ tenantId: booking.tenantId, userId }).add({ activeRequests: delta }).commit()),
        e.activity.create(activityOf(booking, change, { kind: 'updated', text })).commit(),
        ...bookingEvent(
          e,
          change.ctx,
          moved,
          'booking.rescheduled',
          {
            previousStart: booking.scheduledAt!,
            previousAssigneeId: booking.assigneeId,
            kpi: { before: kpiStateOf(booking), after: kpiStateOf(moved) },
            bookingKpi: { before: bookingKpiStateOf(booking), after: bookingKpiStateOf(moved) },
            ...(change.withSeries && { withSeries: true }),
          },
          [
            { field: 'scheduledAt', from: booking.scheduledAt ?? null, to: moved.scheduledAt ?? null },
            ...(staff.userId !== booking.assigneeId ? [{ field: 'assigneeId', from: booking.assigneeId, to: staff.userId }] : []),
          ],
        ),
      ])
      .go();
  await commitOrExplain(write, {
    locks: { start: 1, count: taken.length },
    taken: async () => slotTaken(suggestionsNear(bookable, await entriesAround(db.entities, booking.tenantId, slot), start, change.now, change.staffId)),
    otherCondition: () => new AppError('conflict', 'This booking was changed meanwhile. Reload to see it as it is now.'),
  });
  return moved;
}

/**
 * "This and the following": the booking moves as asked, then each later booking of its series
 * moves alike (as many local days on, at the new local time), each in its own transaction; one
 * that cannot move keeps its time and is listed with the reason. One event tells of them all.
 */
async function rescheduleWithFollowing(db: BookingDb, booking: RequestItem & { seriesId: string }, bookable: Bookable, start: number, change: Move) {
  const { seriesId } = booking;
  const withSeries = { ...change, withSeries: true };
  // Found before the move, which may put this booking among them.
  const later = await laterInSeries(db, booking);
  const moved = await rescheduleBooking(db, booking, bookable, start, withSeries);
  const zone = bookable.tenant.timeZone;
  const all = [moved];
  const skipped: { bookingId: string; start: string; to: string; message: string }[] = [];
  try {
    for (const b of later) {
      const to = movedLike(zone, Date.parse(booking.scheduledAt!), start, Date.parse(b.scheduledAt!));
      try {
        all.push(await rescheduleBooking(db, b, bookable, to, { ...withSeries, version: b.version }));
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        skipped.push({ bookingId: b.requestId, start: b.scheduledAt!, to: new Date(to).toISOString(), message: e.message });
      }
    }
  } finally {
    // Also when an unexpected error stops the loop: what was moved is told.
    const detail = { seriesId, clientId: booking.clientId, bookingIds: all.map((b) => b.requestId) };
    await db.transaction
      .write((e) =>
        auditAndEvent(e, change.ctx, {
          action: SERIES_RESCHEDULED,
          entityType: 'request',
          entityId: seriesId,
          customerId: customerOf(booking),
          event: { type: SERIES_RESCHEDULED, detail },
        }),
      )
      .go();
  }
  return { moved, followingMoved: all.length - 1, followingSkipped: skipped };
}

/** Moves the booking only, or ("following") its series' later bookings alike. */
export async function rescheduleInScope(db: BookingDb, booking: RequestItem, bookable: Bookable, start: number, change: Move, scope: 'one' | 'following') {
  const { seriesId } = booking;
  if (scope === 'one' || !seriesId) return { moved: await rescheduleBooking(db, booking, bookable, start, change) };
  return rescheduleWithFollowing(db, { ...booking, seriesId }, bookable, start, change);
}
