/**
 * Rescheduling and cancelling a booking, by its client (from the portal or the emailed link,
 * until the service's cut-off) or by staff. Each is one transaction guarded by the booking's
 * version: a reschedule moves the slot locks (releasing only the grains it leaves, taking only
 * the ones it gains), the calendar entry and the reminders together.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/api/errors.ts';
import type { ChangeContext } from '../../../shared/db/mutation.ts';
import { MINUTE, type Interval } from '../../../shared/domain/bookings/availability.ts';
import type { BookingSettings } from '../../../shared/domain/bookings/settings.ts';
import { kpiStateOf } from '../../../shared/domain/requests/kpis.ts';
import { workloadDeltas } from '../../../shared/domain/requests/workload.ts';
import type { ActivityItem, RequestItem } from '../request-access.ts';
import { entriesAround, type Bookable } from './load.ts';
import { chooseStaff, commitOrExplain, recipientsOf, refusal, slotTaken, suggestionsNear, type Placement } from './place.ts';
import { bookingEvent, bookingSlot, calendarEntryOf, lockItems, reminderItems, seatFor, type BookingDb } from './records.ts';

const HOUR = 60 * MINUTE;

export interface Change {
  ctx: ChangeContext;
  byStaff: boolean;
  now: number;
  version: number;
}

/** Until when a client may still change the booking themselves. */
export const changeableUntil = (booking: RequestItem, settings: Pick<BookingSettings, 'cancelCutoffHours'>) => Date.parse(booking.scheduledAt!) - settings.cancelCutoffHours * HOUR;

function assertChangeable(booking: RequestItem, settings: BookingSettings, change: Change) {
  if (booking.status === 'cancelled') throw new AppError('unprocessable', 'This booking has been cancelled.');
  if (booking.status === 'completed' || Date.parse(booking.scheduledAt!) <= change.now) throw new AppError('unprocessable', 'This booking has already taken place.');
  if (booking.version !== change.version) throw new AppError('conflict', 'This booking was changed meanwhile. Reload to see it as it is now.');
  if (!change.byStaff && change.now > changeableUntil(booking, settings)) {
    throw new AppError('unprocessable', `Bookings can be changed online until ${settings.cancelCutoffHours} hours before they start. Please contact the firm.`);
  }
}

const activityOf = (b: RequestItem, change: Change, fields: Partial<ActivityItem>): ActivityItem => ({
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
const key = (b: RequestItem) => ({ tenantId: b.tenantId, requestId: b.requestId });
const lockKey = (l: { staffId: string; grain: string; seat: number }) => `${l.staffId}#${l.grain}#${l.seat}`;

export async function rescheduleBooking(db: BookingDb, booking: RequestItem, bookable: Bookable, start: number, change: Change & { staffId?: string | undefined; force?: boolean | undefined }): Promise<RequestItem> {
  const { settings } = bookable;
  assertChangeable(booking, settings, change);
  const slot: Interval = { start, end: start + (booking.durationMinutes ?? settings.durationMinutes) * MINUTE };
  const entries = (await entriesAround(db.entities, booking.tenantId, slot)).filter((e) => e.bookingId !== booking.requestId);
  const placement: Placement = {
    bookable,
    client: { clientId: booking.clientId, clientName: booking.clientName },
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
  const chosen = (!change.staffId && chooseStaff({ ...placement, staffId: booking.assigneeId }, entries, slot)) || chooseStaff(placement, entries, slot);
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
          .patch(key(booking))
          .set({ scheduledAt: moved.scheduledAt, endsAt: moved.endsAt, assigneeId: staff.userId, assigneeName: staff.name, seat: moved.seat, inviteSequence: moved.inviteSequence, version: moved.version })
          .where((a, op) => op.eq(a.version, booking.version))
          .commit(),
        ...taken.map((lock) => e.lock.create(lock).commit()),
        ...released.map((lock) => e.lock.delete(lock).commit()),
        ...(sameEntryKey ? [] : [e.calendar.delete(oldEntry).commit()]),
        e.calendar.put(newEntry).commit(),
        ...reminders.map((r) => e.reminder.put(r).commit()),
        ...oldReminders.filter((r) => !kept.has(`${r.recipientId}#${r.offsetMinutes}`)).map((r) => e.reminder.delete(r).commit()),
        ...[...loads].map(([userId, delta]) => e.workload.update({ tenantId: booking.tenantId, userId }).add({ activeRequests: delta }).commit()),
        e.activity.create(activityOf(booking, change, { kind: 'updated', text })).commit(),
        ...bookingEvent(e, change.ctx, moved, 'booking.rescheduled', { previousStart: booking.scheduledAt, previousAssigneeId: booking.assigneeId, kpi: { before: kpiStateOf(booking), after: kpiStateOf(moved) } }, [
          { field: 'scheduledAt', from: booking.scheduledAt ?? null, to: moved.scheduledAt ?? null },
          ...(staff.userId !== booking.assigneeId ? [{ field: 'assigneeId', from: booking.assigneeId, to: staff.userId }] : []),
        ]),
      ])
      .go();
  await commitOrExplain(write, {
    locks: { start: 1, count: taken.length },
    taken: async () => slotTaken(suggestionsNear(bookable, await entriesAround(db.entities, booking.tenantId, slot), start, change.now, change.staffId)),
    otherCondition: () => new AppError('conflict', 'This booking was changed meanwhile. Reload to see it as it is now.'),
  });
  return moved;
}

export async function cancelBooking(db: BookingDb, booking: RequestItem, settings: BookingSettings, change: Change & { reason: string }): Promise<RequestItem> {
  assertChangeable(booking, settings, change);
  const now = new Date(change.now).toISOString();
  const cancelled: RequestItem = { ...booking, status: 'cancelled', cancelledAt: now, inviteSequence: (booking.inviteSequence ?? 0) + 1, updatedAt: now, version: booking.version + 1 };
  const { data: reminders } = await db.entities.reminder.query.byBooking({ tenantId: booking.tenantId, bookingId: booking.requestId }).go({ pages: 'all' });
  const loads = workloadDeltas({ status: booking.status, assigneeId: booking.assigneeId }, { status: 'cancelled', assigneeId: booking.assigneeId });
  await db.transaction
    .write((e) => [
      e.request
        .patch(key(booking))
        .set({ status: 'cancelled', cancelledAt: now, inviteSequence: cancelled.inviteSequence, version: cancelled.version })
        .where((a, op) => op.eq(a.version, booking.version))
        .commit(),
      ...lockItems(booking, bookingSlot(booking)).map((lock) => e.lock.delete(lock).commit()),
      e.calendar.delete(calendarEntryOf(booking)).commit(),
      ...reminders.map((r) => e.reminder.delete(r).commit()),
      ...[...loads].map(([userId, delta]) => e.workload.update({ tenantId: booking.tenantId, userId }).add({ activeRequests: delta }).commit()),
      e.activity.create(activityOf(booking, change, { kind: 'status', from: booking.status, to: 'cancelled', ...(change.reason && { text: change.reason }) })).commit(),
      ...bookingEvent(e, change.ctx, cancelled, 'booking.cancelled', { reason: change.reason, kpi: { before: kpiStateOf(booking), after: kpiStateOf(cancelled) } }, [{ field: 'status', from: booking.status, to: 'cancelled' }]),
    ])
    .go()
    .then((result) => {
      if (result.canceled) throw new AppError('conflict', 'This booking was changed meanwhile. Reload to see it as it is now.');
    });
  return cancelled;
}
