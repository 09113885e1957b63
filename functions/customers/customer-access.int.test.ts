/**
 * Who sees a customer's records (issue 15): the contact who made one, the customer's other
 * contacts by their access, and nobody of another customer or firm; by id and in every list.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { at, bookingFixtures, tenantId } from '../../infra/local/test-bookings.ts';
import { api, joinAs, signIn, type Signed } from '../../infra/local/test-client.ts';
import { database } from '../../shared/db/all-entities.ts';
import type { ContactAccess } from '../../shared/domain/customers/customers.ts';

const { run, service, staff } = bookingFixtures();
const payroll = (title: string, submit = true) => JSON.stringify({ serviceId: 'svc-payroll-setup', title, submit, requirements: { 'q-employees': '3' } });
const json = (body: unknown) => JSON.stringify(body);

/** Makes a client a non-primary contact of a customer, as an admin would. */
const joinCustomer = (userId: string, customerId: string, contactAccess: ContactAccess) =>
  database().entities.user.patch({ tenantId, userId }).set({ customerId, isPrimaryContact: false, contactRole: 'staff', contactAccess }).go();

const CALLERS = ['maker', 'colleagueFull', 'colleagueOwn', 'otherCustomer', 'otherFirm'] as const;
type Caller = (typeof CALLERS)[number];
const who = {} as Record<Caller, Signed>;

let ownerRequest: string; // made by `maker`, the customer's primary contact
let colleagueRequest: string; // made by `colleagueOwn`
let colleagueBooking: string; // booked by `colleagueOwn`

const listed = async (caller: Caller) => {
  const { body } = await api('/api/requests?limit=100', { token: who[caller].token });
  return (body.items as { requestId: string }[]).map((r) => r.requestId);
};
const calendar = async (caller: Caller) => {
  const { body } = await api(`/api/bookings?from=${at(0, 0)}&to=${at(20, 0)}`, { token: who[caller].token });
  return (body.items as { bookingId: string }[]).map((b) => b.bookingId);
};

beforeAll(async () => {
  await staff('Cora');
  const serviceId = await service();
  const join = (name: string) =>
    joinAs({ email: `${name.toLowerCase()}-${run}@example.com`, name: `${name} ${run}`, role: 'CLIENT', password: 'Access-Passw0rd!' });
  [who.maker, who.colleagueFull, who.colleagueOwn] = await Promise.all([join('Mara'), join('Fenna'), join('Otto')]);
  const { data: maker } = await database().entities.user.get({ tenantId, userId: who.maker.userId }).go();
  await Promise.all([joinCustomer(who.colleagueFull.userId, maker!.customerId, 'full'), joinCustomer(who.colleagueOwn.userId, maker!.customerId, 'own')]);
  [who.otherCustomer, who.otherFirm] = await Promise.all([signIn('jane.smith@example.com'), signIn('priya@client.example')]);

  // A draft: nothing assigns or moves it meanwhile, so the version stays 1.
  ownerRequest = (await api('/api/requests', { method: 'POST', token: who.maker.token, body: payroll(`Owner's ${run}`, false) })).body.requestId;
  colleagueRequest = (await api('/api/requests', { method: 'POST', token: who.colleagueOwn.token, body: payroll(`Colleague's ${run}`) })).body.requestId;
  const booked = await api('/api/bookings', {
    method: 'POST',
    token: who.colleagueOwn.token,
    body: json({ serviceId, start: at(9, 600), timeZone: 'Europe/London' }),
  });
  expect(booked.status, JSON.stringify(booked.body)).toBe(201);
  colleagueBooking = booked.body.bookingId;
});

