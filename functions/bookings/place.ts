/**
 * Placing a booking: check the slot, pick who takes it, price it, and write everything in one
 * transaction — the request, its activity, its calendar entry, the slot locks that make a
 * double booking impossible, its reminders, the promo code's use, the assignee's workload,
 * the audit entry and the event. Of many concurrent attempts at one slot, exactly one
 * transaction's locks go in; the others get a 409 with free slots nearby.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { CreateEntityItem, EntityItem } from 'electrodb';
import { AppError, validationFailed } from '../../shared/api/errors.ts';
import { auditAndEvent, type ChangeContext } from '../../shared/db/mutation.ts';
import { customerCreated } from '../customers/own-customer.ts';
import { NO_CUSTOMER, type Customer } from '../../shared/db/entities/customer.ts';
import type { PromoCode } from '../../shared/db/entities/promo-code.ts';
import { availableSlots, checkSlot, MINUTE, type Interval } from '../../shared/domain/bookings/availability.ts';
import { priceOf, type PriceBreakdown } from '../../shared/domain/bookings/pricing.ts';
import { pricingRulesOf, type BookingType } from '../../shared/domain/bookings/settings.ts';
import { bookingKpiStateOf } from '../../shared/domain/bookings/kpis.ts';
import { GUEST_ID_PREFIX, HELD_ID_PREFIX } from '../../shared/domain/identity/guests.ts';
import { kpiStateOf } from '../../shared/domain/requests/kpis.ts';
import { rankCandidates } from '../../shared/domain/requests/assignment.ts';
import { workloadDeltas } from '../../shared/domain/requests/workload.ts';
import { DEFAULT_CAPACITY } from '../team/staff-load.ts';
import type { ActivityItem, RequestItem } from '../requests/request-access.ts';
import { nextReference } from '../requests/references.ts';
import { availabilityQuery, entriesAround, type Bookable, type CalendarItem, type UserItem } from './load.ts';
import {
  PROBLEM_MESSAGES,
  bookingEvent,
  calendarEntryOf,
  holdExpiryOf,
  lockItems,
  reminderItems,
  seatFor,
  type BookingDb,
  type ReminderRecipient,
} from './records.ts';
import { guardPromoGuesses } from './promo-guard.ts';

const DAY = 86_400_000;
const SUGGESTIONS = 5;

export interface ClientOfBooking {
  clientId: string;
  clientName: string;
  /** The customer the client acts for, which owns the booking (none while it is held for an address's owner: ADR 0016). */
  customerId?: string | undefined;
  /** A guest's new account, created with the booking, and its own customer. */
  newUser?: UserItem | undefined;
  newCustomer?: CreateEntityItem<typeof Customer> | undefined;
  /** The client's reminder wishes (a new guest has the defaults). */
  reminderOffsets?: number[] | undefined;
  reminderEmail?: boolean | undefined;
  phone?: string | undefined;
  /** Held for the owner of this address to confirm, until this instant (ADR 0016). */
  hold?: { email: string; until: number } | undefined;
}

export interface Placement {
  bookable: Bookable;
  client: ClientOfBooking;
  start: number;
  clientZone: string;
  staffId?: string | undefined;
  bookingType?: BookingType | undefined;
  notes: string;
  promoCode?: string | undefined;
  /** Staff may book past warnings (never past errors) when they say so. */
  byStaff: boolean;
  force?: boolean | undefined;
  ctx: ChangeContext;
  now: number;
  /** An occurrence of a series: the series' first booking's id (this booking's own, when it is the first) and its RRULE. */
  series?: { id: string; rule: string; first: boolean } | undefined;
}

/** Free slots near the one asked for: what a 409 offers instead. */
export function suggestionsNear(bookable: Bookable, entries: readonly CalendarItem[], wanted: number, now: number, staffId?: string) {
  const range = { start: Math.max(now, wanted - DAY), end: wanted + 14 * DAY };
  return availableSlots(availabilityQuery(bookable, entries, range, now, staffId))
    .sort((a, b) => Math.abs(a.start - wanted) - Math.abs(b.start - wanted))
    .slice(0, SUGGESTIONS)
    .sort((a, b) => a.start - b.start)
    .map((s) => ({ start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString(), staffIds: s.staffIds }));
}

export const slotTaken = (suggestions: unknown[]) =>
  new AppError('conflict', 'That time has just been taken. Please pick another.', undefined, {}, { reason: 'slot_taken', suggestions });

