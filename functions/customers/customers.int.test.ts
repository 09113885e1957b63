/**
 * The firm's Clients: adding and finding customers, inviting contacts into them, changing a
 * contact's access and the primary contact, the 360° page, its timeline, and merging two.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { at, bookingFixtures } from '../../infra/local/test-bookings.ts';
import { api, joinAs, signIn, type Signed } from '../../infra/local/test-client.ts';
import { linkIn, nextEmailTo } from '../../infra/local/test-inbox.ts';

const run = randomUUID().slice(0, 8);
const json = (body: unknown) => JSON.stringify(body);
const payroll = (title: string) => json({ serviceId: 'svc-payroll-setup', title, requirements: { 'q-employees': '3' } });

let admin: Signed;
let lead: Signed;
let member: Signed;
let otherFirmAdmin: Signed;

const create = (body: Record<string, unknown>, who = admin) => api('/api/customers', { method: 'POST', token: who.token, body: json(body) });
const customer = (customerId: string, who = admin) => api(`/api/customers/${customerId}`, { token: who.token });
const contactOf = async (customerId: string, userId: string) =>
  ((await customer(customerId)).body.contacts as { userId: string; version: number; isPrimaryContact: boolean; contactAccess: string }[]).find(
    (c) => c.userId === userId,
  )!;
const changeContact = async (customerId: string, userId: string, body: Record<string, unknown>) =>
  api(`/api/customers/${customerId}/contacts/${userId}`, {
    method: 'PATCH',
    token: admin.token,
    body: json({ version: (await contactOf(customerId, userId)).version, ...body }),
  });
const join = (name: string, customerId: string, extra: Record<string, string> = {}) =>
  joinAs({ email: `${name.toLowerCase()}-${run}@example.com`, name: `${name} ${run}`, role: 'CLIENT', password: 'Client-Passw0rd!', customerId, ...extra });

beforeAll(async () => {
  [admin, lead, member, otherFirmAdmin] = await Promise.all([
    signIn('hello@designpi.com'),
    signIn('sarah@designpi.com'),
    signIn('mike@designpi.com'),
    signIn('admin@northwind.example'),
  ]);
});

describe('adding and finding customers', () => {
  it('adds a customer with its details, and names each field at fault', async () => {
    const made = await create({
      name: `Harbour Bakery ${run}`,
      industry: 'Food',
      tags: ['VIP', 'bakery'],
      accountManagerId: lead.userId,
      billing: { legalName: `Harbour Bakery ${run} Ltd`, currency: 'eur', paymentTermsDays: 30 },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ kind: 'business', status: 'active', tags: ['vip', 'bakery'], billing: { currency: 'EUR', paymentTermsDays: 30 } });

    for (const [body, field] of [
      [{}, 'name'],
      [{ name: 'X', status: 'gone' }, 'status'],
      [{ name: 'X', accountManagerId: 'nobody' }, 'accountManagerId'],
      [{ name: 'X', billing: { currency: 'euro' } }, 'billing.currency'],
      [{ name: 'X', billing: { paymentTermsDays: -1 } }, 'billing.paymentTermsDays'],
    ] as const) {
      const refused = await create(body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
  });

  it('finds customers by the start of the name or a contact’s address, narrowed by status, manager and tag; one firm never sees another’s', async () => {
    const made = (await create({ name: `Quayside Florists ${run}`, tags: ['flowers'], accountManagerId: member.userId })).body;
    const names = async (query: string, who = admin) =>
      ((await api(`/api/customers?${query}`, { token: who.token })).body.items as { name: string }[]).map((c) => c.name);
    expect(await names(`q=${encodeURIComponent(`quayside  FLORISTS ${run}`)}`)).toEqual([made.name]);
    expect(await names(`q=quayside&tag=flowers&accountManagerId=${member.userId}`)).toContain(made.name);
    expect(await names(`q=quayside&status=inactive`)).not.toContain(made.name);
    expect(await names(`q=quayside&tag=bakery`)).not.toContain(made.name);
    expect(await names('q=JOHN.DOE%40example.com')).toEqual(['Acme Corporation']);
    expect(await names(`q=quayside`, lead)).toContain(made.name);
    expect(await names(`q=quayside`, otherFirmAdmin)).toEqual([]);
    expect((await customer(made.customerId, otherFirmAdmin)).status).toBe(404);
  });

  it('edits a customer: a stale version is a conflict, emptied text is taken away', async () => {
    const made = (await create({ name: `Old Mill ${run}`, notes: 'Prefers calls' })).body;
    const edit = (body: Record<string, unknown>) => api(`/api/customers/${made.customerId}`, { method: 'PATCH', token: admin.token, body: json(body) });
    const edited = await edit({ version: made.version, status: 'inactive', notes: '' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ status: 'inactive', version: made.version + 1 });
    expect(edited.body.notes).toBeUndefined();
    expect((await edit({ version: made.version, status: 'active' })).status).toBe(409);
    // A new name is found by its own start, and no longer by the old one.
    expect((await edit({ version: made.version + 1, name: `New Mill ${run}` })).status).toBe(200);
    const found = async (q: string) =>
      ((await api(`/api/customers?q=${encodeURIComponent(q)}`, { token: admin.token })).body.items as { customerId: string }[]).map((c) => c.customerId);
    expect(await found(`new mill ${run}`)).toEqual([made.customerId]);
    expect(await found(`old mill ${run}`)).toEqual([]);
    expect((await api(`/api/customers/${made.customerId}`, { method: 'PATCH', token: lead.token, body: json({ version: 2 }) })).status).toBe(403);
  });
});

describe("a customer's contacts", () => {
  let customerId: string;
  let first: Signed;
  let second: Signed;

  beforeAll(async () => {
    customerId = (await create({ name: `Lantern Studio ${run}` })).body.customerId;
    first = await join('Lena', customerId);
    second = await join('Sami', customerId, { contactAccess: 'own' });
  });

  it('the first invited is the primary contact with full access; the next sees only their own records', async () => {
    const { body } = await customer(customerId);
    expect(
      body.contacts.map((c: { userId: string; isPrimaryContact: boolean; contactAccess: string }) => [c.userId, c.isPrimaryContact, c.contactAccess]).sort(),
    ).toEqual(
      [
        [first.userId, true, 'full'],
        [second.userId, false, 'own'],
      ].sort(),
    );
    const asked = await api('/api/requests', { method: 'POST', token: first.token, body: payroll(`Lantern books ${run}`) });
    expect((await api(`/api/requests/${asked.body.requestId}`, { token: second.token })).status).toBe(404);
    expect((await changeContact(customerId, second.userId, { contactAccess: 'full' })).status).toBe(200);
    expect((await api(`/api/requests/${asked.body.requestId}`, { token: second.token })).status).toBe(200);
  });

  it('invites in the contact’s language, and only clients, into a customer of this firm', async () => {
    const email = `amal-${run}@example.com`;
    const invited = await api('/api/invitations', {
      method: 'POST',
      token: admin.token,
      body: json({ email, name: 'Amal', role: 'CLIENT', locale: 'ar', customerId }),
    });
    expect(invited.status).toBe(201);
    expect((await nextEmailTo(email)).subject).toMatch(/[\u0600-\u06FF]/u);
    for (const [body, field] of [
      [{ email: `t-${run}@example.com`, name: 'T', role: 'TEAM_MEMBER', customerId }, 'customerId'],
      [{ email: `u-${run}@example.com`, name: 'U', role: 'CLIENT', customerId: 'cus-nobody' }, 'customerId'],
    ] as const) {
      const refused = await api('/api/invitations', { method: 'POST', token: admin.token, body: json(body) });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details[0].field).toBe(field);
    }
    const elsewhere = await api('/api/invitations', {
      method: 'POST',
      token: otherFirmAdmin.token,
      body: json({ email: `v-${run}@example.com`, name: 'V', role: 'CLIENT', customerId }),
    });
    expect(elsewhere.status).toBe(400);
  });

  it('moves the primary flag: exactly one primary, who always has full access; the primary leaves only after handing over', async () => {
    expect((await changeContact(customerId, first.userId, { contactAccess: 'own' })).body.error.details[0].field).toBe('contactAccess');
    expect((await api(`/api/users/${first.userId}/deactivate`, { method: 'POST', token: admin.token })).status).toBe(409);
    const moved = await changeContact(customerId, second.userId, { isPrimaryContact: true });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const contacts = (await customer(customerId)).body.contacts as { userId: string; isPrimaryContact: boolean; contactAccess: string }[];
    expect(contacts.filter((c) => c.isPrimaryContact).map((c) => c.userId)).toEqual([second.userId]);
    expect(contacts.find((c) => c.userId === first.userId)).toMatchObject({ isPrimaryContact: false, contactAccess: 'full' });
    // No longer primary: they may leave, and what they asked for stays the customer's.
    expect((await api(`/api/users/${first.userId}/deactivate`, { method: 'POST', token: admin.token })).status).toBe(200);
    expect((await changeContact(customerId, first.userId, { isPrimaryContact: true })).status).toBe(422);
    expect((await customer(customerId)).body.kpis.openRequests).toBe(1);
  });

  it('a contact of another customer is not found through this one', async () => {
    const jane = await signIn('jane.smith@example.com');
    expect(
      (await api(`/api/customers/${customerId}/contacts/${jane.userId}`, { method: 'PATCH', token: admin.token, body: json({ version: 1 }) })).status,
    ).toBe(404);
  });
});

describe('the 360° page', () => {
  it('shows figures and the timeline, newest first, to admins and leads, and to a team member only once they manage the customer', async () => {
    const made = (await create({ name: `Copper Kettle ${run}` })).body;
    const owner = await join('Cleo', made.customerId);
    // A service Mike holds no skill for: the ranking never gives him this customer's work.
    const asked = { serviceId: 'svc-financial-statement-review', title: `Copper asks ${run}`, requirements: { 'q-period': 'FY2025' } };
    await api('/api/requests', { method: 'POST', token: owner.token, body: json(asked) });

    const page = await customer(made.customerId, lead);
    expect(page.status).toBe(200);
    expect(page.body.kpis).toMatchObject({ openRequests: 1, revenue: 0, bookingsThisQuarter: 0, noShowRate: null, currency: 'USD' });
    expect((await customer(made.customerId, member)).status).toBe(404);
    const membersList = async () =>
      ((await api(`/api/customers?q=${encodeURIComponent(`copper kettle ${run}`)}`, { token: member.token })).body.items as { customerId: string }[]).map(
        (c) => c.customerId,
      );
    expect(await membersList()).toEqual([]);
    await api(`/api/customers/${made.customerId}`, {
      method: 'PATCH',
      token: admin.token,
      body: json({ version: page.body.version, accountManagerId: member.userId }),
    });
    expect((await customer(made.customerId, member)).status).toBe(200);
    expect(await membersList()).toEqual([made.customerId]);

    const { body: timeline } = await api(`/api/customers/${made.customerId}/timeline?limit=10`, { token: lead.token });
    const entries = timeline.items as { action: string; at: string }[];
    expect(entries.map((e) => e.at)).toEqual(
      entries
        .map((e) => e.at)
        .sort()
        .reverse(),
    );
    // Automatic assignment adds its own entry whenever it runs.
    const actions = entries.map((e) => e.action).filter((a) => !['request.assigned', 'request.unassigned'].includes(a));
    expect(actions).toEqual(['customer.updated', 'request.submitted', 'user.invited', 'customer.created']);
    expect((await api(`/api/customers/${made.customerId}/timeline`, { token: member.token })).status).toBe(200);
    expect((await api(`/api/customers/${made.customerId}/timeline`, { token: otherFirmAdmin.token })).status).toBe(404);
  });
});

describe("a customer's appointments", () => {
  it('lists those to come and those past, whichever contact booked them, and nobody else’s', { timeout: 60_000 }, async () => {
    const fixtures = bookingFixtures();
    await fixtures.staff('Ivo');
    const serviceId = await fixtures.service();
    const made = (await create({ name: `Cedar Clinic ${run}` })).body;
    const [cora, dana] = [await join('Cora', made.customerId), await join('Dana', made.customerId, { contactAccess: 'own' })];
    const book = async (who: Signed, day: number) => {
      const booked = await api('/api/bookings', {
        method: 'POST',
        token: who.token,
        body: json({ serviceId, start: at(day, 600), timeZone: 'Europe/London' }),
      });
      expect(booked.status, JSON.stringify(booked.body)).toBe(201);
      return booked.body.bookingId as string;
    };
    const [soon, later] = [await book(cora, 3), await book(dana, 5)];
    const jane = await signIn('jane.smith@example.com');
    const janes = await api('/api/bookings', { method: 'POST', token: jane.token, body: json({ serviceId, start: at(4, 600), timeZone: 'Europe/London' }) });
    expect(janes.status).toBe(201);

    const listed = async (when: string, who = admin) =>
      ((await api(`/api/customers/${made.customerId}/bookings?when=${when}`, { token: who.token })).body.items as { bookingId: string }[]).map(
        (b) => b.bookingId,
      );
    expect(await listed('upcoming')).toEqual([soon, later]);
    expect(await listed('past')).toEqual([]);
    expect((await api(`/api/customers/${made.customerId}/bookings`, { token: member.token })).status).toBe(404);
    expect((await api(`/api/customers/${made.customerId}/bookings?when=soon`, { token: admin.token })).status).toBe(400);
  });
});

describe('merging customers', () => {
  it('moves the contacts and records of one into the other, keeps one primary, removes the merged one, and is audited', async () => {
    const kept = (await create({ name: `Birch & Co ${run}` })).body;
    const merged = (await create({ name: `Birch and Company ${run}` })).body;
    const keeper = await join('Bea', kept.customerId);
    const mover = await join('Milo', merged.customerId);
    const asked = (await api('/api/requests', { method: 'POST', token: mover.token, body: payroll(`Birch asks ${run}`) })).body;

    const merge = (from: string, into = kept.customerId) => api(`/api/customers/${into}/merge`, { method: 'POST', token: admin.token, body: json({ from }) });
    expect((await merge(kept.customerId)).status).toBe(400);
    expect((await merge('cus-nobody')).status).toBe(400);
    expect((await merge(merged.customerId)).status).toBe(200);

    expect((await customer(merged.customerId)).status).toBe(404);
    const { body } = await customer(kept.customerId);
    expect(body.contacts.filter((c: { isPrimaryContact: boolean }) => c.isPrimaryContact).map((c: { userId: string }) => c.userId)).toEqual([keeper.userId]);
    expect(body.contacts.map((c: { userId: string }) => c.userId)).toContain(mover.userId);
    // The primary contact of the customer kept sees the moved request; its asker still does.
    expect((await api(`/api/requests/${asked.requestId}`, { token: keeper.token })).body.customerId).toBe(kept.customerId);
    expect((await api(`/api/requests/${asked.requestId}`, { token: mover.token })).status).toBe(200);
    // Automatic assignment of the moved request may land after the merge, on this customer's timeline too.
    const { body: timeline } = await api(`/api/customers/${kept.customerId}/timeline?limit=5`, { token: admin.token });
    const mergeEntry = (timeline.items as { action: string; changes: { field: string; from: unknown }[] }[]).find((e) => e.action === 'customer.merged');
    expect(mergeEntry?.changes).toContainEqual({ field: 'mergedCustomer', from: { customerId: merged.customerId, name: merged.name }, to: null });
  });
});

describe("a client's own organisation", () => {
  it('shows its contacts; its primary contact invites colleagues and chooses what they see, while the firm allows it', { timeout: 60_000 }, async () => {
    const { customerId } = (await create({ name: `Willow Dental ${run}` })).body;
    const pia = await join('Pia', customerId);
    const col = await join('Col', customerId, { contactAccess: 'own' });
    const mine = (await api('/api/requests', { method: 'POST', token: pia.token, body: payroll(`Willow asks ${run}`) })).body;

    const own = await api('/api/organisation', { token: pia.token });
    expect(own.body).toMatchObject({ customer: { customerId, name: `Willow Dental ${run}` }, mayInvite: true, mayManage: true });
    expect(own.body.contacts).toHaveLength(2);
    expect(own.body.customer.notes).toBeUndefined();
    expect((await api('/api/organisation', { token: col.token })).body).toMatchObject({ mayInvite: false, mayManage: false });
    expect((await api('/api/organisation', { token: admin.token })).status).toBe(404);

    const email = `wren-${run}@example.com`;
    const colleague = (body: Record<string, unknown>, who = pia) => api('/api/organisation/contacts', { method: 'POST', token: who.token, body: json(body) });
    expect((await colleague({ email, name: 'Wren' }, col)).status).toBe(403);
    expect((await colleague({ email, name: 'Wren', contactAccess: 'full' })).status).toBe(201);
    await nextEmailTo(email);
    const contacts = (await api('/api/organisation', { token: pia.token })).body.contacts as {
      email: string;
      isPrimaryContact: boolean;
      contactAccess: string;
    }[];
    expect(contacts.find((c) => c.email === email)).toMatchObject({ isPrimaryContact: false, contactAccess: 'full' });

    // What a colleague sees is the primary contact's choice; not their own, nor another customer's people.
    const see = (userId: string, contactAccess: string, who = pia, version = 1) =>
      api(`/api/organisation/contacts/${userId}`, { method: 'PATCH', token: who.token, body: json({ version, contactAccess }) });
    expect((await api(`/api/requests/${mine.requestId}`, { token: col.token })).status).toBe(404);
    const colVersion = ((await api('/api/organisation', { token: pia.token })).body.contacts as { userId: string; version: number }[]).find(
      (c) => c.userId === col.userId,
    )!.version;
    expect((await see(col.userId, 'full', pia, colVersion)).status).toBe(200);
    expect((await api(`/api/requests/${mine.requestId}`, { token: col.token })).status).toBe(200);
    expect((await see(pia.userId, 'own')).status).toBe(403);
    expect((await see(col.userId, 'own', col)).status).toBe(403);
    expect((await see((await signIn('jane.smith@example.com')).userId, 'own')).status).toBe(404);

    // A firm that adds colleagues itself.
    const policy = (contactsInvite: boolean) => api('/api/firm/access-policy', { method: 'PATCH', token: admin.token, body: json({ contactsInvite }) });
    expect((await policy(false)).status).toBe(200);
    try {
      expect((await api('/api/organisation', { token: pia.token })).body.mayInvite).toBe(false);
      expect((await colleague({ email: `yara-${run}@example.com`, name: 'Yara' })).status).toBe(403);
    } finally {
      await policy(true);
    }
  });

  it('signing up with an address at a customer’s domain never joins that customer', async () => {
    const email = `newcomer-${run}@acme.example`;
    expect((await api('/api/signup/designpi', { method: 'POST', body: json({ name: 'Nia Newcomer', email }) })).status).toBe(202);
    const token = new URL(linkIn(await nextEmailTo(email), '/invitation/?token=')).searchParams.get('token')!;
    expect((await api('/api/invitations/accept', { method: 'POST', body: json({ token, password: 'Nia-Passw0rd!!' }) })).status).toBe(201);
    const nia = await signIn(email, 'Nia-Passw0rd!!');
    const { body } = await api('/api/organisation', { token: nia.token });
    expect(body.customer.customerId).not.toBe('cus-acme');
    expect(body.contacts.map((c: { email: string }) => c.email)).toEqual([email]);
  });
});
