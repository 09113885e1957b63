import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, joinAs, signIn, type Signed } from '../../infra/local/test-client.ts';
import { totp } from '../../infra/local/test-totp.ts';
import { database } from '../../shared/db/all-entities.ts';

let admin: Signed;
let otherAdmin: Signed;
let careful: Signed; // an admin of this test's own, with two-step sign-in on
let client: Signed;
const policy = (who: Signed) => api('/api/firm/access-policy', { token: who.token });
const change = (who: Signed, body: unknown) => api('/api/firm/access-policy', { method: 'PATCH', token: who.token, body: JSON.stringify(body) });

beforeAll(async () => {
  [admin, otherAdmin, client] = await Promise.all([signIn('hello@designpi.com'), signIn('admin@northwind.example'), signIn('bob.wilson@example.com')]);
  careful = await joinAs({ email: 'cara.careful@designpi.com', name: 'Cara Careful', role: 'ADMIN', password: 'Cara-Passw0rd!!' });
  const { body } = await api('/api/auth/mfa/setup', { method: 'POST', token: careful.token, body: JSON.stringify({ password: 'Cara-Passw0rd!!' }) });
  expect((await api('/api/auth/mfa/confirm', { method: 'POST', token: careful.token, body: JSON.stringify({ code: totp(body.secret) }) })).status).toBe(204);
});

// Whatever happens above, DesignPi goes back to its seeded rules for the tests after this file.
afterAll(async () => {
  await change(careful, { requireMfa: false, clientSignUp: true });
});

describe("the firm's access rules", () => {
  it("shows each admin their own firm's rules", async () => {
    // DesignPi's contactsInvite is switched off and on by customers.int.test.ts, which may run meanwhile.
    expect((await policy(admin)).body).toMatchObject({ clientSignUp: true, requireMfa: false, signUpPath: '/register/?firm=designpi' });
    expect((await policy(otherAdmin)).body).toEqual({ clientSignUp: false, requireMfa: false, contactsInvite: true, signUpPath: '/register/?firm=northwind' });
  });

  it('names what is wrong with a change', async () => {
    expect((await change(admin, {})).body.error.details).toMatchObject([{ field: 'body', message: 'must change clientSignUp, requireMfa or contactsInvite' }]);
    expect((await change(admin, { clientSignUp: 'yes' })).body.error.details).toMatchObject([{ field: 'clientSignUp', message: 'must be true or false' }]);
  });

  it('closes client sign-up, audited, and the sign-up page says so at once', async () => {
    const res = await change(admin, { clientSignUp: false });
    expect(res.body).toMatchObject({ clientSignUp: false });
    expect((await api('/api/signup/designpi', { method: 'POST', body: JSON.stringify({ name: 'Late Comer', email: 'late@example.com' }) })).status).toBe(403);
    const { data } = await database()
      .entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'firm', entityId: 't-designpi' })
      .go({ order: 'desc', limit: 1 });
    expect(data[0]).toMatchObject({ action: 'firm.access_policy_changed', actorId: admin.userId, changes: [{ field: 'clientSignUp', from: true, to: false }] });
    expect((await change(admin, { clientSignUp: true })).body.clientSignUp).toBe(true);
  });

  it('lets only an admin who uses two-step sign-in require it of everyone', async () => {
    const refused = await change(admin, { requireMfa: true });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toBe('Turn on two-step sign-in for yourself first (Account page), then require it of everyone.');
    expect((await change(careful, { requireMfa: true })).body.requireMfa).toBe(true);
  });

  it('then shuts everyone without it out of everything but setting it up, at once', async () => {
    const me = await api('/api/me', { token: client.token });
    expect(me.body.mfaRequired).toBe(true);
    const blocked = await api('/api/notifications', { token: client.token });
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('mfa_required');
    expect((await api('/api/users', { token: admin.token })).body.error.code).toBe('mfa_required');
    expect((await api('/api/auth/mfa/setup', { method: 'POST', token: client.token, body: JSON.stringify({ password: 'wrong' }) })).status).toBe(400);
    // Someone who has it on carries on; another firm is untouched.
    expect((await api('/api/users', { token: careful.token })).status).toBe(200);
    expect((await api('/api/notifications', { token: otherAdmin.token })).status).toBe(200);
    // While it is required, it cannot be turned off.
    expect(
      (await api('/api/auth/mfa/disable', { method: 'POST', token: careful.token, body: JSON.stringify({ password: 'Cara-Passw0rd!!', code: '000000' }) }))
        .status,
    ).toBe(409);
  });

  it("keeps clients and team members away from the firm's rules", async () => {
    expect((await change(client, { clientSignUp: false })).status).toBe(403);
  });
});