/** Each bookable person's active requests, to rank them as requests are ranked: one batch read. */
export async function loadsOf(db: BookingDb, bookable: Bookable): Promise<Map<string, number>> {
  const tenantId = bookable.tenant.tenantId;
  const { data } = bookable.staff.length ? await db.entities.workload.get(bookable.staff.map((s) => ({ tenantId, userId: s.userId }))).go() : { data: [] };
  return new Map(data.map((w) => [w.userId, w.activeRequests]));
}

/**
 * Someone free for the slot: the one asked for; else, of those free, the best by the request
 * ranking (skills, availability, room under capacity, expertise; `loads` are their active
 * requests), then those it leaves out (at capacity), each group least booked that day first.
 */
export function chooseStaff(p: Placement, entries: readonly CalendarItem[], slot: Interval, loads: ReadonlyMap<string, number> = new Map()) {
  const query = availabilityQuery(p.bookable, entries, { start: slot.start - DAY, end: slot.end + DAY }, p.now);
  const candidates = p.staffId ? p.bookable.staff.filter((s) => s.userId === p.staffId) : p.bookable.staff;
  const usable = candidates
    .map((staff) => ({ staff, check: checkSlot(query, slot, staff.userId) }))
    .filter(({ check }) => (p.byStaff && p.force ? check.canProceed : check.problems.length === 0));
  const ranked = rankCandidates(
    p.bookable.service.requiredSkills,
    usable.map(({ staff: s }) => ({
      userId: s.userId,
      name: s.name,
      role: s.role,
      skills: s.skills ?? [],
      expertiseLevel: s.expertiseLevel,
      availabilityStatus: s.availabilityStatus,
      maxConcurrentProjects: s.maxConcurrentProjects ?? DEFAULT_CAPACITY,
      activeRequests: loads.get(s.userId) ?? 0,
    })),
  );
  const place = (s: UserItem) => {
    const i = ranked.findIndex((r) => r.candidate.userId === s.userId);
    return i < 0 ? ranked.length : i;
  };
  const sameDay = (s: UserItem) => entries.filter((e) => e.staffId === s.userId && Math.abs(Date.parse(e.start) - slot.start) < DAY).length;
  usable.sort((a, b) => place(a.staff) - place(b.staff) || sameDay(a.staff) - sameDay(b.staff) || a.staff.name.localeCompare(b.staff.name));
  const best = usable[0];
  return best && { staff: best.staff, problems: best.check.problems, reason: ranked[place(best.staff)]?.reason };
}

/** Why nobody can take the slot: a 409 when it is taken, a 422 naming what is wrong with a time that was never bookable. */
export function refusal(p: Placement, entries: readonly CalendarItem[], slot: Interval): AppError {
  const query = availabilityQuery(p.bookable, entries, { start: slot.start - DAY, end: slot.end + DAY }, p.now);
  const checks = (p.staffId ? [p.staffId] : p.bookable.staff.map((s) => s.userId)).map((id) => checkSlot(query, slot, id).problems);
  const suggestions = suggestionsNear(p.bookable, entries, slot.start, p.now, p.staffId);
  const problems = checks[0] ?? [];
  if (problems.length === 0 || checks.some((c) => c.some((x) => x.code === 'double-booked'))) return slotTaken(suggestions);
  const message = problems.map((x) => PROBLEM_MESSAGES[x.code]).join(' ');
  const canProceed = p.byStaff && problems.every((x) => x.severity === 'warning');
  return new AppError(
    'unprocessable',
    message,
    [{ field: 'start', message: PROBLEM_MESSAGES[problems[0]!.code] }],
    {},
    { reason: 'slot_unavailable', problems, canProceed, suggestions },
  );
}

async function promoFor(
  db: BookingDb,
  p: Placement,
  base: Omit<Parameters<typeof priceOf>[0], 'promo'>,
): Promise<{ price: PriceBreakdown; promo?: EntityItem<typeof PromoCode> }> {
  if (!p.promoCode) return { price: priceOf(base) };
  const tenantId = p.bookable.tenant.tenantId;
  // Staff type codes they know; anyone else's wrong codes are counted (promo-guard.ts).
  const guesses = p.byStaff ? undefined : await guardPromoGuesses(db.entities.guard, tenantId, p.ctx.ip ?? 'unknown');
  const [{ data: promo }, { data: used }] = await Promise.all([
    db.entities.promo.get({ tenantId, code: p.promoCode }).go(),
    db.entities.promoUse.get({ tenantId, code: p.promoCode, clientId: p.client.clientId }).go(),
  ]);
  if (!promo || !promo.active) {
    await guesses?.wrong();
    throw validationFailed([{ field: 'promoCode', message: 'is not a valid code' }]);
  }
  const price = priceOf({
    ...base,
    promo: {
      promo: {
        ...promo,
        validFrom: promo.validFrom ? Date.parse(promo.validFrom) : undefined,
        validUntil: promo.validUntil ? Date.parse(promo.validUntil) : undefined,
      },
      usedByClient: !!used,
    },
  });
  if (price.promoProblem) throw validationFailed([{ field: 'promoCode', message: PROBLEM_MESSAGES[price.promoProblem] }]);
  return { price, promo };
}

