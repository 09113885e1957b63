/** Promo codes as admins keep them, and as the booking page then prices with them. */
import { beforeAll, describe, expect, it } from 'vitest';
import { at, bookingFixtures, tenantId } from '../../infra/local/test-bookings.ts';
import { api, newVisitorAddress, signIn, type Signed } from '../../infra/local/test-client.ts';
import { PROMO_GUESSES_PER_ADDRESS } from '../bookings/promo-guard.ts';
import { database } from '../../shared/db/all-entities.ts';

const { run, service } = bookingFixtures();
let admin: Signed;
let otherFirm: Signed;
let serviceId: string;

const send = (who: Signed, method: string, path: string, body?: unknown) =>
  api(path, { method, token: who.token, ...(body !== undefined && { body: JSON.stringify(body) }) });
const quote = (promoCode: string, extra: Record<string, unknown> = {}, from?: string) =>
  api('/api/book/designpi/quote', { method: 'POST', from, body: JSON.stringify({ serviceId, start: at(3, 600), promoCode, ...extra }) });
const code = `SPRING-${run}`.toUpperCase();

beforeAll(async () => {
  [admin, otherFirm] = await Promise.all([signIn('hello@designpi.com'), signIn('admin@northwind.example')]);
  serviceId = await service();
});

describe('promo codes', () => {
  it('are added by an admin, audited, and priced with at once on the booking page', async () => {
    const created = await send(admin, 'POST', '/api/promo-codes', {
      code: ` ${code.toLowerCase()} `,
      kind: 'percent',
      value: 25,
      maxUses: 2,
      oncePerClient: true,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ code, kind: 'percent', value: 25, uses: 0, maxUses: 2, oncePerClient: true, active: true, version: 1 });
    expect(created.body.currency).toBeUndefined();
    expect((await quote(code)).body).toMatchObject({ discount: { code, amount: 3_750 }, total: 11_250 });
    const { data: audit } = await database().entities.audit.query.byEntity({ tenantId, entityType: 'promo_code', entityId: code }).go();
    expect(audit.map((a) => a.action)).toEqual(['promo.created']);

    expect((await send(admin, 'POST', '/api/promo-codes', { code, kind: 'fixed', value: 500 })).status).toBe(409);
    const listed = await send(admin, 'GET', '/api/promo-codes?limit=100');
    expect(listed.body.items.map((p: { code: string }) => p.code)).toContain(code);
    // Another firm neither sees nor changes it.
    const theirs = await send(otherFirm, 'GET', '/api/promo-codes?limit=100');
    expect(theirs.body.items.map((p: { code: string }) => p.code)).not.toContain(code);
    expect((await send(otherFirm, 'PUT', `/api/promo-codes/${code}`, { kind: 'percent', value: 90, version: 1 })).status).toBe(404);
  });

  it('are changed with the version seen, keep their uses, and stop applying once switched off', async () => {
    const name = `OFF-${run}`.toUpperCase();
    await send(admin, 'POST', '/api/promo-codes', { code: name, kind: 'percent', value: 10, validUntil: at(30, 0) });
    await database().entities.promo.patch({ tenantId, code: name }).add({ uses: 1 }).go();
    const changed = await send(admin, 'PUT', `/api/promo-codes/${name}`, { kind: 'fixed', value: 2_000, version: 1 });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ kind: 'fixed', value: 2_000, currency: 'USD', uses: 1, version: 2 });
    // The whole terms were sent: the end date left out is gone.
    expect(changed.body.validUntil).toBeUndefined();
    expect((await quote(name)).body).toMatchObject({ discount: { amount: 2_000 }, total: 13_000 });
    expect((await send(admin, 'PUT', `/api/promo-codes/${name}`, { kind: 'fixed', value: 100, version: 1 })).status).toBe(409);
    expect((await send(admin, 'PUT', `/api/promo-codes/${name}`, { kind: 'fixed', value: 2_000, active: false, version: 2 })).status).toBe(200);
    const refused = await quote(name);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toMatchObject([{ field: 'promoCode', message: 'is not a valid code' }]);
    const { data: audit } = await database().entities.audit.query.byEntity({ tenantId, entityType: 'promo_code', entityId: name }).go();
    expect(audit.filter((a) => a.action === 'promo.changed')).toHaveLength(2);
  });

  it('refuse bad terms naming the field', async () => {
    const fieldOf = async (body: unknown) => (await send(admin, 'POST', '/api/promo-codes', body)).body.error.details.map((d: { field: string }) => d.field);
    expect(await fieldOf({ code: 'X', kind: 'percent', value: 10 })).toEqual(['code']);
    expect(await fieldOf({ code: `BIG-${run}`, kind: 'percent', value: 150 })).toEqual(['value']);
    expect(await fieldOf({ code: `BIG-${run}`, kind: 'percent', value: 10, validFrom: at(5, 0), validUntil: at(4, 0) })).toEqual(['validUntil']);
    expect(await fieldOf({ code: `BIG-${run}`, kind: 'free', value: 10 })).toEqual(['kind']);
  });

  it('cannot be guessed: twenty wrong codes from one address, and that address gets no more answers for a while', async () => {
    const guesser = newVisitorAddress();
    for (let i = 0; i < PROMO_GUESSES_PER_ADDRESS; i++) expect((await quote(`GUESS-${run}-${i}`.toUpperCase(), {}, guesser)).status).toBe(400);
    const paused = await quote(code, {}, guesser); // even a real one
    expect(paused.status).toBe(429);
    expect(Number(paused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another visitor is not held back.
    expect((await quote(code, {}, newVisitorAddress())).status).toBe(200);
  });

  it('answers the same whoever asks: a quote does not tell who has used a once-per-client code', async () => {
    const once = `ONCE-${run}`.toUpperCase();
    await send(admin, 'POST', '/api/promo-codes', { code: once, kind: 'percent', value: 10, oncePerClient: true });
    const client = await signIn('john.doe@example.com');
    await database().entities.promoUse.put({ tenantId, code: once, clientId: client.userId, bookingId: 'b-used', usedAt: new Date().toISOString() }).go();
    const anonymous = await quote(once);
    expect(anonymous.status).toBe(200);
    // An email in the body is not read (the field is not part of a quote any more).
    const naming = await quote(once, { email: 'john.doe@example.com' });
    expect([naming.status, naming.body.promoProblem, naming.body.total]).toEqual([200, undefined, anonymous.body.total]);
  });
});
