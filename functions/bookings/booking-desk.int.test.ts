/** Booking and moving bookings when signed in: a client for themselves, staff for a client, staff past warnings. */
import { beforeAll, describe, expect, it } from 'vitest';
import { at, bookAsGuest, bookingFixtures } from '../../infra/local/test-bookings.ts';
import { api, joinAs, signIn, type Signed } from '../../infra/local/test-client.ts';
import { database } from '../../shared/db/all-entities.ts';

const { run, service, staff } = bookingFixtures();
let serviceId: string;
let ann: Signed;
let ben: Signed;
let client: Signed & { name: string };
let otherClient: Signed;
let admin: Signed;
let lead: Signed;
let otherFirm: Signed;

const post = (who: Signed, path: string, body: unknown) => api(path, { method: 'POST', token: who.token, body: JSON.stringify(body) });
const book = (who: Signed, body: Record<string, unknown>) => post(who, '/api/bookings', { serviceId, timeZone: 'Europe/London', ...body });

beforeAll(async () => {
  [ann, ben] = [await staff('Ann'), await staff('Ben')];
  serviceId = await service({ autoConfirm: false, bufferAfterMinutes: 30 });
  const name = `Desk Client ${run}`;
  client = { ...(await joinAs({ email: `desk.${run}@example.test`, name, role: 'CLIENT', password: 'Client-Passw0rd!' })), name };
  otherClient = await joinAs({ email: `desk.other.${run}@example.test`, name: 'Other Desk Client', role: 'CLIENT', password: 'Client-Passw0rd!' });
  [admin, lead, otherFirm] = await Promise.all([signIn('hello@designpi.com'), signIn('sarah@designpi.com'), signIn('admin@northwind.example')]);
});

