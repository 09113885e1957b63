/**
 * Bookings for signed-in people: the calendar, confirming, cancelling, recording the outcome,
 * and a client's link to the manage page. Who may see a booking is who may see its request.
 */
import { appointmentOf, appointmentPage } from '../../lib/appointments.ts';
import { AppError, forbidden, notFound } from '../../../shared/api/errors.ts';
import { BOOKINGS_OPERATIONS } from '../../../shared/api/operations/bookings.ts';
import { BOOKINGS_SCHEMAS } from '../../../shared/api/schemas/bookings.ts';
import { auditAndEvent } from '../../../shared/db/mutation.ts';
import { customerOf } from '../../../shared/db/entities/customer.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { bookingSettingsOf } from '../../../shared/domain/bookings/settings.ts';
import { accessOf } from '../../../shared/domain/customers/customers.ts';
import { hasPermission } from '../../../shared/domain/identity/policy.ts';
import { isStaff } from '../../../shared/domain/identity/permissions.ts';
import { bookingKpiStateOf } from '../../../shared/domain/bookings/kpis.ts';
import { kpiStateOf } from '../../../shared/domain/requests/kpis.ts';
import { workloadDeltas } from '../../../shared/domain/requests/workload.ts';
import { linksConfig } from '../../../shared/config.ts';
import { actorFromClaims } from '../../lib/auth.ts';
import { cancelInScope } from '../cancel.ts';
import { activityOf, assertChangeable, bookingKey, type Change } from '../changes.ts';
import { firmEntriesBetween } from '../calendar.ts';
import { newManageLink } from '../manage-link.ts';
import { CHANGE_ENTITIES } from '../entities.ts';
import { bookingEvent, calendarEntryOf } from '../records.ts';
import { bookingView } from '../view.ts';
import { changeContext } from '../../lib/change-context.ts';
import { contextHandler, type ReplyOf, type RequestOf, type SignedInRequest, type WithParams } from '../../lib/http.ts';
import { mayReadRequest, type RequestItem } from '../../requests/request-access.ts';

const database = databaseOf(CHANGE_ENTITIES);

/** One Query per UTC month of the range for those who see the firm; one Query on their own (or their customer's) index for everyone else. */
async function listBookings(req: RequestOf<'listBookings'>): Promise<ReplyOf<'listBookings'>> {
  const actor = req.actor;
  const { from, to, staffId, serviceId, bookingType } = req.query;
  const [start, end] = [new Date(from).toISOString(), new Date(to).toISOString()];
  const { calendar } = database().entities;
  const tenantId = actor.tenantId;
  let entries;
  if (hasPermission(actor, 'service_requests.read.all')) {
    entries = await firmEntriesBetween(database().entities, tenantId, start, end);
  } else if (isStaff(actor.role)) {
    entries = (await calendar.query.byStaff({ tenantId, staffId: actor.userId }).between({ start }, { start: end }).go({ pages: 'all' })).data;
  } else if (actor.contact && accessOf(actor.contact) !== 'own') {
    entries = (await calendar.query.byCustomer({ tenantId, customerId: actor.contact.customerId }).between({ start }, { start: end }).go({ pages: 'all' }))
      .data;
  } else {
    entries = (await calendar.query.byClient({ tenantId, clientId: actor.userId }).between({ start }, { start: end }).go({ pages: 'all' })).data;
  }
  const items = entries
    .filter(
      (e) =>
        e.start < end && (!staffId || e.staffId === staffId) && (!serviceId || e.serviceId === serviceId) && (!bookingType || e.bookingType === bookingType),
    )
    .map(({ tenantId: _t, month: _m, seat: _s, bufferBeforeMinutes: _b, bufferAfterMinutes: _a, customerId, ...view }) => ({
      ...view,
      ...(customerOf({ customerId }) && { customerId }),
    }));
  return { body: { items } };
}

/**
 * The reader's appointments a page at a time, one Query on their own index: a team member's
 * own, a client's organisation's with full access, else the client's own.
 */
async function listMyAppointments(req: RequestOf<'listMyAppointments'>): Promise<ReplyOf<'listMyAppointments'>> {
  const { actor } = req;
  const { tenantId, userId } = actor;
  const { calendar } = database().entities;
  const entries = isStaff(actor.role)
    ? calendar.query.byStaff({ tenantId, staffId: userId })
    : actor.contact && accessOf(actor.contact) !== 'own'
      ? calendar.query.byCustomer({ tenantId, customerId: actor.contact.customerId })
      : calendar.query.byClient({ tenantId, clientId: userId });
  return {
    body: await appointmentPage(entries, req.query, (e) => ({ ...appointmentOf(e), mine: e.clientId === userId })),
  };
}

/** The booking of the path, if the caller may see it; 404 otherwise (whether it exists is not told). */
async function bookingOf(req: SignedInRequest & WithParams<'bookingId'>): Promise<RequestItem> {
  const { actor } = req;
  const { data } = await database().entities.request.get({ tenantId: actor.tenantId, requestId: req.params.bookingId }).go();
  if (!data?.isBooking || !mayReadRequest(actor, data)) throw notFound('Booking');
  return data;
}

async function settingsOf(b: RequestItem) {
  const { data: service } = await database().entities.service.get({ tenantId: b.tenantId, serviceId: b.serviceId }).go();
  return bookingSettingsOf(service?.booking);
}

const changeBy = (req: SignedInRequest & { body: { version: number } }): Change => ({
  ctx: changeContext(req),
  byStaff: isStaff(req.actor.role),
  now: Date.now(),
  version: req.body.version,
});

