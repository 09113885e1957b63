import { beforeAll, describe, expect, it } from 'vitest';
import { at, bookingFixtures, everyDay, tenantId } from '../../infra/local/test-bookings.ts';
import { api, joinAs, signIn, type Signed } from '../../infra/local/test-client.ts';
import { database } from '../../shared/db/all-entities.ts';

const { run, service, staff } = bookingFixtures();
let serviceId: string;
let holder: Signed;
let admin: Signed;
let otherMember: Signed;
let otherFirm: Signed;

const post = (who: Signed, path: string, body: unknown = {}) => api(path, { method: 'POST', token: who.token, body: JSON.stringify(body) });
const calendar = (who: Signed, query: string) => api(`/api/bookings?${query}`, { token: who.token });

/** A booking by a client of this file's own, who can then sign in. */
async function clientBooking(days: number, minutes: number) {
  const email = `client.${days}.${minutes}.${run}@example.test`;
  const client = await joinAs({ email, name: `Client ${days}-${minutes}`, role: 'CLIENT', password: 'Client-Passw0rd!' });
  const res = await api('/api/bookings', {
    method: 'POST',
    token: client.token,
    body: JSON.stringify({ serviceId, start: at(days, minutes), timeZone: 'Europe/London' }),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { client, bookingId: res.body.bookingId as string };
}

beforeAll(async () => {
  holder = await staff('Hal');
  serviceId = await service({ autoConfirm: false, cancelCutoffHours: 24 });
  [admin, otherFirm] = await Promise.all([signIn('hello@designpi.com'), signIn('admin@northwind.example')]);
  otherMember = await joinAs({ email: `other.${run}@designpi.test`, name: 'Other Member', role: 'TEAM_MEMBER', password: 'Other-Passw0rd!' });
});

describe('the calendar', () => {
  it('shows the firm’s bookings to admins, their own to the staff member and the client, nothing to others', async () => {
    const { client, bookingId } = await clientBooking(5, 600);
    const range = `from=${at(5, 0)}&to=${at(6, 0)}`;
    const ids = async (who: Signed, extra = '') => ((await calendar(who, `${range}${extra}`)).body.items as { bookingId: string }[]).map((b) => b.bookingId);
    expect(await ids(admin)).toContain(bookingId);
    expect(await ids(admin, `&staffId=${holder.userId}&serviceId=${serviceId}&bookingType=video`)).toEqual([bookingId]);
    expect(await ids(admin, '&bookingType=phone')).not.toContain(bookingId);
    expect(await ids(holder)).toEqual([bookingId]);
    expect(await ids(client)).toEqual([bookingId]);
    expect(await ids(otherMember)).toEqual([]);
    expect(await ids(otherFirm)).toEqual([]);
    const entry = (await calendar(admin, range)).body.items.find((b: { bookingId: string }) => b.bookingId === bookingId);
    expect(entry).toMatchObject({ start: at(5, 600), end: at(5, 660), staffId: holder.userId, serviceId, confirmed: false, clientName: `Client 5-600` });
    expect((await calendar(admin, `from=${at(6, 0)}&to=${at(5, 0)}`)).status).toBe(400);
  });
});

describe('changing a booking when signed in', () => {
  it('lets its staff member confirm it, and nobody who cannot see it', async () => {
    const { client, bookingId } = await clientBooking(6, 600);
    expect((await post(otherMember, `/api/bookings/${bookingId}/confirm`, { version: 1 })).status).toBe(404);
    expect((await post(otherFirm, `/api/bookings/${bookingId}/confirm`, { version: 1 })).status).toBe(404);
    expect((await post(client, `/api/bookings/${bookingId}/confirm`, { version: 1 })).status).toBe(403);
    const confirmed = await post(holder, `/api/bookings/${bookingId}/confirm`, { version: 1 });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ confirmed: true, version: 2 });
    const { data: entry } = await database()
      .entities.calendar.query.byStaff({ tenantId, staffId: holder.userId })
      .begins({ start: at(6, 600) })
      .go();
    expect(entry[0]?.confirmed).toBe(true);
    expect((await post(holder, `/api/bookings/${bookingId}/confirm`, { version: 1 })).status).toBe(409);
  });

  it('lets the client cancel their own until the cut-off, and staff after it', async () => {
    const { client, bookingId } = await clientBooking(7, 600);
    const stranger = (await clientBooking(7, 720)).client;
    expect((await post(stranger, `/api/bookings/${bookingId}/cancel`, { version: 1 })).status).toBe(404);
    const cancelled = await post(client, `/api/bookings/${bookingId}/cancel`, { version: 1, reason: 'Travelling' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const range = `from=${at(7, 0)}&to=${at(8, 0)}`;
    expect((await calendar(admin, range)).body.items.map((b: { bookingId: string }) => b.bookingId)).not.toContain(bookingId);

    // Within the cut-off the client is sent to the firm; staff can still cancel.
    const allDay = bookingFixtures(everyDay('00:00', '24:00'));
    const nightOwl = await allDay.staff('Nia');
    const anytime = await allDay.service({ cancelCutoffHours: 24 });
    const email = `soon.${run}@example.test`;
    const soonClient = await joinAs({ email, name: 'Soon Client', role: 'CLIENT', password: 'Client-Passw0rd!' });
    const inTwoHours = new Date(Math.ceil((Date.now() + 2 * 3_600_000) / 3_600_000) * 3_600_000).toISOString(); // an offered (whole-hour) start
    const soon = await post(soonClient, '/api/bookings', { serviceId: anytime, start: inTwoHours, timeZone: 'Europe/London' });
    expect(soon.status, JSON.stringify(soon.body)).toBe(201);
    const late = await post(soonClient, `/api/bookings/${soon.body.bookingId}/cancel`, { version: 1 });
    expect([late.status, late.body.error.message]).toEqual([422, 'Bookings can be changed online until 24 hours before they start. Please contact the firm.']);
    expect((await post(nightOwl, `/api/bookings/${soon.body.bookingId}/cancel`, { version: 1 })).status).toBe(200);
  });

  it('records an outcome only once the booking has started', async () => {
    const { bookingId } = await clientBooking(8, 600);
    const early = await post(holder, `/api/bookings/${bookingId}/outcome`, { version: 1, outcome: 'no_show' });
    expect(early.status).toBe(422);
    await database()
      .entities.serviceRequest.patch({ tenantId, requestId: bookingId })
      .set({ scheduledAt: new Date(Date.now() - 60_000).toISOString() })
      .go();
    const recorded = await post(holder, `/api/bookings/${bookingId}/outcome`, { version: 1, outcome: 'no_show' });
    expect(recorded.status).toBe(200);
    expect(recorded.body.status).toBe('completed');
    expect((await database().entities.serviceRequest.get({ tenantId, requestId: bookingId }).go()).data).toMatchObject({ noShow: true, status: 'completed' });
  });

  it('opens the manage page for the client’s own booking only', async () => {
    const { client, bookingId } = await clientBooking(9, 600);
    const link = await post(client, `/api/bookings/${bookingId}/link`);
    expect(link.status).toBe(200);
    const token = new URL(link.body.url).searchParams.get('token')!;
    expect((await api(`/api/manage-booking/${token}`)).body.booking.bookingId).toBe(bookingId);
    expect((await post(holder, `/api/bookings/${bookingId}/link`)).status).toBe(403);
    const { data: audit } = await database().entities.audit.query.byEntity({ tenantId, entityType: 'request', entityId: bookingId }).go();
    expect(audit.filter((a) => a.action === 'booking.link_opened').map((a) => a.actorId)).toEqual([client.userId]);
  });
});

describe('booking profiles', () => {
  const profile = (who: Signed, userId = 'me') => api(`/api/team/${userId}/booking-profile`, { token: who.token });
  const setProfile = (who: Signed, body: unknown, userId = 'me') =>
    api(`/api/team/${userId}/booking-profile`, { method: 'PUT', token: who.token, body: JSON.stringify(body) });

  it('lets anyone set their reminders, staff their time off (which empties those slots), and admins anyone’s', async () => {
    const { client } = await clientBooking(10, 600);
    const mine = await profile(client);
    expect(mine.body).toMatchObject({ isStaff: false, reminderOffsets: [1440, 120], reminderEmail: true });
    const staffOnly = await setProfile(client, { version: mine.body.version, timeOff: [], takesBookings: false });
    expect(staffOnly.body.error.details).toMatchObject([
      { field: 'takesBookings', message: 'is for team members only' },
      { field: 'timeOff', message: 'is for team members only' },
    ]);
    const reminded = await setProfile(client, { version: mine.body.version, reminderOffsets: [60, 2880, 60] });
    expect(reminded.body).toMatchObject({ reminderOffsets: [2880, 60], version: mine.body.version + 1 });

    const slots = async () => (await api(`/api/book/designpi/services/${serviceId}/slots?from=${at(11, 0)}&to=${at(12, 0)}`)).body.slots.length;
    expect(await slots()).toBeGreaterThan(0);
    const hal = await profile(holder);
    const away = await setProfile(holder, { version: hal.body.version, timeOff: [{ start: at(11, 0), end: at(12, 0), reason: 'Conference' }] });
    expect(away.status).toBe(200);
    expect(await slots()).toBe(0);
    const bad = await setProfile(holder, { version: away.body.version, timeOff: [{ start: at(12, 0), end: at(11, 0) }], maxConcurrentBookings: 0 });
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['maxConcurrentBookings', 'timeOff.0.end']);

    expect((await profile(otherMember, holder.userId)).status).toBe(403);
    expect((await profile(otherFirm, holder.userId)).status).toBe(404);
    const byAdmin = await setProfile(admin, { version: away.body.version, timeOff: [] }, holder.userId);
    expect(byAdmin.status).toBe(200);
    expect(await slots()).toBeGreaterThan(0);
    const { data: audit } = await database()
      .entities.audit.query.byEntity({ tenantId, entityType: 'user', entityId: holder.userId })
      .go({ order: 'desc', limit: 1 });
    expect(audit[0]).toMatchObject({ action: 'user.booking_profile_changed', actorId: admin.userId });
  });
});

describe('booking KPIs', () => {
  it('count a day’s bookings and cancellations from the events, exactly, and show the staff’s bookable time', async () => {
    // The firm's date of 10:00 in New York (its UTC date too).
    const date = at(27, 600).slice(0, 10);
    const kpis = async () =>
      (await api('/api/analytics/bookings?days=62', { token: admin.token })).body as {
        days: { date: string; bookings: number; bookedMinutes: number; bookableMinutes: number; cancelled: number }[];
      };
    const on = async () => (await kpis()).days.find((d) => d.date === date)!;
    const before = await on();
    expect(before.bookableMinutes).toBeGreaterThanOrEqual(8 * 60); // at least this file's staff member, 09:00–17:00
    const { client, bookingId } = await clientBooking(27, 600);
    await expect.poll(async () => (await on()).bookings).toBe(before.bookings + 1);
    expect((await on()).bookedMinutes).toBe(before.bookedMinutes + 60);
    expect((await post(client, `/api/bookings/${bookingId}/cancel`, { version: 1 })).status).toBe(200);
    await expect.poll(async () => (await on()).cancelled).toBe(before.cancelled + 1);
    expect((await on()).bookings).toBe(before.bookings);
    expect((await api('/api/analytics/bookings?days=100', { token: admin.token })).status).toBe(400);
  });
});
