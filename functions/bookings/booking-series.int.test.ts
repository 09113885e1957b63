/** Recurring series: planned (and signed) without the database, placed occurrence by occurrence, skipping what cannot be booked. */
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { at, bookingFixtures, firmZone, tenantId } from '../../infra/local/test-bookings.ts';
import { attachmentOf, emailsTo, nextEmailTo } from '../../infra/local/test-inbox.ts';
import { api, joinAs, signIn, type Signed } from '../../infra/local/test-client.ts';
import { database } from '../../shared/db/all-entities.ts';
import { formatTime, instantAt, wallOf } from '../../shared/domain/time/zoned.ts';

const { run, service, staff } = bookingFixtures();
let serviceId: string;
let ann: Signed & { email: string };
let client: Signed & { email: string };
let otherClient: Signed;
let admin: Signed;
let lead: Signed;
let member: Signed;
let otherFirm: Signed;

const post = (who: Signed | undefined, path: string, body: unknown) => api(path, { method: 'POST', token: who?.token, body: JSON.stringify(body) });
const plan = (body: Record<string, unknown>) => post(undefined, '/api/booking-plans', { zone: firmZone, frequency: 'weekly', ...body });
const bookSeries = (who: Signed, body: Record<string, unknown>) => post(who, '/api/booking-series', { serviceId, timeZone: 'Europe/London', ...body });
const localTime = (iso: string) => formatTime(wallOf(firmZone, Date.parse(iso)));

beforeAll(async () => {
  ann = await staff('Ann');
  serviceId = await service({ autoConfirm: true });
  const email = `series.${run}@example.test`;
  client = { ...(await joinAs({ email, name: `Series Client ${run}`, role: 'CLIENT', password: 'Client-Passw0rd!' })), email };
  otherClient = await joinAs({ email: `series.other.${run}@example.test`, name: 'Other Series Client', role: 'CLIENT', password: 'Client-Passw0rd!' });
  [admin, lead, member, otherFirm] = await Promise.all([
    signIn('hello@designpi.com'),
    signIn('sarah@designpi.com'),
    signIn('mike@designpi.com'),
    signIn('admin@northwind.example'),
  ]);
});

describe('planning a series', () => {
  it('gives the occurrences on the firm’s wall clock, signed, with the RRULE', async () => {
    const res = await plan({ start: at(2, 600), count: 4 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ zone: firmZone, rule: 'FREQ=WEEKLY;INTERVAL=1;COUNT=4', truncated: false });
    expect(res.body.occurrences).toHaveLength(4);
    expect(res.body.occurrences[0]).toBe(at(2, 600));
    expect(res.body.occurrences.map(localTime)).toEqual(['10:00', '10:00', '10:00', '10:00']);
    expect(res.body.signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(res.body.expiresAt)).toBeGreaterThan(Date.now());
  });

  it('says what is wrong with a rule, naming the field', async () => {
    const problems = async (body: Record<string, unknown>) => (await plan(body)).body.error.details;
    expect(await problems({ start: at(2, 600), count: 3, until: '2030-01-01' })).toMatchObject([
      { field: 'count', message: 'give either a number of times or an end date' },
    ]);
    expect(await problems({ start: at(2, 600) })).toMatchObject([{ field: 'count', message: 'give either a number of times or an end date' }]);
    expect(await problems({ start: at(2, 600), count: 53 })).toMatchObject([{ field: 'count', message: 'must be at most 52' }]);
    expect(await problems({ start: at(2, 600), count: 2, frequency: 'yearly' })).toMatchObject([
      { field: 'frequency', message: 'must be daily, weekly or monthly' },
    ]);
    expect(await problems({ start: at(2, 600), count: 2, interval: 0 })).toMatchObject([{ field: 'interval', message: 'must be at least 1' }]);
    expect(await problems({ start: at(9, 600), until: at(2, 0).slice(0, 10) })).toMatchObject([
      { field: 'until', message: 'must be on or after the first date' },
    ]);
  });

  it('plans at most 52 occurrences, and says so', async () => {
    const res = await plan({ start: at(2, 600), frequency: 'daily', until: at(400, 0).slice(0, 10) });
    expect(res.body.occurrences).toHaveLength(52);
    expect(res.body.truncated).toBe(true);
  });
});