describe("a customer's records, by caller", () => {
  const cases: [string, () => { path: string; method?: string; body?: unknown }, Record<Caller, number>][] = [
    [
      'reading a request',
      () => ({ path: `/api/requests/${ownerRequest}` }),
      { maker: 200, colleagueFull: 200, colleagueOwn: 404, otherCustomer: 404, otherFirm: 404 },
    ],
    [
      'commenting on it',
      () => ({ path: `/api/requests/${ownerRequest}/comments`, method: 'POST', body: { text: 'A word' } }),
      { maker: 201, colleagueFull: 201, colleagueOwn: 404, otherCustomer: 404, otherFirm: 404 },
    ],
    // Seeing is not acting: only the contact who asked edits or moves their request.
    [
      'editing it',
      () => ({ path: `/api/requests/${ownerRequest}`, method: 'PATCH', body: { version: 1, title: `Owner's ${run}` } }),
      { maker: 200, colleagueFull: 403, colleagueOwn: 404, otherCustomer: 404, otherFirm: 404 },
    ],
    [
      "cancelling a colleague's booking",
      () => ({ path: `/api/bookings/${colleagueBooking}/cancel`, method: 'POST', body: { version: 1 } }),
      { maker: 403, colleagueFull: 403, colleagueOwn: 200, otherCustomer: 404, otherFirm: 404 },
    ],
  ];

  // Before the booking is cancelled below.
  it("the calendar shows the customer's bookings to contacts with full access, and only their own to the rest", async () => {
    const [maker, full, own, other, otherFirm] = await Promise.all(CALLERS.map(calendar));
    expect(maker).toContain(colleagueBooking);
    expect(full).toContain(colleagueBooking);
    expect(own).toContain(colleagueBooking);
    expect(other).not.toContain(colleagueBooking);
    expect(otherFirm).not.toContain(colleagueBooking);
  });

  it.each(cases)('%s', async (_, make, expected) => {
    const actual: Partial<Record<Caller, number>> = {};
    // The maker goes last: their change must not decide the others' answers.
    for (const caller of [...CALLERS].reverse()) {
      const { path, method = 'GET', body } = make();
      actual[caller] = (await api(path, { method, token: who[caller].token, ...(body !== undefined && { body: json(body) }) })).status;
    }
    expect(actual).toEqual(expected);
  });

  it('lists show each caller exactly what they may open', async () => {
    const [maker, full, own, other, otherFirm] = await Promise.all(CALLERS.map(listed));
    expect(maker).toEqual(expect.arrayContaining([ownerRequest, colleagueRequest]));
    expect(full).toEqual(expect.arrayContaining([ownerRequest, colleagueRequest]));
    expect(own).toContain(colleagueRequest);
    expect(own).not.toContain(ownerRequest);
    for (const outsider of [other, otherFirm]) for (const id of [ownerRequest, colleagueRequest]) expect(outsider).not.toContain(id);
  });

  it('a contact with own access sees the rest of the customer once given full access, and not after it is taken back', async () => {
    const opens = async () => (await api(`/api/requests/${ownerRequest}`, { token: who.colleagueOwn.token })).status;
    await joinCustomer(who.colleagueOwn.userId, (await database().entities.user.get({ tenantId, userId: who.maker.userId }).go()).data!.customerId, 'full');
    expect(await opens()).toBe(200);
    expect(await listed('colleagueOwn')).toContain(ownerRequest);
    await joinCustomer(who.colleagueOwn.userId, (await database().entities.user.get({ tenantId, userId: who.maker.userId }).go()).data!.customerId, 'own');
    expect(await opens()).toBe(404);
    expect(await listed('colleagueOwn')).not.toContain(ownerRequest);
  });
});

describe('the demo customers', () => {
  it("Lisa sees her own requests, and John's only while she has full access; Jane never sees Acme's, by id or in a list", async () => {
    const [john, lisa, jane] = await Promise.all([signIn('john.doe@example.com'), signIn('lisa@acme.example'), signIn('jane.smith@example.com')]);
    const johns = (await api('/api/requests', { method: 'POST', token: john.token, body: payroll(`John's ${run}`) })).body.requestId;
    const lisas = (await api('/api/requests', { method: 'POST', token: lisa.token, body: payroll(`Lisa's ${run}`) })).body.requestId;
    expect((await api(`/api/requests/${lisas}`, { token: lisa.token })).status).toBe(200);
    expect((await api(`/api/requests/${johns}`, { token: lisa.token })).status).toBe(404);
    expect((await api(`/api/requests/${lisas}`, { token: john.token })).status).toBe(200);
    for (const id of [johns, lisas]) expect((await api(`/api/requests/${id}`, { token: jane.token })).status).toBe(404);
    const janes = (await api('/api/requests?limit=100', { token: jane.token })).body.items as { customerId?: string }[];
    expect(janes.every((r) => r.customerId === 'cus-tech-solutions')).toBe(true);
    const lisaList = (await api('/api/requests?limit=100', { token: lisa.token })).body.items as { clientId: string }[];
    expect(lisaList.every((r) => r.clientId === lisa.userId)).toBe(true);

    // Given full access by the firm, Lisa sees John's; taken back, she no longer does.
    const admin = await signIn('hello@designpi.com');
    const setLisa = async (contactAccess: string) => {
      const { body } = await api('/api/customers/cus-acme', { token: admin.token });
      const { version } = (body.contacts as { userId: string; version: number }[]).find((c) => c.userId === lisa.userId)!;
      const changed = await api(`/api/customers/cus-acme/contacts/${lisa.userId}`, {
        method: 'PATCH',
        token: admin.token,
        body: json({ version, contactAccess }),
      });
      expect(changed.status).toBe(200);
    };
    await setLisa('full');
    try {
      expect((await api(`/api/requests/${johns}`, { token: lisa.token })).status).toBe(200);
      expect(((await api('/api/requests?limit=100', { token: lisa.token })).body.items as { requestId: string }[]).map((r) => r.requestId)).toContain(johns);
    } finally {
      await setLisa('own');
    }
    expect((await api(`/api/requests/${johns}`, { token: lisa.token })).status).toBe(404);
  });
});
