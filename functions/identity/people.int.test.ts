import { beforeAll, describe, expect, it } from 'vitest';
import { api, joinAs, signIn, type Signed } from '../../infra/local/test-client.ts';
import { database } from '../../shared/db/all-entities.ts';

let admin: Signed;
let otherAdmin: Signed;
let lead: Signed;
let person: Signed; // someone of this test's own, changed and deactivated here
const email = 'pat@designpi.com';
const password = 'Pat-Passw0rd!!';
const patch = (who: Signed, userId: string, body: unknown) => api(`/api/users/${userId}`, { method: 'PATCH', token: who.token, body: JSON.stringify(body) });
const detail = async (userId: string) => (await api(`/api/users/${userId}`, { token: admin.token })).body;

beforeAll(async () => {
  [admin, otherAdmin, lead] = await Promise.all([signIn('hello@designpi.com'), signIn('admin@northwind.example'), signIn('sarah@designpi.com')]);
  person = await joinAs({ email, name: 'Pat Park', role: 'CLIENT', password });
});

describe("changing a person's profile and role", () => {
  it('shows the full profile to those who may see people, in their firm only', async () => {
    const res = await api(`/api/users/${person.userId}`, { token: lead.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email, name: 'Pat Park', role: 'CLIENT', status: 'active', version: expect.any(Number) });
    expect((await api(`/api/users/${person.userId}`, { token: otherAdmin.token })).status).toBe(404);
    expect((await patch(otherAdmin, person.userId, { version: 1, name: 'Hijacked' })).status).toBe(404);
  });

  it('promotes to team lead with a staff profile, audits the field changes, and the new role works at once', async () => {
    const { version } = await detail(person.userId);
    const res = await patch(admin, person.userId, {
      version,
      role: 'TEAM_LEAD',
      position: 'Payroll Lead',
      skills: [' Payroll ', 'TAX-PREPARATION'],
      expertiseLevel: 'senior',
      hourlyRate: 8800,
      managerId: lead.userId,
      timeZone: 'Asia/Kolkata',
      workingHours: {
        mon: [
          { start: '09:00', end: '13:00' },
          { start: '14:00', end: '18:00' },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      role: 'TEAM_LEAD',
      position: 'Payroll Lead',
      skills: ['payroll', 'tax-preparation'],
      managerId: lead.userId,
      version: version + 1,
    });
    // The role is read from the record on every request: the same token may now list people.
    expect((await api('/api/users', { token: person.token })).status).toBe(200);
    const { data } = await database()
      .entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'user', entityId: person.userId })
      .go({ order: 'desc', limit: 1 });
    expect(data[0]!.action).toBe('user.role_changed');
    expect(data[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'role', from: 'CLIENT', to: 'TEAM_LEAD' },
        { field: 'position', from: null, to: 'Payroll Lead' },
      ]),
    );
    expect(data[0]!.actorName).toBe('Diana Price');
  });

  it('refuses a stale version with 409, changing nothing', async () => {
    const { version, name } = await detail(person.userId);
    const stale = await patch(admin, person.userId, { version: version - 1, name: 'Too Late' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/changed by someone else meanwhile/);
    expect((await detail(person.userId)).name).toBe(name);
  });

  it('names bad fields: zone, hours, manager', async () => {
    const { version } = await detail(person.userId);
    const res = await patch(admin, person.userId, { version, timeZone: 'Mars/Olympus', workingHours: { tue: [{ start: '17:00', end: '09:00' }] } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['timeZone', 'workingHours']);
    const client = await signIn('john.doe@example.com');
    const manager = await patch(admin, person.userId, { version, managerId: client.userId });
    expect(manager.body.error.details).toMatchObject([{ field: 'managerId', message: 'must be a team member of this firm' }]);
  });

  it('keeps admins from changing their own role', async () => {
    const { version } = await detail(admin.userId);
    const res = await patch(admin, admin.userId, { version, role: 'CLIENT' });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe('You cannot change your own role.');
  });
});

describe('deactivating and reactivating', () => {
  it('shuts the person out at once and lets them back in', async () => {
    const before = await signIn(email, password);
    const out = await api(`/api/users/${person.userId}/deactivate`, { method: 'POST', token: admin.token });
    expect(out.status).toBe(200);
    expect(out.body.status).toBe('deactivated');
    expect((await api('/api/me', { token: person.token })).status).toBe(401);
    expect((await api('/api/auth/login', { method: 'POST', body: JSON.stringify({ email, password }) })).status).toBe(401);
    expect((await api(`/api/users/${person.userId}/deactivate`, { method: 'POST', token: admin.token })).status).toBe(409);

    const back = await api(`/api/users/${person.userId}/reactivate`, { method: 'POST', token: admin.token });
    expect(back.body.status).toBe('active');
    // Sessions from before the deactivation stay ended: reactivation does not revive them.
    for (const cookie of [before.cookie, person.cookie]) expect((await api('/api/auth/refresh', { method: 'POST', cookie })).status).toBe(401);
    expect((await api('/api/me', { token: before.token })).status).toBe(401);
    const again = await signIn(email, password);
    expect((await api('/api/auth/refresh', { method: 'POST', cookie: again.cookie })).status).toBe(200);
  });

  it('keeps admins from deactivating themselves', async () => {
    const res = await api(`/api/users/${admin.userId}/deactivate`, { method: 'POST', token: admin.token });
    expect(res.status).toBe(422);
  });
});
