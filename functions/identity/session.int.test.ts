import { describe, expect, it } from 'vitest';
import { database } from '../../shared/db/all-entities.ts';
import { api, signIn } from '../../infra/local/test-client.ts';

const login = (body: unknown) => api('/api/auth/login', { method: 'POST', body: JSON.stringify(body) });

describe('sign-in', () => {
  it('returns a session for the role and sets an HttpOnly, Secure, SameSite=Strict refresh cookie', async () => {
    const res = await login({ email: 'Sarah@DesignPi.com ', password: 'Demo-Passw0rd!' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ user: { name: 'Sarah Johnson', role: 'TEAM_LEAD' }, tenant: { slug: 'designpi' }, home: '/staff/' });
    expect(res.body.permissions).toContain('service_requests.assign');
    expect(res.body.user).not.toHaveProperty('tokensValidAfter');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^sp_refresh=.+; Path=\/api\/auth; HttpOnly; Secure; SameSite=Strict; Max-Age=\d+$/);
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('audits the sign-in', async () => {
    const { userId } = await signIn('mike@designpi.com');
    const { data } = await database().entities.audit.query.byActor({ tenantId: 't-designpi', actorId: userId }).go({ order: 'desc', limit: 1 });
    expect(data[0]).toMatchObject({ action: 'auth.login', entityType: 'user', entityId: userId, actorRole: 'TEAM_MEMBER' });
    expect(data[0]!.ip).toBeTruthy();
  });

  it('refuses a wrong password with 401 and no cookie, without saying which part was wrong', async () => {
    const res = await login({ email: 'john.doe@example.com', password: 'not-it' });
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'unauthenticated', message: 'Email or password is incorrect.' });
    expect(res.headers.get('set-cookie')).toBeNull();
    const unknown = await login({ email: 'nobody@example.com', password: 'not-it' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.message).toBe(res.body.error.message);
  });

  it('names each invalid field with 400', async () => {
    const res = await login({ email: 'not-an-email' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'password']);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await api('/api/auth/login', { method: 'POST', body: '{"email":' });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toMatchObject([{ field: 'body', message: 'is not valid JSON' }]);
  });
});

describe('refresh and sign-out', () => {
  it('renews the token from the cookie, and refuses without one', async () => {
    const { cookie } = await signIn('jane.smith@example.com');
    const renewed = await api('/api/auth/refresh', { method: 'POST', cookie });
    expect(renewed.status).toBe(200);
    expect(renewed.body.user.email).toBe('jane.smith@example.com');
    expect((await api('/api/me', { token: renewed.body.token })).status).toBe(200);
    expect((await api('/api/auth/refresh', { method: 'POST' })).status).toBe(401);
    expect((await api('/api/auth/refresh', { method: 'POST', cookie: 'sp_refresh=forged' })).status).toBe(401);
  });

  it("refuses a cookie that names one session and carries another person's refresh token", async () => {
    const jane = await signIn('jane.smith@example.com');
    const john = await signIn('john.doe@example.com');
    const [janeTenant, janeSession] = decodeURIComponent(jane.cookie.slice('sp_refresh='.length)).split('.');
    const johnToken = decodeURIComponent(john.cookie.slice('sp_refresh='.length)).split('.').slice(2).join('.');
    const stitched = `sp_refresh=${encodeURIComponent(`${janeTenant}.${janeSession}.${johnToken}`)}`;
    expect((await api('/api/auth/refresh', { method: 'POST', cookie: stitched })).status).toBe(401);
    const unnamed = `sp_refresh=${encodeURIComponent(johnToken)}`; // a cookie from before sessions had names
    expect((await api('/api/auth/refresh', { method: 'POST', cookie: unnamed })).status).toBe(401);
  });

  it("ends this session only: its refresh and ID tokens stop working, other devices' do not", async () => {
    const other = await signIn('bob.wilson@example.com');
    const { token, cookie } = await signIn('bob.wilson@example.com');
    const out = await api('/api/auth/logout', { method: 'POST', token, cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^sp_refresh=; .*Max-Age=0/);
    expect((await api('/api/me', { token })).status).toBe(401);
    expect((await api('/api/auth/refresh', { method: 'POST', cookie })).status).toBe(401);
    expect((await api('/api/me', { token: other.token })).status).toBe(200);
    expect((await api('/api/auth/refresh', { method: 'POST', cookie: other.cookie })).status).toBe(200);
  });

  it('shuts out a deactivated user at once', async () => {
    const { token, userId } = await signIn('omar@northwind.example');
    expect((await api('/api/me', { token })).status).toBe(200);
    const user = database().entities.user;
    await user.patch({ tenantId: 't-northwind', userId }).set({ status: 'deactivated' }).go();
    try {
      const res = await api('/api/me', { token });
      expect(res.status).toBe(401);
      expect(res.body.error.message).toBe('This account is not active.');
    } finally {
      await user.patch({ tenantId: 't-northwind', userId }).set({ status: 'active' }).go();
    }
  });

  it('refuses tampered and foreign tokens', async () => {
    const { token } = await signIn('john.doe@example.com');
    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const forged = [h, Buffer.from(JSON.stringify({ ...claims, 'custom:tenantId': 't-northwind' })).toString('base64url'), s].join('.');
    expect((await api('/api/me', { token: forged })).status).toBe(401);
    expect((await api('/api/me', { token: 'not.a.jwt' })).status).toBe(401);
  });
});
