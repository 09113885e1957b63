/**
 * A guest booking made with the address of an existing account (ADR 0016): the guest is
 * answered as any other, the booking is recorded as a guest's, and it joins the account only
 * when the address confirms it from its email; unconfirmed, the reminder job releases it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { at, bookAsGuest, bookingFixtures, tenantId } from '../../infra/local/test-bookings.ts';
import { api, joinAs, runJob, signIn, type Signed } from '../../infra/local/test-client.ts';
import { emailsTo, linkIn, type InboxEmail } from '../../infra/local/test-inbox.ts';
import { database } from '../../shared/db/all-entities.ts';

const { run, service, staff } = bookingFixtures();
let serviceId: string;
let admin: Signed;
let gus: Signed & { email: string };

const post = (path: string, body: unknown, token?: string) => api(path, { method: 'POST', token, body: JSON.stringify(body) });
const address = (name: string) => `${name}.${run}@example.test`;
const client = (name: string) => joinAs({ email: address(name), name: `${name} ${run}`, role: 'CLIENT', password: 'Held-Passw0rd!' });

const tokenIn = (mail: InboxEmail) => new URL(linkIn(mail, '/book/manage/?token=')).searchParams.get('token')!;

/** The email with this subject and a manage link to this booking that `to` received (polling until it comes). */
async function emailAbout(to: string, subject: string, bookingId: string): Promise<InboxEmail> {
  const find = async () =>
    (await emailsTo(to)).find((m) => m.subject.startsWith(subject) && m.text.includes('/book/manage/?token=') && tokenIn(m).split('.')[1] === bookingId);
  await expect.poll(find, { timeout: 10_000 }).toBeDefined();
  return (await find())!;
}

const myBookingIds = async (who: Signed, day: number) =>
  (await api(`/api/bookings?from=${at(day, 0)}&to=${at(day + 1, 0)}`, { token: who.token })).body.items.map((b: { bookingId: string }) => b.bookingId);
const freeStarts = async (day: number) =>
  (await api(`/api/book/designpi/services/${serviceId}/slots?from=${at(day, 0)}&to=${at(day + 1, 0)}`)).body.slots.map((s: { start: string }) => s.start);

/** What a guest is told, without what differs from one booking to the next anyway. */
const answerShape = ({ bookingId: _i, reference: _r, start: _s, end: _e, changeableUntil: _c, ...rest }: Record<string, unknown>) => rest;

beforeAll(async () => {
  gus = await staff('Gus');
  serviceId = await service({ autoConfirm: true });
  admin = await signIn('hello@designpi.com');
});

