import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, joinAs, newVisitorAddress, signIn } from '../../infra/local/test-client.ts';
import { linkIn, nextEmailTo } from '../../infra/local/test-inbox.ts';
import { database } from '../../shared/db/all-entities.ts';

// People of this test's own: pausing a seeded account would break other tests.
const email = 'guarded@example.com';
const password = 'Guarded-Passw0rd!';
let userId: string;
const home = newVisitorAddress();

/** A sign-in from `address` (a loopback address of its own: another visitor). */
const login = (who: string, secret: string, address = home) =>
  api('/api/auth/login', { method: 'POST', from: address, body: JSON.stringify({ email: who, password: secret }) });
const accountKey = (who: string) => ({ scope: 'account' as const, subject: createHash('sha256').update(who).digest('hex') });

beforeAll(async () => {
  ({ userId } = await joinAs({ email, name: 'Gus Guarded', role: 'CLIENT', password }));
});

describe('repeated failed sign-ins', () => {
  it('pause the account after five in a row, even for the right password, and audit each one', async () => {
    for (let i = 1; i <= 4; i++) expect((await login(email, `wrong-${i}`)).status).toBe(401);
    const fifth = await login(email, 'wrong-5');
    expect(fifth.status).toBe(429);
    expect(fifth.body.error.message).toBe('Too many failed sign-ins. Try again in 15 minutes, or reset your password.');
    expect(Number(fifth.headers.get('retry-after'))).toBeGreaterThan(14 * 60);

    const right = await login(email, password);
    expect(right.status).toBe(429);
    expect(right.headers.get('set-cookie')).toBeNull();

    // Audited after the answers, each at the time of its attempt (ADR 0017).
    const lastFive = async () =>
      (await database().entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'user', entityId: userId }).go({ order: 'desc', limit: 5 })).data;
    await expect
      .poll(async () => (await lastFive()).map((e) => e.action), { timeout: 10_000 })
      .toEqual(['auth.account_paused', 'auth.login_failed', 'auth.login_failed', 'auth.login_failed', 'auth.login_failed']);
    const data = await lastFive();
    expect(data[0]).toMatchObject({ actorId: 'anonymous', actorRole: 'anonymous', ip: home });
  });

  it('let the owner in again once the pause is over, and a success forgets earlier failures', async () => {
    const key = accountKey(email);
    const past = Math.floor(Date.now() / 1000) - 1;
    await database().entities.signInGuard.patch(key).set({ lockedUntil: past }).go();
    expect((await login(email, password)).status).toBe(200);
    expect((await database().entities.signInGuard.get(key).go()).data).toBeNull();
  });

  it('are ended by a password reset from the emailed link', async () => {
    for (let i = 1; i <= 5; i++) await login(email, `wrong-${i}`);
    expect((await login(email, password)).status).toBe(429);
    const mails = (await api('/api/auth/forgot-password', { method: 'POST', body: JSON.stringify({ email }) })).status;
    expect(mails).toBe(202);
    const link = linkIn(await nextEmailTo(email, 1), '/reset-password/?token=');
    const token = new URL(link).searchParams.get('token')!;
    expect((await api('/api/auth/reset-password', { method: 'POST', body: JSON.stringify({ token, password: 'Guarded-Passw0rd-2!' }) })).status).toBe(204);
    expect((await login(email, 'Guarded-Passw0rd-2!')).status).toBe(200);
  });

  it('pause an unknown address the same way, so a pause reveals nothing about who has an account', async () => {
    for (let i = 1; i <= 4; i++) expect((await login('nobody-here@example.com', 'x')).status).toBe(401);
    const fifth = await login('nobody-here@example.com', 'x');
    expect(fifth.status).toBe(429);
    expect(fifth.body.error.message).toBe('Too many failed sign-ins. Try again in 15 minutes, or reset your password.');
  });

  it('from one network, twenty in a window, pause that network but not others', async () => {
    const address = newVisitorAddress();
    for (let i = 0; i < 20; i++) expect((await login(`stranger-${i}@example.com`, 'x', address)).status).toBe(401);
    const blocked = await login('john.doe@example.com', 'Demo-Passw0rd!', address);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.message).toMatch(/^Too many failed sign-ins from your network\. Try again in \d+ minutes\.$/);
    expect((await login('john.doe@example.com', 'Demo-Passw0rd!', newVisitorAddress())).status).toBe(200);
    await signIn('john.doe@example.com'); // and from the test's own address
  });

  it('name the network by the connection, never by a header the client sends', async () => {
    const address = newVisitorAddress();
    const spoofed = { 'cloudfront-viewer-address': '203.0.113.9:443', 'x-viewer-address': '203.0.113.9', 'x-forwarded-for': '203.0.113.9' };
    for (let i = 0; i < 20; i++) {
      const res = await api('/api/auth/login', {
        method: 'POST',
        from: address,
        headers: { ...spoofed, 'x-viewer-address': `203.0.113.${i}` },
        body: JSON.stringify({ email: `spoof-${i}@example.com`, password: 'x' }),
      });
      expect(res.status).toBe(401);
    }
    // Twenty failures from one connection address: paused, whatever the headers claimed.
    expect(
      (
        await api('/api/auth/login', {
          method: 'POST',
          from: address,
          headers: spoofed,
          body: JSON.stringify({ email: 'john.doe@example.com', password: 'Demo-Passw0rd!' }),
        })
      ).status,
    ).toBe(429);
  });
});