export async function placeBooking(db: BookingDb, p: Placement): Promise<RequestItem> {
  const { bookable, client } = p;
  const { tenant, service, settings } = bookable;
  const slot = { start: p.start, end: p.start + settings.durationMinutes * MINUTE };
  if (p.bookingType && !settings.bookingTypes.includes(p.bookingType))
    throw validationFailed([{ field: 'bookingType', message: `must be one of ${settings.bookingTypes.join(', ')}` }]);
  if (p.staffId && !bookable.staff.some((s) => s.userId === p.staffId))
    throw validationFailed([{ field: 'staffId', message: 'does not take bookings of this service' }]);

  const [entries, staffLoads] = await Promise.all([entriesAround(db.entities, tenant.tenantId, slot), p.staffId ? undefined : loadsOf(db, bookable)]);
  const chosen = chooseStaff(p, entries, slot, staffLoads);
  if (!chosen) throw refusal(p, entries, slot);
  const { staff } = chosen;
  const { price, promo } = await promoFor(db, p, {
    rules: pricingRulesOf(service, settings),
    firmZone: tenant.timeZone,
    start: slot.start,
    durationMinutes: settings.durationMinutes,
    now: p.now,
  });

  const now = new Date(p.now).toISOString();
  const bookingId = p.series?.first ? p.series.id : randomUUID();
  const seat = seatFor(entries, staff, slot);
  const request: RequestItem = {
    tenantId: tenant.tenantId,
    requestId: bookingId,
    reference: await nextReference(db.entities, tenant.tenantId),
    clientId: client.clientId,
    clientName: client.clientName,
    customerId: client.customerId ?? NO_CUSTOMER,
    serviceId: service.serviceId,
    serviceName: service.name,
    title: service.name,
    description: p.notes,
    priority: 'medium',
    status: 'assigned',
    currency: service.currency,
    listPrice: price.total,
    requirements: [],

    assigneeId: staff.userId,
    assigneeName: staff.name,
    assignedAt: now,
    assignedBy: p.staffId ? p.ctx.actorId : 'auto',
    assignmentReason: JSON.stringify(p.staffId ? { kind: 'manual', by: p.ctx.actorName ?? p.ctx.actorId } : (chosen.reason ?? { kind: 'booking' })),
    isBooking: true,
    scheduledAt: new Date(slot.start).toISOString(),
    endsAt: new Date(slot.end).toISOString(),
    durationMinutes: settings.durationMinutes,
    bookingType: p.bookingType ?? settings.bookingTypes[0] ?? 'video',
    firmZone: tenant.timeZone,
    clientZone: p.clientZone,
    confirmed: p.byStaff || settings.autoConfirm,
    seat,
    bufferBeforeMinutes: settings.bufferBeforeMinutes,
    bufferAfterMinutes: settings.bufferAfterMinutes,
    price,
    ...(promo && { promoCode: promo.code }),
    ...(client.phone && { guestPhone: client.phone }),
    ...(client.hold && { guestEmail: client.hold.email, awaitingOwnerUntil: new Date(client.hold.until).toISOString() }),
    inviteSequence: 0,
    ...(p.series && { seriesId: p.series.id, recurrence: p.series.rule }),
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const activity: ActivityItem = {
    tenantId: tenant.tenantId,
    requestId: bookingId,
    activityId: randomUUID(),
    at: now,
    kind: 'created',
    to: request.status,
    actorId: p.ctx.actorId,
    actorName: p.ctx.actorName ?? '',
    actorRole: p.ctx.actorRole,
    internal: false,
  };
  const loads = workloadDeltas({ status: 'draft', assigneeId: undefined }, { status: request.status, assigneeId: staff.userId });
  const locks = lockItems(request, slot);

  const write = () =>
    db.transaction
      .write((e) => [
        ...(client.newUser ? [e.user.create(client.newUser).commit()] : []),
        e.request.create(request).commit(),
        e.activity.create(activity).commit(),
        e.calendar.create(calendarEntryOf(request)).commit(),
        ...locks.map((lock) => e.lock.create(lock).commit()),
        ...[...reminderItems(request, recipientsOf(request, client, staff), p.now), ...(client.hold ? [holdExpiryOf(request)] : [])].map((r) =>
          e.reminder.put(r).commit(),
        ),
        ...[...loads].map(([userId, delta]) => e.workload.update({ tenantId: tenant.tenantId, userId }).add({ activeRequests: delta }).commit()),
        ...(promo
          ? [
              e.promo
                .update({ tenantId: tenant.tenantId, code: promo.code })
                .add({ uses: 1 })
                .where((a, op) => (promo.maxUses > 0 ? op.lt(a.uses, promo.maxUses) : op.exists(a.code)))
                .commit(),
              ...(promo.oncePerClient
                ? [e.promoUse.create({ tenantId: tenant.tenantId, code: promo.code, clientId: client.clientId, bookingId, usedAt: now }).commit()]
                : []),
            ]
          : []),
        ...bookingEvent(e, p.ctx, request, 'booking.created', {
          kpi: { after: kpiStateOf(request) },
          bookingKpi: { after: bookingKpiStateOf(request) },
          ...(p.series && { withSeries: true }),
        }),
        // Last, so the slot locks keep their places in the transaction (commitOrExplain reads them by position).
        ...(client.newCustomer ? [e.customer.create(client.newCustomer).commit(), ...auditAndEvent(e, p.ctx, customerCreated(client.newCustomer))] : []),
      ])
      .go();
  await commitOrExplain(write, {
    locks: { start: (client.newUser ? 1 : 0) + 3, count: locks.length },
    taken: async () => slotTaken(suggestionsNear(bookable, await entriesAround(db.entities, tenant.tenantId, slot), slot.start, p.now, p.staffId)),
    // A promo code's last use taken meanwhile, or the same new guest booking twice at once.
    otherCondition: () =>
      promo
        ? validationFailed([{ field: 'promoCode', message: 'has just been used up' }])
        : new AppError('conflict', 'This booking was being made twice at once. Check your email before trying again.'),
  });
  return request;
}

type Outcome = { canceled: boolean; data: unknown };

/**
 * Commits, telling a taken slot (a lock's condition failed) from a used-up promo code. When
 * transactions on the same locks collide, DynamoDB may cancel all of them at once: retrying
 * after a short random pause lets one win, and the rest then find its locks.
 */
export async function commitOrExplain(
  write: () => Promise<Outcome>,
  explain: { locks: { start: number; count: number }; taken: () => Promise<AppError>; otherCondition: () => AppError },
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const result = await write();
    if (!result.canceled) return;
    const reasons = (result.data as Array<{ code?: string }>).map((d) => d.code ?? 'None');
    if (reasons.slice(explain.locks.start, explain.locks.start + explain.locks.count).includes('ConditionalCheckFailed')) throw await explain.taken();
    if (reasons.includes('ConditionalCheckFailed')) throw explain.otherCondition();
    if (reasons.includes('TransactionConflict') && attempt < 8) {
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * attempt));
      continue;
    }
    throw new AppError('conflict', 'Someone else was changing this at the same moment. Try again.');
  }
}

