import { beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, type Signed } from '../../infra/local/test-client.ts';

let admin: Signed;
let otherAdmin: Signed;

beforeAll(async () => {
  [admin, otherAdmin] = await Promise.all([signIn('hello@designpi.com'), signIn('admin@northwind.example')]);
});

describe('GET /api/users', () => {
  it("pages through the caller's own firm only, with a cursor", async () => {
    // Every page of a given size, to the end (other tests keep inviting people into the same firm).
    const everyone = async (limit: number) => {
      const emails: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const res = await api(`/api/users${query}`, { token: admin.token });
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(limit);
        emails.push(...res.body.items.map((u: { email: string }) => u.email));
        cursor = res.body.nextCursor;
      } while (cursor);
      return emails;
    };
    const emails = await everyone(7);
    // The seeded six are always there.
    expect(emails).toEqual(
      expect.arrayContaining([
        'bob.wilson@example.com',
        'hello@designpi.com',
        'jane.smith@example.com',
        'john.doe@example.com',
        'mike@designpi.com',
        'sarah@designpi.com',
      ]),
    );
    expect(new Set(emails).size).toBe(emails.length); // no row twice across pages
    // Small pages and large ones list the same people (those invited meanwhile aside).
    const inLargePages = await everyone(100);
    expect(inLargePages).toEqual(expect.arrayContaining(emails));
    // Northwind's people (priya@client.example may be here as DesignPi's own invitation: invitations.int.test.ts).
    expect(emails.some((e) => /northwind/.test(e))).toBe(false);
  });

  it('never shows another firm, whatever the cursor says', async () => {
    const theirs = await api('/api/users?limit=1', { token: otherAdmin.token });
    const everyoneTheirs = await api('/api/users?limit=100', { token: otherAdmin.token });
    const ours = ['hello@designpi.com', 'sarah@designpi.com', 'mike@designpi.com', 'john.doe@example.com', 'jane.smith@example.com', 'bob.wilson@example.com'];
    expect(everyoneTheirs.body.items.filter((u: { email: string }) => ours.includes(u.email))).toEqual([]);
    const res = await api(`/api/users?limit=5&cursor=${encodeURIComponent(theirs.body.nextCursor)}`, { token: admin.token });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('query.cursor');
  });

  it('rejects a bad limit naming the field', async () => {
    const res = await api('/api/users?limit=0', { token: admin.token });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ field: 'query.limit' });
  });
});
