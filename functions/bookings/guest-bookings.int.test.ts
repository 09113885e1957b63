import { randomUUID } from 'node:crypto';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, newVisitorAddress, type Signed } from '../../infra/local/test-client.ts';
import { rfc5545Problems } from '../../infra/local/test-ics.ts';
import { attachmentOf, emailsTo, linkIn, nextEmailTo, sourceOf } from '../../infra/local/test-inbox.ts';
import { at, bookAsGuest, bookingFixtures, firmZone, tenantId } from '../../infra/local/test-bookings.ts';
import { GUEST_BOOKINGS_PER_HOUR } from './http/guest-booking.ts';
import { database } from '../../shared/db/all-entities.ts';
import { issueManageLink } from './manage-link.ts';
import { hashSecret } from '../lib/link-token.ts';
import { BOOKING_ENTITIES } from './booking-entities.ts';
import { databaseOf } from '../../shared/db/service.ts';

const zone = firmZone;
const { run, service: bookableService, staff: staffMember } = bookingFixtures();
const book = bookAsGuest;
const bookingDb = databaseOf(BOOKING_ENTITIES);

let serviceId: string;
let bea: Signed;

beforeAll(async () => {
  bea = await staffMember('Bea');
  // Starts every half hour: a booking can move within its own slot (10:00 → 10:30).
  serviceId = await bookableService({ stepMinutes: 30 });
});

describe('the public booking page', () => {
  it('lists bookable services and their free slots, priced, in the firm’s zone', async () => {
    const page = await api('/api/book/designpi');
    expect(page.status).toBe(200);
    expect(page.body.firm).toMatchObject({ slug: 'designpi', timeZone: zone, currency: 'USD' });
    expect(page.body.services.find((s: { serviceId: string }) => s.serviceId === serviceId)).toMatchObject({
      durationMinutes: 60,
      bookingTypes: ['video', 'phone'],
      basePrice: 15_000,
    });

    const slots = await api(`/api/book/designpi/services/${serviceId}/slots?from=${at(5, 0)}&to=${at(6, 0)}`);
    expect(slots.status).toBe(200);
    expect(slots.body.firmZone).toBe(zone);
    expect(slots.body.staff).toEqual([{ userId: bea.userId, name: `Bea ${run}` }]);
    // Hour-long, every half hour from 09:00 to 16:00.
    expect(slots.body.slots.map((s: { start: string }) => s.start)).toEqual(Array.from({ length: 15 }, (_, i) => at(5, 9 * 60 + 30 * i)));
    expect(slots.body.slots[0]).toMatchObject({ staffIds: [bea.userId], price: 15_000 });
  });

  it('names bad input and hides services that are not bookable', async () => {
    const backwards = await api(`/api/book/designpi/services/${serviceId}/slots?from=${at(6, 0)}&to=${at(5, 0)}`);
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details).toMatchObject([{ field: 'query.to', message: 'must be after from' }]);
    const tooLong = await api(`/api/book/designpi/services/${serviceId}/slots?from=${at(1, 0)}&to=${at(50, 0)}`);
    expect(tooLong.body.error.details[0]).toMatchObject({ field: 'query.to' });
    const hidden = await bookableService({ enabled: false });
    expect((await api(`/api/book/designpi/services/${hidden}/slots?from=${at(5, 0)}&to=${at(6, 0)}`)).status).toBe(404);
    expect((await api(`/api/book/no-such-firm`)).status).toBe(404);
    const bad = await book(serviceId, 'tomorrow', { name: '', email: 'nope' }, { timeZone: 'Mars/Olympus' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'name', 'start', 'timeZone']);
  });
});

