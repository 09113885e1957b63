import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { database } from '../../shared/db/all-entities.ts';
import { dynamoClient } from '../../shared/db/client.ts';
import { api, joinAs, runJob } from '../../infra/local/test-client.ts';

const tenantId = 't-designpi';
const run = randomUUID().slice(0, 6);
const payroll = (title: string) => JSON.stringify({ serviceId: 'svc-payroll-setup', title, requirements: { 'q-employees': '3' } });
/** A client user as written before customers existed: none of the contact's attributes or index keys, and the company they typed. */
async function asBeforeCustomers(userId: string, company: string | undefined) {
  const { Key, TableName } = database().entities.user.get({ tenantId, userId }).params();
  await dynamoClient().send(
    new UpdateItemCommand({
      TableName,
      Key: marshall(Key),
      UpdateExpression: `REMOVE customerId, isPrimaryContact, contactRole, contactAccess, gsi3pk, gsi3sk${company ? ' SET company = :company' : ''}`,
      ...(company && { ExpressionAttributeValues: marshall({ ':company': company }) }),
    }),
  );
}
const userOf = async (userId: string) => (await database().entities.user.get({ tenantId, userId }).go()).data!;

describe('the migrate-customers job', () => {
  it(
    'makes customers of client users without one, shared by company, stamps their requests, and changes nothing when run again',
    { timeout: 60_000 },
    async () => {
      // Three clients from before customers: two typed the same company (differently), one typed none.
      const people = [];
      for (const [name, company] of [
        ['Olive Oldest', `Migrate ${run} Ltd`],
        ['Nico Newer', `  MIGRATE ${run} LTD. `],
        ['Sola Single', undefined],
      ] as const) {
        const person = await joinAs({ email: `migrate-${run}-${people.length}@example.com`, name, role: 'CLIENT', password: 'Migrate-Passw0rd!' });
        await asBeforeCustomers(person.userId, company);
        expect((await api('/api/requests', { method: 'POST', token: person.token, body: payroll(`Before customers ${run} ${name}`) })).status).toBe(201);
        people.push(person);
      }
      const [olive, nico, sola] = people;

      const first = await runJob('migrate-customers');
      // The company is new; the person without one already has the customer their invitation made (ADR 0023).
      expect(first.customers).toBeGreaterThanOrEqual(1);

      const [o, n, s] = await Promise.all([userOf(olive!.userId), userOf(nico!.userId), userOf(sola!.userId)]);
      expect(o.customerId).toBeDefined();
      expect(n.customerId).toBe(o.customerId);
      expect(s.customerId).not.toBe(o.customerId);
      expect([o, n, s].map((u) => [u.isPrimaryContact, u.contactAccess])).toEqual([
        [true, 'full'],
        [false, 'own'],
        [true, 'full'],
      ]);
      const { data: company } = await database().entities.customer.get({ tenantId, customerId: o.customerId! }).go();
      expect(company).toMatchObject({ name: `Migrate ${run} Ltd`, kind: 'business', status: 'active' });
      const { data: single } = await database().entities.customer.get({ tenantId, customerId: s.customerId! }).go();
      expect(single).toMatchObject({ name: 'Sola Single', kind: 'individual' });

      for (const person of [o, n, s]) {
        const { data: requests } = await database().entities.serviceRequest.query.byClient({ tenantId, clientId: person.userId }).go();
        expect(requests.map((r) => r.customerId)).toEqual([person.customerId]);
      }
      // The indexes by customer find the company's requests and contacts, whoever made them.
      const { data: companyRequests } = await database().entities.serviceRequest.query.byCustomer({ tenantId, customerId: o.customerId }).go();
      expect(companyRequests.map((r) => r.clientId).sort()).toEqual([o.userId, n.userId].sort());
      const { data: contacts } = await database().entities.user.query.byCustomer({ tenantId, customerId: o.customerId }).go();
      expect(contacts.map((c) => c.userId).sort()).toEqual([o.userId, n.userId].sort());
      const { data: audit } = await database().entities.audit.query.byEntity({ tenantId, entityType: 'customer', entityId: o.customerId! }).go();
      expect(audit.map((a) => a.action)).toEqual(['customer.created']);

      // Again: nothing left to do, and nothing changed.
      expect(await runJob('migrate-customers')).toMatchObject({ customers: 0, contacts: 0, requests: 0, bookings: 0 });
      expect(await userOf(nico!.userId)).toMatchObject({ customerId: o.customerId, isPrimaryContact: false });
      const { data: again } = await database().entities.audit.query.byEntity({ tenantId, entityType: 'customer', entityId: o.customerId! }).go();
      expect(again).toHaveLength(1);
    },
  );

  it('adds a later person of the same company to its customer, not as a second primary', async () => {
    const late = await joinAs({ email: `migrate-${run}-late@example.com`, name: 'Lars Later', role: 'CLIENT', password: 'Migrate-Passw0rd!' });
    await asBeforeCustomers(late.userId, `migrate ${run} ltd`);
    expect(await runJob('migrate-customers')).toMatchObject({ customers: 0, contacts: 1 });
    const lars = await userOf(late.userId);
    const { data: colleagues } = await database().entities.user.query.byRole({ tenantId, role: 'CLIENT' }).go({ pages: 'all' });
    const contacts = colleagues.filter((c) => c.customerId === lars.customerId);
    expect(contacts.filter((c) => c.isPrimaryContact)).toHaveLength(1);
    expect(lars).toMatchObject({ isPrimaryContact: false, contactAccess: 'own' });
  });

  it('leaves the demo customers as they are', async () => {
    const contactOf = async (email: string) => (await database().entities.user.query.byEmail({ tenantId, email }).go()).data[0];
    expect(await contactOf('john.doe@example.com')).toMatchObject({ customerId: 'cus-acme', isPrimaryContact: true, contactAccess: 'full' });
    expect(await contactOf('lisa@acme.example')).toMatchObject({ customerId: 'cus-acme', isPrimaryContact: false, contactAccess: 'own' });
  });
});
