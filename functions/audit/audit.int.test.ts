import { beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, type Signed } from '../../infra/local/test-client.ts';

let admin: Signed;
let mike: Signed;
let otherAdmin: Signed;
const audit = (who: Signed, query = '') => api(`/api/audit${query}`, { token: who.token });
type Entry = {
  auditId: string;
  at: string;
  actorId: string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  ip: string | null;
};

beforeAll(async () => {
  mike = await signIn('mike@designpi.com');
  [admin, otherAdmin] = await Promise.all([signIn('hello@designpi.com'), signIn('admin@northwind.example')]);
});

describe('GET /api/audit', () => {
  it("lists the firm's entries newest first, with who (by name), what and from where", async () => {
    const res = await audit(admin, '?limit=50');
    expect(res.status).toBe(200);
    const items = res.body.items as Entry[];
    expect(items.map((e) => e.at)).toEqual([...items.map((e) => e.at)].sort().reverse());
    const mikesLogin = items.find((e) => e.actorId === mike.userId && e.action === 'auth.login');
    expect(mikesLogin).toMatchObject({ actorName: 'Mike Chen', entityType: 'user', entityId: mike.userId, ip: expect.any(String) });
  });

  it('filters by person, by record and by action', async () => {
    const byMike = (await audit(admin, `?actorId=${mike.userId}`)).body.items as Entry[];
    expect(byMike.length).toBeGreaterThan(0);
    expect(byMike.every((e) => e.actorId === mike.userId)).toBe(true);

    const record = (await audit(admin, `?entityType=user&entityId=${mike.userId}`)).body.items as Entry[];
    expect(record.every((e) => e.entityId === mike.userId)).toBe(true);

    const logins = (await audit(admin, '?action=auth.login&limit=100')).body.items as Entry[];
    expect(logins.length).toBeGreaterThan(0);
    expect(logins.every((e) => e.action === 'auth.login')).toBe(true);
  });

  it('bounds time inclusively at both ends', async () => {
    const [latest] = (await audit(admin, `?actorId=${mike.userId}&limit=1`)).body.items as Entry[];
    const at = encodeURIComponent(latest!.at);
    const exactly = (await audit(admin, `?from=${at}&to=${at}`)).body.items as Entry[];
    expect(exactly.map((e) => e.auditId)).toContain(latest!.auditId);
    const before = (await audit(admin, `?to=${encodeURIComponent(new Date(Date.parse(latest!.at) - 1).toISOString())}&actorId=${mike.userId}`)).body
      .items as Entry[];
    expect(before.map((e) => e.auditId)).not.toContain(latest!.auditId);
  });

  it('pages with a cursor, each entry once', async () => {
    const first = await audit(admin, '?limit=2');
    const second = await audit(admin, `?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    const ids = [...first.body.items, ...second.body.items].map((e: Entry) => e.auditId);
    expect(new Set(ids).size).toBe(4);
  });

  it("never shows another firm's entries, whatever is asked", async () => {
    const theirs = (await audit(otherAdmin, `?actorId=${mike.userId}`)).body.items as Entry[];
    expect(theirs).toEqual([]);
    const all = (await audit(otherAdmin, '?limit=100')).body.items as Entry[];
    expect(all.some((e) => e.actorId === mike.userId || e.actorId === admin.userId)).toBe(false);
  });

  it('names each bad filter', async () => {
    const backwards = await audit(admin, '?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z');
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details).toMatchObject([{ field: 'query.from', message: 'must not be after to' }]);
    const orphan = await audit(admin, '?entityId=abc');
    expect(orphan.body.error.details).toMatchObject([{ field: 'query.entityId', message: 'needs entityType too' }]);
    const notADate = await audit(admin, '?from=yesterday');
    expect(notADate.body.error.details[0]).toMatchObject({ field: 'query.from' });
  });
});