describe('booking as a guest', () => {
  it('gives each network an hourly allowance per firm, then answers 429 with when to try again', async () => {
    const from = newVisitorAddress();
    const attempt = () => book('no-such-service', at(7, 600), { name: 'Busy Network', email: `busy.${run}@example.test` }, {}, from);
    const answers = await Promise.all(Array.from({ length: GUEST_BOOKINGS_PER_HOUR }, attempt));
    expect(answers.map((a) => a.status)).toEqual(Array(GUEST_BOOKINGS_PER_HOUR).fill(404));
    const refused = await attempt();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(3600);
    // Another visitor is not held back.
    expect((await book('no-such-service', at(7, 600), { name: 'Other Network', email: `other.${run}@example.test` })).status).toBe(404);
  });

  it('books a free slot, makes a client account for a new address, and holds the slot', async () => {
    const email = `guest.${run}@example.test`;
    const res = await book(serviceId, at(7, 600), { name: 'Gail Guest', email }, { bookingType: 'phone', notes: 'About next year' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      start: at(7, 600),
      end: at(7, 660),
      staffId: bea.userId,
      bookingType: 'phone',
      confirmed: true,
      status: 'assigned',
      clientZone: 'Europe/London',
    });
    expect(res.body).not.toHaveProperty('awaitingOwnerUntil');
    expect(res.body.price).toMatchObject({ total: 15_000, lines: [{ kind: 'base', amount: 15_000 }] });

    const { data: users } = await database().entities.user.query.byEmail({ tenantId, email }).go();
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ role: 'CLIENT', status: 'invited', name: 'Gail Guest' });
    const { data: locks } = await database().entities.lock.query.byStaff({ tenantId, staffId: bea.userId }).go();
    expect(locks.filter((l) => l.bookingId === res.body.bookingId)).toHaveLength(4);
    const { data: reminders } = await database().entities.reminder.query.byBooking({ tenantId, bookingId: res.body.bookingId }).go();
    expect(reminders.map((r) => `${r.recipientId === bea.userId ? 'staff' : 'client'}:${r.offsetMinutes}:${r.state}`).sort()).toEqual([
      'client:120:pending',
      'client:1440:pending',
      'staff:120:pending',
      'staff:1440:pending',
    ]);

    const slots = await api(`/api/book/designpi/services/${serviceId}/slots?from=${at(7, 0)}&to=${at(8, 0)}`);
    expect(slots.body.slots.map((s: { start: string }) => s.start)).not.toContain(at(7, 600));

    // The same address again is the same client, not a second account (ADR 0012).
    const again = await book(serviceId, at(7, 720), { name: 'Gail G.', email });
    expect(again.status).toBe(201);
    expect((await database().entities.user.query.byEmail({ tenantId, email }).go()).data).toHaveLength(1);
  });

  it('refuses a taken slot with 409 and free slots nearby, and a never-bookable time with 422 saying why', async () => {
    const first = await book(serviceId, at(8, 600), { name: 'First Guest', email: `first.${run}@example.test` });
    expect(first.status).toBe(201);
    const second = await book(serviceId, at(8, 600), { name: 'Second Guest', email: `second.${run}@example.test` });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: 'conflict', reason: 'slot_taken', message: 'That time has just been taken. Please pick another.' });
    expect(second.body.error.suggestions.length).toBeGreaterThan(0);
    expect(second.body.error.suggestions.map((s: { start: string }) => s.start)).not.toContain(at(8, 600));

    const night = await book(serviceId, at(8, 20 * 60), { name: 'Night Owl', email: `owl.${run}@example.test` });
    expect(night.status, JSON.stringify(night.body)).toBe(422);
    expect(night.body.error).toMatchObject({ reason: 'slot_unavailable', details: [{ field: 'start', message: 'That is outside the firm’s booking hours.' }] });
    const offGrid = await book(serviceId, at(11, 610), { name: 'Odd Minute', email: `odd.${run}@example.test` });
    expect(offGrid.status).toBe(422);
    expect(offGrid.body.error.message).toBe('Bookings start on the quarter hour.');
    // On the quarter-hour grid but between two offered starts (14:00 and 14:30): refused.
    const between = await book(serviceId, at(11, 14 * 60 + 15), { name: 'Quarter Past', email: `quarter.${run}@example.test` });
    expect(between.status).toBe(422);
    expect(between.body.error).toMatchObject({
      reason: 'slot_unavailable',
      canProceed: false,
      details: [{ field: 'start', message: 'Choose one of the offered start times.' }],
    });
  });

  it('lets exactly one of 50 concurrent bookings of one slot through; the other 49 get 409', async () => {
    const start = at(10, 600);
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => book(serviceId, start, { name: `Racer ${i}`, email: `racer${i}.${run}@example.test` })),
    );
    const elapsed = performance.now() - started;
    const statuses = results.map((r) => r.status);
    console.warn(
      `race: 50 concurrent bookings of one slot → ${statuses.filter((s) => s === 201).length} created, ${statuses.filter((s) => s === 409).length} × 409 in ${Math.round(elapsed)} ms`,
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const { data: entries } = await database().entities.calendar.query.byStaff({ tenantId, staffId: bea.userId }).begins({ start }).go();
    expect(entries).toHaveLength(1);
  }, 60_000);
});

