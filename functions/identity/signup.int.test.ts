import { describe, expect, it } from 'vitest';
import { api, signIn } from '../../infra/local/test-client.ts';
import { emailTo, emailsTo, linkIn, nextEmailTo } from '../../infra/local/test-inbox.ts';
import { database } from '../../shared/db/all-entities.ts';

const signUp = (firm: string, body: unknown) => api(`/api/signup/${firm}`, { method: 'POST', body: JSON.stringify(body) });
const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

describe('a firm’s sign-up page', () => {
  it('shows the firm’s name and whether it takes sign-ups', async () => {
    expect((await api('/api/signup/designpi')).body).toEqual({
      slug: 'designpi',
      name: 'DesignPi',
      clientSignUp: true,
      locale: 'en',
      languages: ['en', 'ar', 'hi'],
    });
    expect((await api('/api/signup/northwind')).body).toEqual({
      slug: 'northwind',
      name: 'Northwind Advisory',
      clientSignUp: false,
      locale: 'en',
      languages: ['en', 'ar', 'hi'],
    });
    expect((await api('/api/signup/no-such-firm')).status).toBe(404);
  });

  it('refuses sign-ups where the firm does not take them, and names bad fields', async () => {
    const closed = await signUp('northwind', { name: 'Nell North', email: 'nell@example.com' });
    expect(closed.status).toBe(403);
    expect(closed.body.error.message).toBe('Northwind Advisory does not take sign-ups online. Ask the firm for an invitation.');
    const bad = await signUp('designpi', { name: ' ', email: 'not-an-email' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'name']);
    expect(await emailsTo('nell@example.com')).toHaveLength(0);
  });
});

describe('signing up as a client', () => {
  const email = 'sam.signup@example.com';

  it('emails a link that confirms the address, sets the password and opens the client portal', async () => {
    const res = await signUp('designpi', { name: 'Sam Signup', email: ' Sam.Signup@Example.com ' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ email });
    const mail = await nextEmailTo(email);
    expect(mail.subject).toBe('Confirm your email for DesignPi');
    // Not a member yet: no password exists, so nobody can sign in as them.
    expect((await api('/api/auth/login', { method: 'POST', body: JSON.stringify({ email, password: 'Anything-Passw0rd!' }) })).status).toBe(401);
    const token = tokenOf(linkIn(mail, '/invitation/?token='));
    const preview = await api(`/api/invitations/preview?token=${encodeURIComponent(token)}`);
    expect(preview.body).toMatchObject({ email, name: 'Sam Signup', role: 'CLIENT', firmName: 'DesignPi', source: 'self' });

    const accepted = await api('/api/invitations/accept', { method: 'POST', body: JSON.stringify({ token, password: 'Sam-Passw0rd!!' }) });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ home: '/portal/', user: { name: 'Sam Signup', role: 'CLIENT', status: 'active' } });
    const audited = async () =>
      (await database().entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'user', entityId: accepted.body.user.userId }).go()).data
        .map((e) => e.action)
        .sort();
    await expect.poll(audited, { timeout: 10_000 }).toEqual(['auth.login_failed', 'user.joined', 'user.signed_up']);
  });

  it('answers the same for an address that has an account, and tells only its owner', async () => {
    const before = (await emailsTo('jane.smith@example.com')).length;
    const res = await signUp('designpi', { name: 'Not Jane', email: 'jane.smith@example.com' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ email: 'jane.smith@example.com' });
    // She is also told of her requests by email: this one is found by its subject.
    const mail = await emailTo('jane.smith@example.com', 'You already have a Service Portal account', before);
    expect(mail.text).toContain('/login/');
    await signIn('jane.smith@example.com'); // her account is untouched
  });

  it('sends at most one email a minute per address, without saying so', async () => {
    const address = 'tam.twice@example.com';
    expect((await signUp('designpi', { name: 'Tam Twice', email: address })).status).toBe(202);
    await nextEmailTo(address);
    expect((await signUp('designpi', { name: 'Tam Twice', email: address })).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await emailsTo(address)).toHaveLength(1);
  });
});
