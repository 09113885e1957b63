/** A client's home (what asks for them, their open requests), their appointments list, and a booking shown on its request. */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { at, bookingFixtures, tenantId } from '../../infra/local/test-bookings.ts';
import { api, changeWithFreshVersion, joinAs, signIn, type Signed } from '../../infra/local/test-client.ts';
import { database } from '../../shared/db/all-entities.ts';

const run = randomUUID().slice(0, 8);
const { service, staff } = bookingFixtures();
let admin: Signed; // DesignPi's admin
let sarah: Signed; // DesignPi's lead
let jane: Signed; // a client of another customer
let ada: Signed; // full access to her organisation
let ben: Signed; // her colleague, who sees only his own
let serviceId: string;
let cutOffServiceId: string;
let customerId: string;

const json = JSON.stringify;
const get = (who: Signed, path: string) => api(path, { token: who.token });
const post = (who: Signed, path: string, body: unknown) => api(path, { method: 'POST', token: who.token, body: json(body) });
const home = async (who: Signed) => {
  const res = await get(who, '/api/home');
  expect(res.status, json(res.body)).toBe(200);
  return res.body as {
    attention: { kind: string; requestId: string }[];
    open: { requestId: string; nextStep?: unknown; assigneeName?: string }[];
    moreOpen: boolean;
  };
};
const attentionOf = async (who: Signed, requestId: string) => (await home(who)).attention.filter((a) => a.requestId === requestId).map((a) => a.kind);
async function ask(who: Signed, title: string, submit = true): Promise<string> {
  const res = await post(who, '/api/requests', { serviceId: 'svc-payroll-setup', title: `${title} ${run}`, requirements: { 'q-employees': '5' }, submit });
  expect(res.status, json(res.body)).toBe(201);
  return res.body.requestId;
}
const comment = (who: Signed, requestId: string, text: string, internal = false) => post(who, `/api/requests/${requestId}/comments`, { text, internal });
const appointments = async (who: Signed, query = '') => {
  const res = await get(who, `/api/me/appointments${query}`);
  expect(res.status, json(res.body)).toBe(200);
  return res.body as { items: { bookingId: string; mine: boolean }[]; nextCursor: string | null };
};

beforeAll(async () => {
  [admin, sarah, jane] = await Promise.all([signIn('hello@designpi.com'), signIn('sarah@designpi.com'), signIn('jane.smith@example.com')]);
  const made = await post(admin, '/api/customers', { name: `Home Bakery ${run}` });
  expect(made.status).toBe(201);
  customerId = made.body.customerId;
  const join = (name: string, contactAccess: string) =>
    joinAs({ email: `${name}-${run}@example.com`, name: `${name} ${run}`, role: 'CLIENT', password: 'Client-Passw0rd!', customerId, contactAccess });
  [ada, ben] = [await join('ada', 'full'), await join('ben', 'own')];
  serviceId = await service();
  cutOffServiceId = await service({ cancelCutoffHours: 24 * 30 });
  await staff('Hana');
});

describe("a client's home", () => {
  it('asks the client to send a draft, and forgets it once sent', async () => {
    const draft = await ask(ada, 'Draft payroll', false);
    expect(await attentionOf(ada, draft)).toEqual(['submit']);
    await changeWithFreshVersion(ada, draft, 'status', { to: 'submitted' });
    expect(await attentionOf(ada, draft)).toEqual([]);
  });

  it("asks for an answer to the firm's message until the client replies; an internal note asks nothing", async () => {
    const id = await ask(ada, 'Payroll question');
    expect((await comment(sarah, id, 'Internal: check their last payroll run', true)).status).toBe(201);
    expect(await attentionOf(ada, id)).toEqual([]);
    expect((await comment(sarah, id, 'How many of them are contractors?')).status).toBe(201);
    expect(await attentionOf(ada, id)).toEqual(['reply']);
    expect((await comment(ada, id, 'Two of the five.')).status).toBe(201);
    expect(await attentionOf(ada, id)).toEqual([]);
  });

  it('asks to accept completed work, and drops the request once accepted', async () => {
    const id = await ask(ada, 'Payroll to finish');
    await changeWithFreshVersion(admin, id, 'assignee', { assigneeId: sarah.userId });
    await changeWithFreshVersion(sarah, id, 'status', { to: 'in_progress' });
    await changeWithFreshVersion(sarah, id, 'status', { to: 'completed', confirmOpenTasks: true });
    expect(await attentionOf(ada, id)).toEqual(['accept']);
    const open = (await home(ada)).open.find((r) => r.requestId === id);
    expect(open).toMatchObject({ status: 'completed', assigneeName: expect.any(String), nextStep: { action: 'accept', by: 'client', you: true } });
    const { body: request } = await get(ada, `/api/requests/${id}`);
    expect((await post(ada, `/api/requests/${id}/approval`, { version: request.version })).status).toBe(200);
    const after = await home(ada);
    expect(after.attention.map((a) => a.requestId)).not.toContain(id);
    expect(after.open.map((r) => r.requestId)).not.toContain(id);
  });

  it('lists open requests with who acts next; a colleague with full access sees them, but is asked nothing', async () => {
    const bens = await ask(ben, 'Ben’s payroll', false);
    const adas = (await home(ada)).open.find((r) => r.requestId === bens);
    expect(adas).toMatchObject({ status: 'draft', nextStep: { action: 'submit', by: 'client', you: false } });
    expect(await attentionOf(ada, bens)).toEqual([]);
    expect(await attentionOf(ben, bens)).toEqual(['submit']);
  });

  it("shows nobody another client's requests: not a colleague with own access, not another customer", async () => {
    const adas = await ask(ada, 'Ada’s own payroll', false);
    for (const who of [ben, jane]) {
      const seen = await home(who);
      expect(seen.open.map((r) => r.requestId)).not.toContain(adas);
      expect(seen.attention.map((a) => a.requestId)).not.toContain(adas);
    }
  });

  it('is for clients: staff are sent to their dashboard', async () => {
    for (const who of [sarah, admin]) expect((await get(who, '/api/home')).status).toBe(403);
  });
});

