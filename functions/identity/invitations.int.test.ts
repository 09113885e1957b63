import { beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, type Signed, invoke } from '../../infra/local/test-client.ts';
import { emailTo, emailsTo, linkIn, nextEmailTo } from '../../infra/local/test-inbox.ts';
import { database } from '../../shared/db/all-entities.ts';
import { busEvent } from '../../infra/local/test-events.ts';

let admin: Signed;
let otherAdmin: Signed;
const tokenOf = (link: string) => decodeURIComponent(new URL(link).searchParams.get('token')!);
const invite = (by: Signed, body: Record<string, unknown>) => api('/api/invitations', { method: 'POST', token: by.token, body: JSON.stringify(body) });

beforeAll(async () => {
  [admin, otherAdmin] = await Promise.all([signIn('hello@designpi.com'), signIn('admin@northwind.example')]);
});

describe('inviting a team member, end to end through the inbox', () => {
  const email = 'lena@designpi.com';
  let link: string;

  it('creates the invitation and an invited user, audited', async () => {
    const res = await invite(admin, { email: ' Lena@DesignPi.com', name: 'Lena Ortiz', role: 'TEAM_MEMBER' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email, name: 'Lena Ortiz', role: 'TEAM_MEMBER', status: 'pending', locale: 'en' });
    const users = await api('/api/users?limit=100', { token: admin.token });
    expect(users.body.items.find((u: { email: string }) => u.email === email)).toMatchObject({ status: 'invited' });
    const { data: audit } = await database().entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'user', entityId: res.body.userId }).go();
    expect(audit.map((a) => a.action)).toEqual(['user.invited']);
  });

  it('emails a single-use link that shows what it is for', async () => {
    const mail = await nextEmailTo(email);
    expect(mail.subject).toBe('You are invited to DesignPi on Service Portal');
    link = linkIn(mail, '/invitation/?token=');
    const preview = await api(`/api/invitations/preview?token=${encodeURIComponent(tokenOf(link))}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      email,
      name: 'Lena Ortiz',
      role: 'TEAM_MEMBER',
      locale: 'en',
      firmName: 'DesignPi',
      languages: ['en', 'ar', 'hi'],
      source: 'firm',
    });
  });

  it('refuses a weak password, naming every missing rule', async () => {
    const res = await api('/api/invitations/accept', { method: 'POST', body: JSON.stringify({ token: tokenOf(link), password: 'weak' }) });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toMatchObject([{ field: 'password', message: 'needs at least 12 characters, an uppercase letter, a digit, a symbol' }]);
  });

  it('accepts once: sets the password, activates the user and signs them in', async () => {
    const res = await api('/api/invitations/accept', { method: 'POST', body: JSON.stringify({ token: tokenOf(link), password: 'Lena-Passw0rd!' }) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ user: { email, role: 'TEAM_MEMBER', status: 'active' }, home: '/staff/' });
    expect(res.headers.get('set-cookie')).toMatch(/^sp_refresh=/);
    const again = await api('/api/invitations/accept', { method: 'POST', body: JSON.stringify({ token: tokenOf(link), password: 'Lena-Passw0rd!' }) });
    expect(again.status).toBe(410);
    expect((await api('/api/auth/login', { method: 'POST', body: JSON.stringify({ email, password: 'Lena-Passw0rd!' }) })).status).toBe(200);
  });
});

describe('invitation rules', () => {
  it('will not invite an existing member of this firm', async () => {
    expect((await invite(admin, { email: 'john.doe@example.com', name: 'John', role: 'CLIENT' })).status).toBe(409);
  });

  it('answers an address with an account at another firm as any other, and tells only its owner why no link came', async () => {
    const elsewhere = await invite(admin, { email: 'priya@client.example', name: 'Priya', role: 'CLIENT' });
    const nobody = await invite(admin, { email: 'nobody-yet@client.example', name: 'Nobody Yet', role: 'CLIENT' });
    expect([elsewhere.status, nobody.status]).toEqual([201, 201]);
    const shape = (body: Record<string, unknown>) => Object.keys(body).sort();
    expect(shape(elsewhere.body)).toEqual(shape(nobody.body));
    expect(elsewhere.body).toMatchObject({ email: 'priya@client.example', status: 'pending' });
    // She is also told of her own requests by email: the invitation's is found by its subject.
    const mail = await emailTo('priya@client.example', 'DesignPi invited you to Service Portal');
    expect(mail.text).toContain('already signs in to Service Portal with another firm');
    expect(mail.text).not.toContain('/invitation/?token=');
    // Her account elsewhere is untouched: she still signs in there.
    expect((await api('/api/auth/login', { method: 'POST', body: JSON.stringify({ email: 'priya@client.example', password: 'Demo-Passw0rd!' }) })).status).toBe(
      200,
    );
  });

  it('names each bad field and never hands out the platform operator role', async () => {
    const res = await invite(admin, { email: 'nope', name: '', role: 'SUPER_ADMIN' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'name', 'role']);
  });

  it('lists the firm’s invitations newest first', async () => {
    const made: string[] = [];
    for (const n of [1, 2, 3, 4])
      made.push((await invite(admin, { email: `order.${n}.${Date.now()}@example.com`, name: `Order ${n}`, role: 'CLIENT' })).body.invitationId);
    // Other test files may invite meanwhile: these four, among the newest, come in reverse order.
    const { body } = await api('/api/invitations?limit=50', { token: admin.token });
    expect(body.items.map((i: { invitationId: string }) => i.invitationId).filter((id: string) => made.includes(id))).toEqual([...made].reverse());
  });

  it("keeps another firm's admin away from this firm's invitation", async () => {
    const res = await invite(admin, { email: 'omega@example.com', name: 'Omega Client', role: 'CLIENT', locale: 'hi' });
    expect(res.status).toBe(201);
    const theirs = await api(`/api/invitations/${res.body.invitationId}/resend`, { method: 'POST', token: otherAdmin.token });
    expect(theirs.status).toBe(404);
    const list = await api('/api/invitations', { token: otherAdmin.token });
    expect(list.body.items.some((i: { email: string }) => i.email === 'omega@example.com')).toBe(false);
    // The email went out in the invitee's language.
    expect((await nextEmailTo('omega@example.com')).subject).toContain('आमंत्रण');
  });

  it('resending sends a new link and voids the old one; an expired link is gone', async () => {
    const res = await invite(admin, { email: 'sam@example.com', name: 'Sam Lee', role: 'CLIENT' });
    const first = linkIn(await nextEmailTo('sam@example.com'), '/invitation/?token=');
    const resent = await api(`/api/invitations/${res.body.invitationId}/resend`, { method: 'POST', token: admin.token });
    expect(resent.status).toBe(200);
    const second = linkIn(await nextEmailTo('sam@example.com', 1), '/invitation/?token=');
    expect(second).not.toBe(first);
    expect((await api(`/api/invitations/preview?token=${encodeURIComponent(tokenOf(first))}`)).status).toBe(404);
    expect((await api(`/api/invitations/preview?token=${encodeURIComponent(tokenOf(second))}`)).status).toBe(200);

    await database()
      .entities.invitation.patch({ tenantId: 't-designpi', invitationId: res.body.invitationId })
      .set({ linkExpiresAt: Math.floor(Date.now() / 1000) - 1 })
      .go();
    const expired = await api(`/api/invitations/preview?token=${encodeURIComponent(tokenOf(second))}`);
    expect(expired.status).toBe(410);
    expect(expired.body.error.message).toMatch(/expired or was already used/);
  });
});

describe('notifier', () => {
  it('sends each event once, even when delivered twice at the same time and again later', async () => {
    const res = await invite(admin, { email: 'twice@example.com', name: 'Twice', role: 'CLIENT' });
    await nextEmailTo('twice@example.com'); // the bus's own delivery
    const { data: outbox } = await database().entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'user', entityId: res.body.userId }).go();
    expect(outbox).toHaveLength(1);
    // Replay a delivery of a new event id concurrently and repeatedly: one email for it.
    const event = busEvent('user.invitation_resent', {
      tenantId: 't-designpi',
      eventId: 'replayed-event-1',
      at: new Date().toISOString(),
      entityId: res.body.userId,
      actorId: admin.userId,
      userId: res.body.userId,
      invitationId: res.body.invitationId,
    });
    await Promise.all([invoke('events/notifier', event), invoke('events/notifier', event)]);
    await invoke('events/notifier', event);
    await nextEmailTo('twice@example.com', 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(await emailsTo('twice@example.com')).toHaveLength(2);
  });
});