describe('the emailed manage link', () => {
  async function bookedWithLink(days: number, minutes: number) {
    const res = await book(serviceId, at(days, minutes), { name: 'Link Holder', email: `holder.${run}@example.test` });
    expect(res.status).toBe(201);
    const { data: booking } = await bookingDb().entities.request.get({ tenantId, requestId: res.body.bookingId }).go();
    return { booking: booking!, token: await issueManageLink(bookingDb(), booking!) };
  }

  it('opens only in its exact spelling: another letter case in any part is a 404', async () => {
    const { token } = await bookedWithLink(11, 780);
    const [firm, record, secret] = token.split('.') as [string, string, string];
    const flip = (part: string) => part.replace(/[a-z]/, (c) => c.toUpperCase());
    const variants = [
      [flip(firm), record, secret],
      [firm, flip(record), secret],
      [firm, record, flip(secret)],
      [firm, record, secret.replace(/[A-Z]/, (c) => c.toLowerCase())],
    ];
    for (const variant of variants.map((v) => v.join('.'))) {
      expect(variant).not.toBe(token);
      expect((await api(`/api/manage-booking/${variant}`)).status, variant).toBe(404);
      expect((await api(`/api/manage-booking/${variant}/cancel`, { method: 'POST', body: JSON.stringify({ version: 1 }) })).status, variant).toBe(404);
    }
    expect((await api(`/api/manage-booking/${token}`)).status).toBe(200);
  });

  it('opens the booking, moves it atomically (locks, calendar, reminders) and cancels it', async () => {
    const { booking, token } = await bookedWithLink(12, 600);
    const opened = await api(`/api/manage-booking/${token}`);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({
      firm: { name: 'DesignPi', slug: 'designpi' },
      booking: { bookingId: booking.requestId, start: at(12, 600), version: 1 },
    });

    const slots = await api(`/api/manage-booking/${token}/slots?from=${at(12, 0)}&to=${at(13, 0)}`);
    // Its own time is offered back: moving within its own slot is allowed.
    expect(slots.body.slots.map((s: { start: string }) => s.start)).toContain(at(12, 600));

    const moved = await api(`/api/manage-booking/${token}/reschedule`, { method: 'POST', body: JSON.stringify({ start: at(12, 630), version: 1 }) });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ start: at(12, 630), end: at(12, 690), version: 2 });
    const { data: locks } = await database().entities.lock.query.byStaff({ tenantId, staffId: bea.userId }).go({ pages: 'all' });
    const mine = locks.filter((l) => l.bookingId === booking.requestId).map((l) => new Date(Number(l.grain)).toISOString());
    expect(mine.sort()).toEqual([630, 645, 660, 675].map((m) => at(12, m)));
    const { data: entries } = await database().entities.calendar.query.byStaff({ tenantId, staffId: bea.userId }).go({ pages: 'all' });
    expect(entries.filter((e) => e.bookingId === booking.requestId).map((e) => e.start)).toEqual([at(12, 630)]);
    const { data: reminders } = await database().entities.reminder.query.byBooking({ tenantId, bookingId: booking.requestId }).go();
    expect(new Set(reminders.map((r) => r.startsAt))).toEqual(new Set([at(12, 630)]));

    const stale = await api(`/api/manage-booking/${token}/cancel`, { method: 'POST', body: JSON.stringify({ version: 1 }) });
    expect(stale.status).toBe(409);
    const cancelled = await api(`/api/manage-booking/${token}/cancel`, { method: 'POST', body: JSON.stringify({ version: 2, reason: 'Plans changed' }) });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', version: 3 });
    const after = await database().entities.lock.query.byStaff({ tenantId, staffId: bea.userId }).go({ pages: 'all' });
    expect(after.data.filter((l) => l.bookingId === booking.requestId)).toHaveLength(0);
    expect((await database().entities.reminder.query.byBooking({ tenantId, bookingId: booking.requestId }).go()).data).toHaveLength(0);
    const again = await api(`/api/manage-booking/${token}/reschedule`, { method: 'POST', body: JSON.stringify({ start: at(12, 720), version: 3 }) });
    expect(again.status).toBe(422);
  });

  it('lets exactly one of 50 concurrent reschedules into one free slot through', async () => {
    const links = await Promise.all(Array.from({ length: 50 }, (_, i) => bookedWithLinkOn(14 + Math.floor(i / 8), 540 + (i % 8) * 60)));
    const target = at(30, 600);
    const results = await Promise.all(
      links.map(({ token }) => api(`/api/manage-booking/${token}/reschedule`, { method: 'POST', body: JSON.stringify({ start: target, version: 1 }) })),
    );
    const statuses = results.map((r) => r.status);
    console.warn(
      `race: 50 concurrent reschedules into one slot → ${statuses.filter((s) => s === 200).length} moved, ${statuses.filter((s) => s === 409).length} × 409`,
    );
    for (const odd of results.filter((r) => r.status !== 200 && r.status !== 409)) console.warn(JSON.stringify(odd.body));
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
  }, 120_000);

  it('answers 404 to a wrong token and 410 to an expired one, never another booking', async () => {
    const { booking, token } = await bookedWithLink(21, 600);
    const [tenant, id, secret] = token.split('.');
    for (const wrong of [
      `${tenant}.${id}.${'x'.repeat(secret!.length)}`,
      `t-northwind.${id}.${secret}`,
      'not-a-token',
      `${tenant}.${randomUUID()}.${secret}`,
    ]) {
      expect((await api(`/api/manage-booking/${encodeURIComponent(wrong)}`)).status).toBe(404);
      expect((await api(`/api/manage-booking/${encodeURIComponent(wrong)}/cancel`, { method: 'POST', body: JSON.stringify({ version: 1 }) })).status).toBe(404);
    }
    // Expired: the link's item stays until TTL removes it, so the answer says so.
    const link = { tenantId, bookingId: booking.requestId, hash: hashSecret(secret!) };
    const { data: item } = await database().entities.manageLink.get(link).go();
    await database()
      .entities.manageLink.put({ ...item!, validUntil: '2020-01-01T00:00:00.000Z' })
      .go();
    expect((await api(`/api/manage-booking/${token}`)).status).toBe(410);
  });

  it('keeps the booking record the same size however often a link is made', async () => {
    const { booking } = await bookedWithLink(21, 840);
    const sizeOf = async () => JSON.stringify((await bookingDb().entities.request.get({ tenantId, requestId: booking.requestId }).go()).data).length;
    const before = await sizeOf();
    const tokens = await Promise.all(Array.from({ length: 20 }, () => issueManageLink(bookingDb(), booking)));
    expect(await sizeOf()).toBe(before);
    // Every one of them opens it.
    for (const token of tokens) expect((await api(`/api/manage-booking/${token}`)).status).toBe(200);
  });
});