describe('booking when signed in', () => {
  it('lets a client book a free time for themselves, in their own name, waiting for the firm to confirm', async () => {
    const res = await book(client, { start: at(3, 600), staffId: ann.userId, notes: 'About my return' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      clientName: client.name,
      staffId: ann.userId,
      start: at(3, 600),
      confirmed: false,
      clientZone: 'Europe/London',
      version: 1,
    });
    const mine = await api(`/api/bookings?from=${at(3, 0)}&to=${at(4, 0)}`, { token: client.token });
    expect(mine.body.items.map((b: { bookingId: string }) => b.bookingId)).toEqual([res.body.bookingId]);
  });

  it('keeps a client to free times for themselves', async () => {
    expect((await book(client, { start: at(3, 660), clientId: otherClient.userId })).status).toBe(403);
    const forced = await book(client, { start: at(3, 660), force: true });
    expect(forced.status).toBe(400);
    expect(forced.body.error.details).toMatchObject([{ field: 'force', message: 'is for staff only: clients book free times' }]);
    // 17:30 is after the firm's hours: a warning staff may pass, a refusal for a client.
    const late = await book(client, { start: at(3, 1050) });
    expect(late.status).toBe(422);
    expect(late.body.error).toMatchObject({ reason: 'slot_unavailable', canProceed: false });
    expect(late.body.error.suggestions.length).toBeGreaterThan(0);
    // Ann's 10:00 is taken and its 30-minute buffer too.
    const taken = await book(client, { start: at(3, 600), staffId: ann.userId });
    expect(taken.status).toBe(409);
    expect(taken.body.error.reason).toBe('slot_taken');
  });

  it('lets staff book for a client they name, confirmed at once, and past warnings only when they say so', async () => {
    expect((await book(lead, { start: at(4, 600) })).body.error.details).toMatchObject([
      { field: 'clientId', message: 'is required when booking for a client' },
    ]);
    expect((await book(lead, { start: at(4, 600), clientId: ann.userId })).status).toBe(400);
    expect((await book(otherFirm, { start: at(4, 600), clientId: client.userId })).status).toBe(400);
    const made = await book(lead, { start: at(4, 600), clientId: client.userId, staffId: ben.userId, timeZone: 'Asia/Tokyo' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    // The zone given is the one the client's emails use (it was once replaced by the client's stored zone).
    expect(made.body).toMatchObject({ clientName: client.name, staffId: ben.userId, confirmed: true, clientZone: 'Asia/Tokyo' });
    const storedZone = await post(lead, '/api/bookings', { serviceId, start: at(4, 840), clientId: client.userId, staffId: ann.userId });
    expect(storedZone.status, JSON.stringify(storedZone.body)).toBe(201);
    expect(storedZone.body.clientZone).toBe('UTC'); // the client's own zone, given none

    const evening = { start: at(4, 1080), clientId: client.userId, staffId: ben.userId };
    const warned = await book(lead, evening);
    expect(warned.status).toBe(422);
    expect(warned.body.error).toMatchObject({ reason: 'slot_unavailable', canProceed: true });
    expect((await book(lead, { ...evening, force: true })).status).toBe(201);
    // Never past an error: Ben's own 10:00 is booked.
    expect((await book(lead, { start: at(4, 600), clientId: client.userId, staffId: ben.userId, force: true })).status).toBe(409);
  });

  it('gives another firm’s staff nothing of this firm’s services, even for a client of their own', async () => {
    const theirClient = `nw-client-${run}`;
    await database()
      .entities.user.create({ tenantId: 't-northwind', userId: theirClient, email: `${theirClient}@example.test`, name: 'Northwind Client', role: 'CLIENT' })
      .go();
    const res = await post(otherFirm, '/api/bookings', { serviceId, start: at(4, 720), timeZone: 'UTC', clientId: theirClient });
    expect(res.status).toBe(404);
  });
});

describe('staff moving a booking', () => {
  async function guestBooking(days: number, minutes: number) {
    const res = await bookAsGuest(
      serviceId,
      at(days, minutes),
      { name: 'Moved Guest', email: `moved.${days}.${minutes}.${run}@example.test` },
      { staffId: ann.userId },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.bookingId as string;
  }
  const move = (who: Signed, bookingId: string, body: Record<string, unknown>) => post(who, `/api/bookings/${bookingId}/reschedule`, { version: 1, ...body });

  it('lets its staff member move it to a free time, freeing the old one', async () => {
    const bookingId = await guestBooking(5, 600);
    const moved = await move(ann, bookingId, { start: at(5, 720) });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ start: at(5, 720), staffId: ann.userId, version: 2 });
    expect((await move(ann, bookingId, { start: at(5, 840) })).status).toBe(409); // version 1 is stale now
    const again = await bookAsGuest(serviceId, at(5, 600), { name: 'Next Guest', email: `next.${run}@example.test` }, { staffId: ann.userId });
    expect(again.status).toBe(201);
  });

  it('lets an admin hand it to someone else, and go past a warning only when saying so', async () => {
    const bookingId = await guestBooking(6, 600);
    expect((await move(admin, bookingId, { start: at(6, 600), staffId: 'nobody' })).status).toBe(400);
    const handed = await move(admin, bookingId, { start: at(6, 600), staffId: ben.userId });
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
    expect(handed.body).toMatchObject({ staffId: ben.userId, version: 2 });
    const early = await move(admin, bookingId, { start: at(6, 480), version: 2 });
    expect(early.status).toBe(422);
    expect(early.body.error).toMatchObject({ canProceed: true });
    const forced = await move(admin, bookingId, { start: at(6, 480), version: 2, force: true });
    expect(forced.status, JSON.stringify(forced.body)).toBe(200);
    expect(forced.body).toMatchObject({ start: at(6, 480), staffId: ben.userId, version: 3 });
  });

  it('is refused to those who may not see it or change it', async () => {
    const bookingId = await guestBooking(7, 600);
    expect((await move(ben, bookingId, { start: at(7, 720) })).status).toBe(404); // not his
    expect((await move(otherFirm, bookingId, { start: at(7, 720) })).status).toBe(404);
    expect((await move(client, bookingId, { start: at(7, 720) })).status).toBe(403);
    expect((await move(ann, bookingId, { start: 'soon' })).body.error.details[0].field).toBe('start');
  });
});
