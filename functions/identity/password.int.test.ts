import { beforeAll, describe, expect, it } from 'vitest';
import { api, joinAs, newVisitorAddress, signIn } from '../../infra/local/test-client.ts';
import { emailsTo, linkIn, nextEmailTo } from '../../infra/local/test-inbox.ts';
import { database } from '../../shared/db/all-entities.ts';
import { refreshSignIn } from './cognito.ts';

const forgot = (email: string, from?: string) => api('/api/auth/forgot-password', { method: 'POST', body: JSON.stringify({ email }), from });
const reset = (token: string, password: string) => api('/api/auth/reset-password', { method: 'POST', body: JSON.stringify({ token, password }) });
const login = (email: string, password: string) => api('/api/auth/login', { method: 'POST', body: JSON.stringify({ email, password }) });
const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

// A person of this test's own: resetting a seeded user's password would end other tests' sessions.
const email = 'reset-me@example.com';
const firstPassword = 'First-Passw0rd!';
let userId: string;

beforeAll(async () => {
  ({ userId } = await joinAs({ email, name: 'Riley Reset', role: 'CLIENT', password: firstPassword }));
});

/** Lets the next request through the once-a-minute limit. */
const skipInterval = () => database().entities.passwordReset.patch({ tenantId: 't-designpi', userId }).set({ requestedAt: '2000-01-01T00:00:00.000Z' }).go();

describe('forgotten password, end to end through the inbox', () => {
  it('answers the same for unknown and known addresses, looks into the address only after answering, and emails only the known one', async () => {
    const from = newVisitorAddress();
    const unknown = await forgot('no-such-person@example.com');
    const known = await forgot(email, from);
    expect([unknown.status, known.status]).toEqual([202, 202]);
    expect(unknown.body).toBe(known.body);
    const mail = await nextEmailTo(email, 1); // the first was the invitation
    expect(mail.subject).toBe('Reset your DesignPi portal password');
    expect(await emailsTo('no-such-person@example.com')).toHaveLength(0);
    // Recorded by the notifier (ADR 0017), as the person, from where they asked.
    const { data } = await database().entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'user', entityId: userId }).go();
    expect(data.find((a) => a.action === 'auth.password_reset_requested')).toMatchObject({ actorId: userId, actorName: 'Riley Reset', ip: from });
  });

  it('sends at most one email a minute per person', async () => {
    const before = (await emailsTo(email)).length;
    expect((await forgot(email)).status).toBe(202);
    // Two hops later (the notifier looks into the address, then emails): nothing more came.
    await new Promise((r) => setTimeout(r, 2500));
    expect(await emailsTo(email)).toHaveLength(before);
  });

  it('changes the password once with the link, and signs out every session', async () => {
    const session = await signIn(email, firstPassword);
    const link = linkIn((await emailsTo(email)).at(-1)!, '/reset-password/?token=');
    const weak = await reset(tokenOf(link), 'password');
    expect(weak.status).toBe(400);
    expect(weak.body.error.details[0]).toMatchObject({ field: 'password' });

    const otherDevice = await signIn(email, firstPassword);
    const renewedBefore = await api('/api/auth/refresh', { method: 'POST', cookie: otherDevice.cookie });
    expect(renewedBefore.status).toBe(200);

    expect((await reset(tokenOf(link), 'Second-Passw0rd!')).status).toBe(204);
    expect((await api('/api/me', { token: session.token })).status).toBe(401);
    // Every device's refresh cookie is dead, also one renewed before the reset...
    for (const cookie of [session.cookie, otherDevice.cookie, renewedBefore.headers.get('set-cookie')!.split(';')[0]!]) {
      const refused = await api('/api/auth/refresh', { method: 'POST', cookie });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('set-cookie')).toMatch(/^sp_refresh=; .*Max-Age=0/);
    }
    // ...and Cognito itself no longer renews the refresh token inside it.
    const rawToken = decodeURIComponent(session.cookie.slice('sp_refresh='.length)).split('.').slice(2).join('.');
    await expect(refreshSignIn(rawToken)).rejects.toThrow('Your session has ended');
    expect((await login(email, firstPassword)).status).toBe(401);
    expect((await login(email, 'Second-Passw0rd!')).status).toBe(200);

    const again = await reset(tokenOf(link), 'Another-Passw0rd!');
    expect(again.status).toBe(410);
    expect(again.body.error.message).toBe('This reset link has expired or was already used. Ask for a new one.');
  });

  it('refuses an expired link and a forged one', async () => {
    await skipInterval();
    const count = (await emailsTo(email)).length;
    await forgot(email);
    const link = linkIn(await nextEmailTo(email, count), '/reset-password/?token=');
    const forged = tokenOf(link).replace(/\.[^.]+$/, '.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect((await reset(forged, 'Never-Set-Passw0rd!')).status).toBe(404);
    await database()
      .entities.passwordReset.patch({ tenantId: 't-designpi', userId })
      .set({ linkExpiresAt: Math.floor(Date.now() / 1000) - 1 })
      .go();
    expect((await reset(tokenOf(link), 'Never-Set-Passw0rd!')).status).toBe(410);
    expect((await login(email, 'Second-Passw0rd!')).status).toBe(200);
  });

  it('audits the request and the reset', async () => {
    const { data } = await database().entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'user', entityId: userId }).go();
    const actions = data.map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.password_reset_requested', 'auth.password_reset']));
  });
});