describe('a guest booking with an address that has an account', () => {
  it('is answered exactly as one with a new address, whoever the address belongs to', async () => {
    const active = await client('active');
    const closed = await client('closed');
    expect((await post(`/api/users/${closed.userId}/deactivate`, {}, admin.token)).status).toBe(200);
    expect((await bookAsGuest(serviceId, at(3, 540), { name: 'Same Name', email: address('unclaimed') })).status).toBe(201);

    const addresses = [address('brand-new'), address('unclaimed'), address('active'), address('closed'), gus.email, 'hello@designpi.com'];
    const answers = [];
    for (const [i, email] of addresses.entries()) answers.push(await bookAsGuest(serviceId, at(3, 600 + 60 * i), { name: 'Same Name', email }));
    expect(answers.map((a) => a.status)).toEqual(addresses.map(() => 201));
    const shapes = answers.map((a) => answerShape(a.body));
    for (const shape of shapes) expect(shape).toEqual(shapes[0]);
    expect(shapes[0]).toMatchObject({ clientName: 'Same Name', confirmed: true });
    expect(shapes[0]).not.toHaveProperty('awaitingOwnerUntil');
    // Every one holds its time.
    const free = await freeStarts(3);
    for (const i of addresses.keys()) expect(free).not.toContain(at(3, 600 + 60 * i));
    // None of them is in the accounts' calendars.
    expect(await myBookingIds(active, 3)).toEqual([]);
  });

  it('is made by a guest, is nobody’s until the address confirms it from its email, and then is the account’s', async () => {
    const owner = await client('owner');
    const booked = await bookAsGuest(serviceId, at(4, 600), { name: 'Someone Else', email: address('owner') }, { phone: '+44 20 7946 0000' });
    expect(booked.status).toBe(201);
    const { bookingId } = booked.body;

    // Recorded as a guest's booking, held under an id that is no account's.
    const { data: record } = await database().entities.serviceRequest.get({ tenantId, requestId: bookingId }).go();
    expect(record).toMatchObject({ clientName: 'Someone Else', guestEmail: address('owner') });
    expect(record!.clientId).toMatch(/^held-/);
    const audit = await api(`/api/audit?entityType=request&entityId=${bookingId}`, { token: admin.token });
    expect(audit.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'booking.created', actorRole: 'GUEST', actorName: 'Someone Else' })]),
    );
    // Not in the account: not listed, not readable, no reminders of it.
    expect(await myBookingIds(owner, 4)).toEqual([]);
    expect((await api(`/api/requests/${bookingId}`, { token: owner.token })).status).toBe(404);
    const { data: reminders } = await database().entities.reminder.query.byBooking({ tenantId, bookingId }).go();
    expect(reminders.map((r) => r.recipientId).sort()).toEqual([gus.userId, gus.userId, 'hold-expiry']);

    // The address is asked, without a calendar invite; staff see that it waits.
    const ask = await emailAbout(address('owner'), 'Is this your booking?', bookingId);
    expect(ask.attachments ?? []).toEqual([]);
    expect(ask.text).toContain('Someone booked this appointment with DesignPi using your email address');
    const token = tokenIn(ask);
    const managed = await api(`/api/manage-booking/${token}`);
    expect(managed.body.booking.awaitingOwnerUntil).toBeDefined();
    const staffView = await api(`/api/bookings?from=${at(4, 0)}&to=${at(5, 0)}`, { token: gus.token });
    expect(staffView.body.items.find((b: { bookingId: string }) => b.bookingId === bookingId)).toMatchObject({
      awaitingOwnerUntil: managed.body.booking.awaitingOwnerUntil,
    });

    // A stale version is refused; the right one makes it the account's (and again is no error).
    expect((await post(`/api/manage-booking/${token}/claim`, { version: managed.body.booking.version + 1 })).status).toBe(409);
    const claimed = await post(`/api/manage-booking/${token}/claim`, { version: managed.body.booking.version });
    expect(claimed.status, JSON.stringify(claimed.body)).toBe(200);
    expect(claimed.body).toMatchObject({ bookingId, clientName: `owner ${run}` });
    expect(claimed.body).not.toHaveProperty('awaitingOwnerUntil');
    expect((await post(`/api/manage-booking/${token}/claim`, { version: managed.body.booking.version })).status).toBe(200);

    expect(await myBookingIds(owner, 4)).toEqual([bookingId]);
    expect((await api(`/api/requests/${bookingId}`, { token: owner.token })).status).toBe(200);
    const after = (await database().entities.reminder.query.byBooking({ tenantId, bookingId }).go()).data.map((r) => r.recipientId);
    expect(after).toContain(owner.userId);
    expect(after).not.toContain('hold-expiry');
    const confirmation = await emailAbout(address('owner'), 'Booked:', bookingId);
    expect(confirmation.attachments?.some((a) => a.contentType.startsWith('text/calendar'))).toBe(true);
    const claimAudit = await api(`/api/audit?entityType=request&entityId=${bookingId}`, { token: admin.token });
    expect(claimAudit.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'booking.claimed', actorId: owner.userId })]));
  });

  it('cannot be taken by a team member’s or a closed account’s address, and cancelling it frees the time', async () => {
    const closed = await client('shut');
    expect((await post(`/api/users/${closed.userId}/deactivate`, {}, admin.token)).status).toBe(200);
    for (const [minutes, email, why] of [
      [600, gus.email, 'team'],
      [720, address('shut'), 'closed'],
    ] as const) {
      const booked = await bookAsGuest(serviceId, at(5, minutes), { name: 'Not Them', email });
      expect(booked.status).toBe(201);
      const token = tokenIn(await emailAbout(email, 'Is this your booking?', booked.body.bookingId));
      const { booking } = (await api(`/api/manage-booking/${token}`)).body;
      const refused = await post(`/api/manage-booking/${token}/claim`, { version: booking.version });
      expect(refused.status).toBe(422);
      expect(refused.body.error.message).toContain(why);
      expect((await post(`/api/manage-booking/${token}/cancel`, { version: booking.version, reason: 'Not me' })).status).toBe(200);
      expect(await freeStarts(5)).toContain(at(5, minutes));
    }
  });

  it('is released by the reminder job when nobody confirms it in time, and cannot be confirmed after', async () => {
    await client('late');
    const booked = await bookAsGuest(serviceId, at(6, 600), { name: 'Late', email: address('late') });
    const { bookingId } = booked.body;
    const token = tokenIn(await emailAbout(address('late'), 'Is this your booking?', bookingId));
    // Its release falls due now (instead of in a day).
    const due = new Date(Date.now() - 60_000).toISOString();
    await database()
      .entities.reminder.patch({ tenantId, bookingId, recipientId: 'hold-expiry', offsetMinutes: 0 })
      .set({ dueAt: due, dueHour: due.slice(0, 13) })
      .go();
    await runJob('send-reminders');
    const { data: record } = await database().entities.serviceRequest.get({ tenantId, requestId: bookingId }).go();
    expect(record!.status).toBe('cancelled');
    expect(await freeStarts(6)).toContain(at(6, 600));
    const refused = await post(`/api/manage-booking/${token}/claim`, { version: record!.version });
    expect(refused.status).toBe(422);
  });

  it('tells nobody whether the account used a once-per-client code; the account may not use it twice', async () => {
    const code = `ONCE${run}`.toUpperCase();
    expect((await post('/api/promo-codes', { code, kind: 'percent', value: 10, oncePerClient: true }, admin.token)).status).toBe(201);
    const owner = await client('thrifty');
    const own = await post('/api/bookings', { serviceId, start: at(7, 540), timeZone: 'Europe/London', promoCode: code }, owner.token);
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    // A guest with the address gets the discount, as a guest with a new address would.
    const guest = await bookAsGuest(serviceId, at(7, 600), { name: 'Guessing', email: address('thrifty') }, { promoCode: code });
    expect(guest.status).toBe(201);
    expect(guest.body.price.total).toBe(own.body.price.total);
    const token = tokenIn(await emailAbout(address('thrifty'), 'Is this your booking?', guest.body.bookingId));
    const { booking } = (await api(`/api/manage-booking/${token}`)).body;
    const refused = await post(`/api/manage-booking/${token}/claim`, { version: booking.version });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain(code);
    expect(await myBookingIds(owner, 7)).toEqual([own.body.bookingId]);
  });
});
