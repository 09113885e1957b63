import { beforeAll, describe, expect, it } from 'vitest';
import { api, joinAs, type Signed } from '../../infra/local/test-client.ts';
import { totp } from '../../infra/local/test-totp.ts';
import { database } from '../../shared/db/all-entities.ts';

// A person of this test's own: turning two-step sign-in on changes how they sign in.
const email = 'two-step@example.com';
const password = 'Two-Step-Passw0rd!';
let person: Signed;
let secret: string;
const post = (path: string, body: unknown, token?: string) => api(path, { method: 'POST', body: JSON.stringify(body), ...(token && { token }) });

beforeAll(async () => {
  person = await joinAs({ email, name: 'Tess Twostep', role: 'TEAM_MEMBER', password });
});

describe('turning on two-step sign-in', () => {
  it('asks for the password again, naming it when wrong', async () => {
    const wrong = await post('/api/auth/mfa/setup', { password: 'not-it' }, person.token);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details).toMatchObject([{ field: 'password', message: 'is not your current password' }]);
  });

  it('gives the app secret, refuses a wrong code, and turns on with the right one', async () => {
    const setup = await post('/api/auth/mfa/setup', { password }, person.token);
    expect(setup.status).toBe(201);
    secret = setup.body.secret;
    expect(setup.body.otpauthUri).toBe(`otpauth://totp/Service%20Portal%3A${encodeURIComponent(email)}?secret=${secret}&issuer=Service%20Portal`);

    const wrong = await post('/api/auth/mfa/confirm', { code: totp(secret, Date.now() - 10 * 60_000) }, person.token);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].field).toBe('code');
    const malformed = await post('/api/auth/mfa/confirm', { code: '12ab' }, person.token);
    expect(malformed.body.error.details).toMatchObject([{ field: 'code', message: 'must be the 6 digits your authenticator app shows' }]);

    expect((await post('/api/auth/mfa/confirm', { code: totp(secret) }, person.token)).status).toBe(204);
    expect((await api('/api/me', { token: person.token })).body.user.mfaEnabled).toBe(true);
    const { data } = await database().entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'user', entityId: person.userId }).go();
    expect(data.map((a) => a.action)).toContain('auth.mfa_enabled');
  });

  it('will not start again once on, and a confirmation needs a set-up in progress', async () => {
    expect((await post('/api/auth/mfa/setup', { password }, person.token)).status).toBe(409);
    expect((await post('/api/auth/mfa/confirm', { code: totp(secret) }, person.token)).status).toBe(409);
  });
});

describe('password guesses through a stolen session', () => {
  it('pause the account after five, as failed sign-ins do, and are audited', async () => {
    const guesser = await joinAs({ email: 'stolen-session@example.com', name: 'Sam Stolen', role: 'CLIENT', password: 'Sam-Real-Passw0rd!' });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await post('/api/auth/mfa/setup', { password: `guess-${i}` }, guesser.token)).status);
    expect(answers).toEqual([400, 400, 400, 400, 429]);
    // Paused for every route that checks the password, even with the right one.
    expect((await post('/api/auth/mfa/setup', { password: 'Sam-Real-Passw0rd!' }, guesser.token)).status).toBe(429);
    expect((await post('/api/auth/login', { email: 'stolen-session@example.com', password: 'Sam-Real-Passw0rd!' })).status).toBe(429);
    const audited = async () =>
      (await database().entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'user', entityId: guesser.userId }).go()).data.map((a) => a.action);
    await expect.poll(async () => (await audited()).filter((a) => a === 'auth.login_failed').length, { timeout: 10_000 }).toBe(4);
    await expect.poll(async () => (await audited()).filter((a) => a === 'auth.account_paused').length, { timeout: 10_000 }).toBe(1);
  });
});

describe('signing in with two-step sign-in on', () => {
  it('answers the right password with a challenge, not a session, and no cookie', async () => {
    const res = await post('/api/auth/login', { email, password });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ totp: { session: expect.any(String) } });
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('signs in with the current code only', async () => {
    const { body } = await post('/api/auth/login', { email, password });
    const wrong = await post('/api/auth/mfa/challenge', { email, session: body.totp.session, code: totp(secret, Date.now() - 10 * 60_000) });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].field).toBe('code');

    const { body: again } = await post('/api/auth/login', { email, password });
    const res = await post('/api/auth/mfa/challenge', { email, session: again.totp.session, code: totp(secret) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ user: { email, mfaEnabled: true }, home: '/staff/' });
    expect(res.headers.get('set-cookie')).toMatch(/^sp_refresh=/);
    // The session lasts past the ID token: its refresh token works.
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    expect((await api('/api/auth/refresh', { method: 'POST', cookie })).status).toBe(200);
  });

  it('still refuses a wrong password before any code', async () => {
    expect((await post('/api/auth/login', { email, password: 'wrong' })).status).toBe(401);
  });
});

describe('turning two-step sign-in off', () => {
  const off = (body: unknown) => post('/api/auth/mfa/disable', body, person.token);

  it('asks for the password and a current code, naming whichever is wrong', async () => {
    const wrongPassword = await off({ password: 'not-it', code: totp(secret) });
    expect(wrongPassword.status).toBe(400);
    expect(wrongPassword.body.error.details).toMatchObject([{ field: 'password', message: 'is not your current password' }]);
    const wrongCode = await off({ password, code: totp(secret, Date.now() - 10 * 60_000) });
    expect(wrongCode.status).toBe(400);
    expect(wrongCode.body.error.details[0].field).toBe('code');
  });

  it('turns off with both, audited, and sign-in no longer asks for a code', async () => {
    expect((await off({ password, code: totp(secret) })).status).toBe(204);
    expect((await api('/api/me', { token: person.token })).body.user.mfaEnabled).toBe(false);
    const { data } = await database()
      .entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'user', entityId: person.userId })
      .go({ order: 'desc', limit: 1 });
    expect(data[0]).toMatchObject({ action: 'auth.mfa_disabled', changes: [{ field: 'mfaEnabled', from: true, to: false }] });
    expect((await post('/api/auth/login', { email, password })).status).toBe(200);
    expect((await off({ password, code: totp(secret) })).status).toBe(409);
  });
});