type ReminderWishes = Pick<ClientOfBooking, 'clientId'> & { reminderOffsets?: number[] | undefined; reminderEmail?: boolean | undefined };

/** The client's reminders, in the zone they booked from. */
export const clientRecipient = (b: RequestItem, client: ReminderWishes): ReminderRecipient => ({
  userId: client.clientId,
  zone: b.clientZone ?? b.firmZone ?? 'UTC',
  offsets: client.reminderOffsets,
  email: client.reminderEmail,
});

/** Who is reminded of a booking: its client (not while it is held for them to confirm) and its staff member (in their zone). */
export function recipientsOf(b: RequestItem, client: ReminderWishes, staff: UserItem): ReminderRecipient[] {
  const staffMember = { userId: staff.userId, zone: staff.timeZone, offsets: staff.reminderOffsets, email: staff.reminderEmail };
  return b.awaitingOwnerUntil ? [staffMember] : [clientRecipient(b, client), staffMember];
}

const addressHash = (tenantId: string, email: string) => createHash('sha256').update(`${tenantId}:${email}`).digest('hex').slice(0, 32);

/** A guest's account, made with their first booking: the id follows from the address, so a retry cannot make a second. */
export const guestUserId = (tenantId: string, email: string): string => `${GUEST_ID_PREFIX}${addressHash(tenantId, email)}`;

/** Whom a held booking is for until its address confirms it: no account's id, so no account sees it (ADR 0016). */
export const heldClientId = (tenantId: string, email: string): string => `${HELD_ID_PREFIX}${addressHash(tenantId, email)}`;