async function confirmBooking(req: RequestOf<'confirmBooking'>): Promise<ReplyOf<'confirmBooking'>> {
  const booking = await bookingOf(req);
  const settings = await settingsOf(booking);
  const change = changeBy(req);
  assertChangeable(booking, settings, change);
  if (booking.confirmed) return { body: bookingView(booking, settings) };
  const confirmed: RequestItem = { ...booking, confirmed: true, inviteSequence: (booking.inviteSequence ?? 0) + 1, version: booking.version + 1 };
  await commit(() =>
    database()
      .transaction.write((e) => [
        e.request
          .patch(bookingKey(booking))
          .set({ confirmed: true, inviteSequence: confirmed.inviteSequence, version: confirmed.version })
          .where((a, op) => op.eq(a.version, booking.version))
          .commit(),
        e.calendar.put(calendarEntryOf(confirmed)).commit(),
        e.activity.create(activityOf(booking, change, { kind: 'updated', text: 'Booking confirmed' })).commit(),
        ...bookingEvent(e, change.ctx, confirmed, 'booking.confirmed', {}, [{ field: 'confirmed', from: false, to: true }]),
      ])
      .go(),
  );
  return { body: bookingView(confirmed, settings) };
}

async function cancelBooking(req: RequestOf<'cancelBooking'>): Promise<ReplyOf<'cancelBooking'>> {
  const booking = await bookingOf(req);
  const actor = req.actor;
  // Staff cancel with the right to change requests; a client cancels what they booked (a colleague with full access only sees it).
  if (isStaff(actor.role) ? !hasPermission(actor, 'service_requests.update') : booking.clientId !== actor.userId)
    throw forbidden(isStaff(actor.role) ? undefined : 'Only the client who booked it can cancel this booking.');
  const settings = await settingsOf(booking);
  const change = { ...changeBy(req), reason: req.body.reason };
  const { cancelled, ...following } = await cancelInScope(database(), booking, settings, change, req.body.scope);
  return { body: { ...bookingView(cancelled, settings), ...following } };
}

async function recordBookingOutcome(req: RequestOf<'recordBookingOutcome'>): Promise<ReplyOf<'recordBookingOutcome'>> {
  const booking = await bookingOf(req);
  const settings = await settingsOf(booking);
  const change = changeBy(req);
  if (booking.status === 'cancelled' || booking.status === 'completed') throw new AppError('unprocessable', 'This booking is closed already.');
  if (Date.parse(booking.scheduledAt!) > change.now)
    throw new AppError('unprocessable', 'Whether the client came can be recorded once the booking has started.');
  if (booking.version !== change.version) throw new AppError('conflict', 'This booking was changed meanwhile. Reload to see it as it is now.');
  const at = new Date(change.now).toISOString();
  const noShow = req.body.outcome === 'no_show';
  const done: RequestItem = { ...booking, status: 'completed', completedAt: at, noShow, version: booking.version + 1 };
  const loads = workloadDeltas({ status: booking.status, assigneeId: booking.assigneeId }, { status: done.status, assigneeId: done.assigneeId });
  await commit(() =>
    database()
      .transaction.write((e) => [
        e.request
          .patch(bookingKey(booking))
          .set({ status: 'completed', completedAt: at, noShow, version: done.version })
          .where((a, op) => op.eq(a.version, booking.version))
          .commit(),
        ...[...loads].map(([userId, delta]) => e.workload.update({ tenantId: booking.tenantId, userId }).add({ activeRequests: delta }).commit()),
        e.activity
          .create(activityOf(booking, change, { kind: 'status', from: booking.status, to: 'completed', text: noShow ? 'No-show' : 'Attended' }))
          .commit(),
        ...bookingEvent(
          e,
          change.ctx,
          done,
          'booking.outcome_recorded',
          {
            outcome: req.body.outcome,
            kpi: { before: kpiStateOf(booking), after: kpiStateOf(done) },
            bookingKpi: { before: bookingKpiStateOf(booking), after: bookingKpiStateOf(done) },
          },
          [
            { field: 'status', from: booking.status, to: 'completed' },
            { field: 'noShow', from: null, to: noShow },
          ],
        ),
      ])
      .go(),
  );
  return { body: bookingView(done, settings) };
}

/** A client's own booking, opened on the manage page (the same page as the emailed link). */
async function openBookingLink(req: RequestOf<'openBookingLink'>): Promise<ReplyOf<'openBookingLink'>> {
  const booking = await bookingOf(req);
  if (booking.clientId !== req.actor.userId) throw forbidden('Only the client of a booking opens its manage page.');
  const { token, item } = newManageLink(booking);
  await commit(() =>
    database()
      .transaction.write((e) => [
        e.manageLink.put(item).commit(),
        ...auditAndEvent(e, changeContext(req), {
          action: 'booking.link_opened',
          entityType: 'request',
          entityId: booking.requestId,
          customerId: customerOf(booking),
        }),
      ])
      .go(),
  );
  return { body: { url: `${linksConfig().PUBLIC_URL}/book/manage/?token=${token}` } };
}

async function commit(write: () => Promise<{ canceled: boolean }>) {
  if ((await write()).canceled) throw new AppError('conflict', 'This booking was changed meanwhile. Reload to see it as it is now.');
}

export const handler = contextHandler({
  routes: BOOKINGS_OPERATIONS,
  schemas: BOOKINGS_SCHEMAS,
  operations: { listBookings, listMyAppointments, confirmBooking, cancelBooking, recordBookingOutcome, openBookingLink },
  authenticate: actorFromClaims,
});
