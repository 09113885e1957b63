/**
 * Booking as a signed-in person: a client books for themselves; staff book for any client of
 * the firm and may go past warnings (a buffer, a day's limit) — never past errors — with `force`.
 * A series books each occurrence of a signed plan the same way, skipping those it cannot.
 */
import { randomUUID } from 'node:crypto';
import { AppError, forbidden, validationFailed } from '../../../shared/api/errors.ts';
import { BOOKING_DESK_OPERATIONS } from '../../../shared/api/operations/booking-desk.ts';
import { BOOKING_DESK_SCHEMAS } from '../../../shared/api/schemas/booking-desk.ts';
import { auditAndEvent } from '../../../shared/db/mutation.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { SERIES_BOOKED } from '../../../shared/domain/bookings/series.ts';
import { isStaff } from '../../../shared/domain/identity/permissions.ts';
import { actorFromClaims, type AuthenticatedActor } from '../../lib/auth.ts';
import { BOOKING_ENTITIES, type BookingDb } from '../booking-entities.ts';
import { firmOf, loadBookable, type UserItem } from '../load.ts';
import { placeBooking, type Placement } from '../place.ts';
import { bookingView } from '../view.ts';
import { changeContext } from '../../lib/change-context.ts';
import { contextHandler, type ReplyOf, type RequestOf } from '../../lib/http.ts';
import { planSignatureValid } from '../plan-signature.ts';

const database = databaseOf(BOOKING_ENTITIES);

/** The client the booking is for: the caller, or (staff) a client of the firm who is not shut out. */
async function clientOf(db: BookingDb, actor: AuthenticatedActor, clientId: string | undefined): Promise<UserItem> {
  if (!isStaff(actor.role) && clientId && clientId !== actor.userId) throw forbidden('Clients book for themselves.');
  if (isStaff(actor.role) && !clientId) throw validationFailed([{ field: 'clientId', message: 'is required when booking for a client' }]);
  const { data: client } = await db.entities.user.get({ tenantId: actor.tenantId, userId: clientId ?? actor.userId }).go();
  // A guest's account is still `invited`: staff may book for them too.
  if (!client || client.role !== 'CLIENT' || client.status === 'deactivated')
    throw validationFailed([{ field: 'clientId', message: 'is not a client of this firm' }]);
  return client;
}

/** What every booking of the caller's shares, single or in a series: who, what, how, and who may pass warnings. */
async function placementFor(req: RequestOf<'createBooking' | 'createBookingSeries'>): Promise<Omit<Placement, 'start'>> {
  const { actor } = req;
  const input = req.body;
  const byStaff = isStaff(actor.role);
  if (input.force && !byStaff) throw validationFailed([{ field: 'force', message: 'is for staff only: clients book free times' }]);
  const db = database();
  const [tenant, client] = await Promise.all([firmOf(db.entities, actor.tenantId), clientOf(db, actor, input.clientId)]);
  return {
    bookable: await loadBookable(db.entities, tenant, input.serviceId),
    client: {
      clientId: client.userId,
      clientName: client.name,
      customerId: client.customerId,
      reminderOffsets: client.reminderOffsets,
      reminderEmail: client.reminderEmail,
      phone: client.phone,
    },
    // The zone given is the one used; without one, the client's own, else the firm's.
    clientZone: input.timeZone ?? client.timeZone ?? tenant.timeZone,
    staffId: input.staffId,
    bookingType: input.bookingType,
    notes: input.notes,
    byStaff,
    force: input.force,
    ctx: changeContext(req),
    now: Date.now(),
  };
}

async function createBooking(req: RequestOf<'createBooking'>): Promise<ReplyOf<'createBooking'>> {
  const placement = await placementFor(req);
  const booking = await placeBooking(database(), { ...placement, start: Date.parse(req.body.start), promoCode: req.body.promoCode });
  return { status: 201, body: bookingView(booking, placement.bookable.settings) };
}

/** Each occurrence is its own booking and transaction: one that is taken or not bookable is skipped and said why. */
async function createBookingSeries(req: RequestOf<'createBookingSeries'>): Promise<ReplyOf<'createBookingSeries'>> {
  const { signature, truncated: _, ...plan } = req.body.plan;
  if (!planSignatureValid(plan, signature)) throw validationFailed([{ field: 'plan', message: 'is not a plan from this portal, or was changed' }]);
  if (Date.parse(plan.expiresAt) < Date.now()) throw validationFailed([{ field: 'plan', message: 'has expired: plan the series again' }]);
  const placement = await placementFor(req);
  const { tenant, settings } = placement.bookable;
  if (plan.zone !== tenant.timeZone)
    throw validationFailed([{ field: 'plan', message: `was made for ${plan.zone}, not the firm’s zone (${tenant.timeZone})` }]);
  const seriesId = randomUUID();
  const booked: ReturnType<typeof bookingView>[] = [];
  const skipped: { start: string; message: string }[] = [];
  // Staff may place the series past warnings only when every skipped date had only warnings.
  let canProceed = placement.byStaff;
  try {
    for (const start of plan.occurrences) {
      try {
        const booking = await placeBooking(database(), {
          ...placement,
          start: Date.parse(start),
          series: { id: seriesId, rule: plan.rule, first: booked.length === 0 },
        });
        booked.push(bookingView(booking, settings));
      } catch (e) {
        if (!(e instanceof AppError) || (e.code !== 'conflict' && e.code !== 'unprocessable')) throw e;
        skipped.push({ start, message: e.message });
        canProceed &&= e.extra.canProceed === true;
      }
    }
  } finally {
    // Announced once, with every date (its bookings' own events say they belong to it); also
    // when an unexpected error stops the placing, so what was booked is told.
    const detail = {
      seriesId,
      rule: plan.rule,
      clientId: placement.client.clientId,
      bookingIds: booked.map((b) => b.bookingId),
      skipped: skipped.map((s) => s.start),
    };
    if (booked.length)
      await database()
        .transaction.write((e) =>
          auditAndEvent(e, placement.ctx, {
            action: SERIES_BOOKED,
            entityType: 'request',
            entityId: seriesId,
            customerId: placement.client.customerId,
            event: { type: SERIES_BOOKED, detail },
          }),
        )
        .go();
  }
  if (booked.length === 0)
    throw new AppError('conflict', 'None of these times can be booked.', undefined, {}, { reason: 'series_unbookable', skipped, canProceed });
  return { status: 201, body: { seriesId, rule: plan.rule, booked, skipped } };
}

export const handler = contextHandler({
  routes: BOOKING_DESK_OPERATIONS,
  schemas: BOOKING_DESK_SCHEMAS,
  operations: { createBooking, createBookingSeries },
  authenticate: actorFromClaims,
});