describe("a client's appointments", () => {
  let adasBooking: string;
  let bensBooking: string;

  beforeAll(async () => {
    const book = async (who: Signed, start: string, id = serviceId) => {
      const res = await post(who, '/api/bookings', { serviceId: id, start, timeZone: 'Europe/London' });
      expect(res.status, json(res.body)).toBe(201);
      return res.body.bookingId as string;
    };
    adasBooking = await book(ada, at(3, 600));
    bensBooking = await book(ben, at(3, 720));
  });

  it('lists what is to come, soonest first; colleagues with full access see the organisation’s, own access only their own', async () => {
    const adas = (await appointments(ada)).items;
    expect(adas.map((a) => a.bookingId)).toEqual([adasBooking, bensBooking]);
    expect(adas.map((a) => a.mine)).toEqual([true, false]);
    expect((await appointments(ben)).items.map((a) => a.bookingId)).toEqual([bensBooking]);
    expect((await appointments(jane)).items.map((a) => a.bookingId)).not.toContain(adasBooking);
  });

  it('pages, and names a cursor that is not its own', async () => {
    const first = await appointments(ada, '?limit=1');
    expect(first.items).toHaveLength(1);
    expect((await appointments(ada, `?limit=1&cursor=${encodeURIComponent(first.nextCursor!)}`)).items[0]!.bookingId).toBe(bensBooking);
    const forged = await get(jane, `/api/me/appointments?limit=1&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(forged.status).toBe(400);
    expect((await get(ada, '/api/me/appointments?when=soon')).body.error.details).toMatchObject([{ field: 'query.when', message: 'must be upcoming or past' }]);
  });

  it('lists those that have ended under past, latest first', async () => {
    const entry = (days: number) => ({
      tenantId,
      month: new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 7),
      start: new Date(Date.now() - days * 86_400_000).toISOString(),
      end: new Date(Date.now() - days * 86_400_000 + 3_600_000).toISOString(),
      bookingId: `past-${run}-${days}`,
      reference: `SR-P${days}`,
      staffId: sarah.userId,
      staffName: 'Sarah',
      seat: 0,
      serviceId,
      serviceName: 'Strategy call',
      clientId: ada.userId,
      customerId,
      clientName: 'Ada',
      bookingType: 'video',
      confirmed: true,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
    });
    await database()
      .entities.calendar.put([entry(9), entry(2)])
      .go();
    expect((await appointments(ada, '?when=past')).items.map((a) => a.bookingId)).toEqual([`past-${run}-2`, `past-${run}-9`]);
    expect((await appointments(ben, '?when=past')).items).toEqual([]);
  });
});

describe('a booking on its request', () => {
  it('shows its time, price and that its client may still move it; staff who change requests may too', async () => {
    const res = await post(ada, '/api/bookings', { serviceId, start: at(4, 600), timeZone: 'Asia/Kolkata' });
    const { body } = await get(ada, `/api/requests/${res.body.bookingId}`);
    expect(body.booking).toMatchObject({
      start: at(4, 600),
      clientZone: 'Asia/Kolkata',
      durationMinutes: expect.any(Number),
      price: { currency: 'USD' },
      mayChange: true,
    });
    expect((await get(sarah, `/api/requests/${res.body.bookingId}`)).body.booking.mayChange).toBe(true);
    // Her colleague with own access does not see it at all.
    expect((await get(ben, `/api/requests/${res.body.bookingId}`)).status).toBe(404);
  });

  it('tells the client it can no longer be moved online once past the cut-off, while staff still may', async () => {
    const res = await post(ada, '/api/bookings', { serviceId: cutOffServiceId, start: at(5, 600), timeZone: 'Europe/London' });
    expect(res.status, json(res.body)).toBe(201);
    expect((await get(ada, `/api/requests/${res.body.bookingId}`)).body.booking.mayChange).toBe(false);
    expect((await get(sarah, `/api/requests/${res.body.bookingId}`)).body.booking.mayChange).toBe(true);
  });

  it('says nothing of a booking on a request that is not one', async () => {
    const id = await ask(ada, 'Not a booking');
    expect((await get(ada, `/api/requests/${id}`)).body.booking).toBeUndefined();
  });
});