/** Fifty bookings spread over a week, each with its own link, for the reschedule race. */
async function bookedWithLinkOn(days: number, minutes: number) {
  const res = await book(serviceId, at(days, minutes), { name: 'Mover', email: `mover.${days}.${minutes}.${run}@example.test` });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const { data: booking } = await bookingDb().entities.request.get({ tenantId, requestId: res.body.bookingId }).go();
  return { token: await issueManageLink(bookingDb(), booking!) };
}

describe('booking emails', () => {
  it('sends the guest and the staff member an email with a calendar invite, and the guest’s link opens the booking', async () => {
    const email = `mailed.${run}@example.test`;
    const staffAddress = `bea.${run}@designpi.test`;
    const staffSeen = (await emailsTo(staffAddress)).length;
    const res = await book(serviceId, at(22, 840), { name: 'Mia Mailed', email }, { locale: 'ar', timeZone: 'Asia/Kathmandu' });
    expect(res.status).toBe(201);
    const mail = await nextEmailTo(email);
    expect(mail.subject).toMatch(/^تم الحجز: Strategy call/);
    // Times in the guest's own zone.
    expect(mail.text).toContain('(Asia/Kathmandu)');
    const ics = await attachmentOf(mail, 'invite.ics');
    expect(rfc5545Problems(ics)).toEqual([]);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe(`${res.body.bookingId}@service-portal`);
    expect(event.sequence).toBe(0);
    expect(calendar.getFirstSubcomponent('vevent')!.getFirstProperty('dtstart')!.getParameter('tzid')).toBe(zone);
    expect(event.startDate.toJSDate().toISOString()).toBe(at(22, 840));
    expect(await sourceOf(mail)).toContain('Content-Type: text/calendar; charset=UTF-8; method=REQUEST');

    const link = linkIn(mail, '/book/manage/?token=');
    const token = new URL(link).searchParams.get('token')!;
    const opened = await api(`/api/manage-booking/${encodeURIComponent(token)}`);
    expect(opened.body.booking.bookingId).toBe(res.body.bookingId);

    // Other bookings of this file are still being mailed to the same person: find this one's.
    await expect
      .poll(async () => (await emailsTo(staffAddress)).slice(staffSeen).filter((m) => m.text.includes(`/staff/request/?id=${res.body.bookingId}`)).length)
      .toBe(1);

    // Moving it: same UID, a higher SEQUENCE, the new time.
    const moved = await api(`/api/manage-booking/${encodeURIComponent(token)}/reschedule`, {
      method: 'POST',
      body: JSON.stringify({ start: at(22, 900), version: 1 }),
    });
    expect(moved.status).toBe(200);
    const second = await nextEmailTo(email, 1);
    const updated = await attachmentOf(second, 'invite.ics');
    expect(rfc5545Problems(updated)).toEqual([]);
    const update = new ICAL.Event(new ICAL.Component(ICAL.parse(updated)).getFirstSubcomponent('vevent')!);
    expect([update.uid, update.sequence, update.startDate.toJSDate().toISOString()]).toEqual([event.uid, 1, at(22, 900)]);

    const cancelled = await api(`/api/manage-booking/${encodeURIComponent(token)}/cancel`, { method: 'POST', body: JSON.stringify({ version: 2 }) });
    expect(cancelled.status).toBe(200);
    const third = await nextEmailTo(email, 2);
    const cancelIcs = await attachmentOf(third, 'invite.ics');
    expect(rfc5545Problems(cancelIcs)).toEqual([]);
    const cancel = new ICAL.Component(ICAL.parse(cancelIcs));
    expect(cancel.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(new ICAL.Event(cancel.getFirstSubcomponent('vevent')!).sequence).toBe(2);
  });
});
