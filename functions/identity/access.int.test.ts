import { beforeAll, describe, expect, it } from 'vitest';
import { api, joinAs, signIn, type Signed } from '../../infra/local/test-client.ts';
import { database } from '../../shared/db/all-entities.ts';

let admin: Signed;
let otherAdmin: Signed;
let member: Signed; // of this test only: grants change what they may do
const email = 'gina@designpi.com';
const password = 'Gina-Passw0rd!!';
const tomorrow = () => new Date(Date.now() + 24 * 3600 * 1000).toISOString();
const grant = (by: Signed, userId: string, body: unknown) =>
  api(`/api/users/${userId}/grants`, { method: 'POST', token: by.token, body: JSON.stringify(body) });

beforeAll(async () => {
  [admin, otherAdmin] = await Promise.all([signIn('hello@designpi.com'), signIn('admin@northwind.example')]);
  member = await joinAs({ email, name: 'Gina Grant', role: 'TEAM_MEMBER', password });
});

describe('permissions', () => {
  it('lists what each role holds', async () => {
    const res = await api('/api/permissions', { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.body.roles.find((r: { role: string }) => r.role === 'TEAM_MEMBER').permissions).not.toContain('users.view');
    expect(res.body.permissions).toContain('users.view');
  });

  it('a grant works at once, until revoked, and both are audited', async () => {
    expect((await api('/api/users', { token: member.token })).status).toBe(403);
    const created = await grant(admin, member.userId, { permission: 'users.view', expiresAt: tomorrow() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ permission: 'users.view', active: true, grantedBy: admin.userId });
    // Same token: permissions come from the record on every request.
    expect((await api('/api/users', { token: member.token })).status).toBe(200);
    expect((await api('/api/me', { token: member.token })).body.permissions).toContain('users.view');

    const revoked = await api(`/api/users/${member.userId}/grants/${created.body.grantId}`, { method: 'DELETE', token: admin.token });
    expect(revoked.status).toBe(204);
    expect((await api('/api/users', { token: member.token })).status).toBe(403);
    const { data } = await database()
      .entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'user', entityId: member.userId })
      .go({ order: 'desc', limit: 2 });
    expect(data.map((a) => a.action)).toEqual(['permission.revoked', 'permission.granted']);
  });

  it('an expired grant gives nothing', async () => {
    const created = await grant(admin, member.userId, { permission: 'analytics.view', expiresAt: tomorrow() });
    const { data: person } = await database().entities.user.get({ tenantId: 't-designpi', userId: member.userId }).go();
    const grants = person!.grants!.map((g) => (g.grantId === created.body.grantId ? { ...g, expiresAt: new Date(Date.now() - 1000).toISOString() } : g));
    await database().entities.user.patch({ tenantId: 't-designpi', userId: member.userId }).set({ grants }).go();
    expect((await api('/api/me', { token: member.token })).body.permissions).not.toContain('analytics.view');
    const listed = await api(`/api/users/${member.userId}/grants`, { token: admin.token });
    expect(listed.body.items.find((g: { grantId: string }) => g.grantId === created.body.grantId)).toMatchObject({ active: false });
  });

  it('refuses self-grants, what the role has, and what the granter lacks', async () => {
    expect((await grant(admin, admin.userId, { permission: 'system.health', expiresAt: tomorrow() })).status).toBe(422);
    const roleHas = await grant(admin, member.userId, { permission: 'tasks.update', expiresAt: tomorrow() });
    expect(roleHas.status).toBe(422);
    expect(roleHas.body.error.message).toBe('Gina Grant already has tasks.update through their role.');
    // A team member lent the right to manage permissions still hands out only what they hold.
    const lent = await grant(admin, member.userId, { permission: 'permissions.manage', expiresAt: tomorrow() });
    expect(lent.status).toBe(201);
    const notHeld = await grant(member, admin.userId, { permission: 'users.manage', expiresAt: tomorrow() });
    expect(notHeld.status).toBe(403);
    expect(notHeld.body.error.message).toBe('You do not hold users.manage, so you cannot grant it.');
    expect((await api(`/api/users/${member.userId}/grants/${lent.body.grantId}`, { method: 'DELETE', token: admin.token })).status).toBe(204);
  });

  it('names bad input: past, too far, unknown', async () => {
    const past = await grant(admin, member.userId, { permission: 'users.view', expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.body.error.details).toMatchObject([{ field: 'expiresAt', message: 'must be in the future' }]);
    const far = await grant(admin, member.userId, { permission: 'users.view', expiresAt: new Date(Date.now() + 400 * 24 * 3600 * 1000).toISOString() });
    expect(far.body.error.details).toMatchObject([{ field: 'expiresAt', message: 'must be within a year: grants are temporary' }]);
    const unknown = await grant(admin, member.userId, { permission: 'everything', expiresAt: tomorrow() });
    expect(unknown.body.error.details).toMatchObject([{ field: 'permission', message: 'is not a permission of this portal' }]);
  });

  it("keeps another firm's admin out", async () => {
    expect((await api(`/api/users/${member.userId}/grants`, { token: otherAdmin.token })).status).toBe(404);
    expect((await grant(otherAdmin, member.userId, { permission: 'users.view', expiresAt: tomorrow() })).status).toBe(404);
  });
});
