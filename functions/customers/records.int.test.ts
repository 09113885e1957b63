import { beforeAll, describe, expect, it } from 'vitest';
import { at, bookAsGuest, bookingFixtures, tenantId } from '../../infra/local/test-bookings.ts';
import { api, joinAs, signIn, type Signed } from '../../infra/local/test-client.ts';
import { database } from '../../shared/db/all-entities.ts';

const { run, service, staff } = bookingFixtures();
const payroll = (title: string, clientId?: string) =>
  JSON.stringify({ serviceId: 'svc-payroll-setup', title, requirements: { 'q-employees': '3' }, ...(clientId && { clientId }) });
const requestOf = async (requestId: string) => (await database().entities.serviceRequest.get({ tenantId, requestId }).go()).data!;
const calendarOf = async (clientId: string, bookingId: string) =>
  (await database().entities.calendar.query.byClient({ tenantId, clientId }).go({ pages: 'all' })).data.find((e) => e.bookingId === bookingId);

let john: Signed;
let jane: Signed;
let admin: Signed;
let serviceId: string;

beforeAll(async () => {
  await staff('Cara');
  serviceId = await service();
  [john, jane, admin] = await Promise.all([signIn('john.doe@example.com'), signIn('jane.smith@example.com'), signIn('hello@designpi.com')]);
});

describe('records belong to the customer of the client who made them', () => {
  it("a client's own request, and one staff make on a client's behalf", async () => {
    const own = await api('/api/requests', { method: 'POST', token: john.token, body: payroll(`Customer's own ${run}`) });
    expect(own.status).toBe(201);
    expect(await requestOf(own.body.requestId)).toMatchObject({ clientId: john.userId, customerId: 'cus-acme' });

    const onBehalf = await api('/api/requests', { method: 'POST', token: admin.token, body: payroll(`On behalf ${run}`, jane.userId) });
    expect(onBehalf.status).toBe(201);
    expect(await requestOf(onBehalf.body.requestId)).toMatchObject({ clientId: jane.userId, customerId: 'cus-tech-solutions' });
  });

  it('a booking, in its request and its calendar entry, by the client or by staff for them', async () => {
    const booked = await api('/api/bookings', {
      method: 'POST',
      token: john.token,
      body: JSON.stringify({ serviceId, start: at(9, 600), timeZone: 'Europe/London' }),
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    expect(await requestOf(booked.body.bookingId)).toMatchObject({ customerId: 'cus-acme' });
    expect(await calendarOf(john.userId, booked.body.bookingId)).toMatchObject({ customerId: 'cus-acme' });

    const forJane = await api('/api/bookings', {
      method: 'POST',
      token: admin.token,
      body: JSON.stringify({ serviceId, start: at(9, 720), timeZone: 'Europe/London', clientId: jane.userId }),
    });
    expect(forJane.status, JSON.stringify(forJane.body)).toBe(201);
    expect(await calendarOf(jane.userId, forJane.body.bookingId)).toMatchObject({ customerId: 'cus-tech-solutions' });
  });

  it('a new client, invited or booking as a guest, starts as the primary contact of a customer of their own', async () => {
    const invited = await joinAs({ email: `own-${run}@example.com`, name: 'Ona Own', role: 'CLIENT', password: 'Own-Passw0rd!' });
    const { data: person } = await database().entities.user.get({ tenantId, userId: invited.userId }).go();
    expect(person).toMatchObject({ isPrimaryContact: true, contactAccess: 'full', contactRole: 'owner' });
    const { data: customer } = await database().entities.customer.get({ tenantId, customerId: person!.customerId! }).go();
    expect(customer).toMatchObject({ name: 'Ona Own', kind: 'individual', status: 'active' });

    const guest = await bookAsGuest(serviceId, at(10, 600), { name: 'Gus Guest', email: `guest-${run}@example.com` });
    expect(guest.status, JSON.stringify(guest.body)).toBe(201);
    const booking = await requestOf(guest.body.bookingId);
    const { data: guestUser } = await database().entities.user.get({ tenantId, userId: booking.clientId }).go();
    expect(guestUser).toMatchObject({ customerId: booking.customerId, isPrimaryContact: true });
    expect((await database().entities.customer.get({ tenantId, customerId: booking.customerId! }).go()).data).toMatchObject({ name: 'Gus Guest' });
  });
});