describe('booking a series', () => {
  it('books each occurrence for a client, skipping one that is taken and saying why', async () => {
    const { body: signed } = await plan({ start: at(2, 600), count: 4 });
    // Someone else has Ann's second Monday… second occurrence already.
    const taken = await post(otherClient, '/api/bookings', { serviceId, start: signed.occurrences[1], staffId: ann.userId, timeZone: 'Europe/London' });
    expect(taken.status, JSON.stringify(taken.body)).toBe(201);

    const seen = (await emailsTo(client.email)).length;
    const res = await bookSeries(client, { staffId: ann.userId, plan: signed, notes: 'Weekly check-in' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const { seriesId, rule, booked, skipped } = res.body;
    expect(rule).toBe('FREQ=WEEKLY;INTERVAL=1;COUNT=4');
    expect(booked.map((b: { start: string }) => b.start)).toEqual([signed.occurrences[0], signed.occurrences[2], signed.occurrences[3]]);
    expect(skipped).toEqual([{ start: signed.occurrences[1], message: 'That time has just been taken. Please pick another.' }]);
    // The first booking is the series' parent: its id names the series on every occurrence.
    expect(booked[0].bookingId).toBe(seriesId);
    for (const b of booked) expect(b).toMatchObject({ seriesId, recurrence: rule, staffId: ann.userId, clientZone: 'Europe/London', confirmed: true });

    const mine = await api(`/api/bookings?from=${at(2, 0)}&to=${at(24, 0)}`, { token: client.token });
    expect(mine.body.items.filter((b: { seriesId?: string }) => b.seriesId === seriesId)).toHaveLength(3);

    // One email for the series, not one per booking: every date with its own manage link, the skipped one named, one invite holding all three.
    const mail = await nextEmailTo(client.email, seen);
    expect(mail.subject).toMatch(/^3 × Strategy call .* from /);
    expect(mail.text.match(/\/book\/manage\/\?token=/g)).toHaveLength(3);
    expect(mail.text).toContain('These times could not be booked:');
    const calendar = new ICAL.Component(ICAL.parse(await attachmentOf(mail, 'invite.ics')));
    for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.uid, e.startDate.toJSDate().toISOString()])).toEqual(
      booked.map((b: { bookingId: string; start: string }) => [`${b.bookingId}@service-portal`, b.start]),
    );
    await expect.poll(async () => (await emailsTo(ann.email)).filter((m) => m.subject.startsWith('3 × ')).length).toBe(1);
    // One bell notice for the series, to Ann and to each admin; none per booking.
    const seriesNotices = async (who: Signed) => {
      const { body } = await api('/api/notifications?limit=50', { token: who.token });
      return body.items.filter((n: { link: string }) => booked.some((b: { bookingId: string }) => n.link === `/request/?id=${b.bookingId}`));
    };
    const told = {
      kind: 'booking.series_booked',
      link: `/request/?id=${seriesId}`,
      values: expect.objectContaining({ count: '3', actor: `Series Client ${run}` }),
    };
    await expect.poll(() => seriesNotices(ann)).toEqual([expect.objectContaining(told)]);
    await expect.poll(() => seriesNotices(admin)).toEqual([expect.objectContaining(told)]);
    await new Promise((r) => setTimeout(r, 1000));
    expect((await emailsTo(client.email)).slice(seen).map((m) => m.subject)).toEqual([mail.subject]);
    expect(await seriesNotices(ann)).toHaveLength(1);
  });

  it('refuses a plan that was changed, or made for another zone than the firm’s', async () => {
    const { body: signed } = await plan({ start: at(3, 600), count: 2 });
    const changed = await bookSeries(client, { plan: { ...signed, occurrences: [signed.occurrences[0], at(3, 660)] } });
    expect(changed.status).toBe(400);
    expect(changed.body.error.details).toMatchObject([{ field: 'plan', message: 'is not a plan from this portal, or was changed' }]);
    const lengthened = await bookSeries(client, { plan: { ...signed, expiresAt: at(30, 0) } });
    expect(lengthened.body.error.details[0].field).toBe('plan');

    const { body: london } = await post(undefined, '/api/booking-plans', { start: at(3, 600), zone: 'Europe/London', frequency: 'daily', count: 2 });
    const elsewhere = await bookSeries(client, { plan: london });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.details).toMatchObject([{ field: 'plan', message: `was made for Europe/London, not the firm’s zone (${firmZone})` }]);
  });

  it('answers 409 with every reason when no occurrence can be booked', async () => {
    const { body: past } = await plan({ start: at(-9, 600), frequency: 'daily', count: 2 });
    const res = await bookSeries(client, { plan: past });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      reason: 'series_unbookable',
      canProceed: false,
      skipped: past.occurrences.map((start: string) => ({ start, message: 'That time has passed.' })),
    });
  });

  it('lets staff book a series for a client past warnings with force, but not for another firm’s client, and not without the permission', async () => {
    // 17:30 is after the firm's hours: a warning staff may pass.
    const { body: late } = await plan({ start: at(5, 1050), frequency: 'daily', count: 2 });
    const refused = await bookSeries(lead, { clientId: client.userId, plan: late });
    expect(refused.status).toBe(409);
    expect(refused.body.error.canProceed).toBe(true);
    const forced = await bookSeries(lead, { clientId: client.userId, plan: late, force: true });
    expect(forced.status, JSON.stringify(forced.body)).toBe(201);
    expect(forced.body.booked).toHaveLength(2);

    const { body: next } = await plan({ start: at(6, 600), count: 2 });
    expect((await bookSeries(client, { plan: next, clientId: otherClient.userId })).status).toBe(403);
    expect((await bookSeries(client, { plan: next, force: true })).status).toBe(400);
    expect((await bookSeries(member, { plan: next, clientId: client.userId })).status).toBe(403);
    const foreign = await bookSeries(otherFirm, { plan: next, clientId: client.userId });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details).toMatchObject([{ field: 'clientId', message: 'is not a client of this firm' }]);
  });

  it('cancels a booking and the later ones of its series, with one email, leaving the earlier ones, one that cannot go, and other people’s series alone', async () => {
    const { body: signed } = await plan({ start: at(8, 780), count: 5 });
    const { body: series } = await bookSeries(client, { staffId: ann.userId, plan: signed });
    expect(series.booked).toHaveLength(5);
    const [first, second, , , fifth] = series.booked;
    // The firm has closed the last one meanwhile (as if it had been held early): it cannot be cancelled.
    await database().entities.serviceRequest.patch({ tenantId, requestId: fifth.bookingId }).set({ status: 'completed' }).go();
    const cancel = (who: Signed, body: Record<string, unknown>) => post(who, `/api/bookings/${second.bookingId}/cancel`, { version: second.version, ...body });
    expect((await cancel(otherClient, { scope: 'following' })).status).toBe(404);
    expect((await cancel(client, { scope: 'all' })).body.error.details).toMatchObject([{ field: 'scope', message: 'must be one or following' }]);

    const res = await cancel(client, { scope: 'following', reason: 'Project finished' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ bookingId: second.bookingId, status: 'cancelled', followingCancelled: 2 });
    expect(res.body.followingSkipped).toEqual([{ bookingId: fifth.bookingId, start: fifth.start, message: 'This booking has already taken place.' }]);
    const left = await api(`/api/bookings?from=${at(8, 0)}&to=${at(40, 0)}`, { token: client.token });
    expect(left.body.items.filter((b: { seriesId?: string }) => b.seriesId === series.seriesId).map((b: { bookingId: string }) => b.bookingId)).toEqual([
      first.bookingId,
      fifth.bookingId,
    ]);

    // Earlier tests' emails to this client may still be arriving: pick the cancellations.
    const cancellations = async () => (await emailsTo(client.email)).filter((m) => m.subject.startsWith('Cancelled'));
    await expect.poll(async () => (await cancellations()).length).toBe(1);
    const [mail] = await cancellations();
    expect(mail!.subject).toMatch(/^Cancelled: 3 × Strategy call .* from /);
    const calendar = new ICAL.Component(ICAL.parse(await attachmentOf(mail!, 'invite.ics')));
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(calendar.getAllSubcomponents('vevent').map((v) => [v.getFirstPropertyValue('uid'), v.getFirstPropertyValue('sequence')])).toEqual(
      series.booked.slice(1, 4).map((b: { bookingId: string }) => [`${b.bookingId}@service-portal`, 1]),
    );
    await new Promise((r) => setTimeout(r, 1000));
    expect(await cancellations()).toHaveLength(1);
  });

  it('lets staff move a booking and the later ones of its series alike, leaving one that cannot move where it is, with one email', async () => {
    const { body: signed } = await plan({ start: at(10, 600), count: 3 });
    const { body: series } = await bookSeries(lead, { clientId: otherClient.userId, staffId: ann.userId, plan: signed });
    expect(series.booked).toHaveLength(3);
    const [, second, third] = series.booked;
    // Thursdays 10:00 → Fridays 15:00; the third's new time is taken already.
    const blocker = await post(client, '/api/bookings', { serviceId, start: movedTo(third.start), staffId: ann.userId, timeZone: 'Europe/London' });
    expect(blocker.status, JSON.stringify(blocker.body)).toBe(201);
    const move = (who: Signed, body: Record<string, unknown>) =>
      post(who, `/api/bookings/${second.bookingId}/reschedule`, { start: movedTo(second.start), version: second.version, staffId: ann.userId, ...body });
    // Someone who is not its staff member or a lead sees no such booking; nor does another firm.
    expect((await move(member, { scope: 'following' })).status).toBe(404);
    expect((await move(otherFirm, { scope: 'following' })).status).toBe(404);

    const res = await move(lead, { scope: 'following' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ bookingId: second.bookingId, start: movedTo(second.start), followingMoved: 0 });
    expect(res.body.followingSkipped).toEqual([
      { bookingId: third.bookingId, start: third.start, to: movedTo(third.start), message: expect.stringMatching(/taken|booked/) },
    ]);
    const mine = await api(`/api/bookings?from=${at(10, 0)}&to=${at(30, 0)}`, { token: otherClient.token });
    const starts = mine.body.items.filter((b: { seriesId?: string }) => b.seriesId === series.seriesId).map((b: { start: string }) => b.start);
    expect(starts).toEqual([series.booked[0].start, movedTo(second.start), third.start]);

    const moves = async () => (await emailsTo(`series.other.${run}@example.test`)).filter((m) => m.subject.startsWith('Moved'));
    await expect.poll(async () => (await moves()).length).toBe(1);
    expect((await moves())[0]!.subject).toMatch(/^Moved: 1 × Strategy call /);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await moves()).toHaveLength(1);
  });

  it('lets a client move a booking and the later ones alike from its emailed link, leaving one that cannot follow where it is', async () => {
    const { body: signed } = await plan({ start: at(14, 600), count: 4 });
    const { body: series } = await bookSeries(client, { staffId: ann.userId, plan: signed });
    const [, second, third, fourth] = series.booked;
    const blocker = await post(otherClient, '/api/bookings', { serviceId, start: movedTo(third.start), staffId: ann.userId, timeZone: 'Europe/London' });
    expect(blocker.status, JSON.stringify(blocker.body)).toBe(201);
    const { body: link } = await post(client, `/api/bookings/${second.bookingId}/link`, {});
    const token = new URL(link.url, 'http://portal').searchParams.get('token')!;
    const move = (path: string, body: Record<string, unknown>) =>
      post(undefined, `/api/manage-booking/${path}/reschedule`, { start: movedTo(second.start), version: second.version, ...body });
    expect((await move(`${token.slice(0, -2)}xx`, { scope: 'following' })).status).toBe(404);
    expect((await move(token, { scope: 'all' })).body.error.details).toMatchObject([{ field: 'scope', message: 'must be one or following' }]);
    const seen = (await emailsTo(client.email)).length;

    const res = await move(token, { scope: 'following' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ bookingId: second.bookingId, start: movedTo(second.start), staffId: ann.userId, followingMoved: 1 });
    expect(res.body.followingSkipped).toEqual([
      { bookingId: third.bookingId, start: third.start, to: movedTo(third.start), message: expect.stringMatching(/taken|booked/) },
    ]);
    const mine = await api(`/api/bookings?from=${at(14, 0)}&to=${at(40, 0)}`, { token: client.token });
    const starts = mine.body.items.filter((b: { seriesId?: string }) => b.seriesId === series.seriesId).map((b: { start: string }) => b.start);
    expect(starts).toEqual([series.booked[0].start, movedTo(second.start), third.start, movedTo(fourth.start)]);
    const moves = async () => (await emailsTo(client.email)).slice(seen).filter((m) => m.subject.startsWith('Moved'));
    await expect.poll(async () => (await moves()).map((m) => m.subject)).toEqual([expect.stringMatching(/^Moved: 2 × Strategy call /)]);
  });
});

/** One local day on, at 15:00 firm time. */
function movedTo(iso: string): string {
  const date = new Date(Date.parse(iso) + 86_400_000).toLocaleDateString('en-CA', { timeZone: firmZone });
  return new Date(instantAt(firmZone, date, 900)!).toISOString();
}
