/**
 * A suspended firm (issue 19): its people are refused everything with one clear answer (403
 * `firm_suspended`, naming the firm) on every signed-in route, at sign-in and when a session is
 * renewed; its public pages are closed; nothing is deleted; other firms go on; and once it is
 * reactivated the same sessions work again. The platform's operator suspends it (their routes
 * come with the platform area); here the firm’s record is set as they will set it. Its emails are not sent meanwhile.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, signIn, type Signed } from '../../infra/local/test-client.ts';
import { database } from '../../shared/db/all-entities.ts';
import { emailsTo } from '../../infra/local/test-inbox.ts';

const NORTHWIND = 't-northwind';
let admin: Signed;
let client: Signed;
let otherFirm: Signed;

const setStatus = (status: 'active' | 'suspended') => database().entities.tenant.patch({ tenantId: NORTHWIND }).set({ status }).go();
const refused = (res: { status: number; body: { error?: { code: string; message: string } } }) => {
  expect(res.status).toBe(403);
  expect(res.body.error).toMatchObject({ code: 'firm_suspended', message: expect.stringContaining('Northwind') });
};

beforeAll(async () => {
  [admin, client, otherFirm] = await Promise.all([signIn('admin@northwind.example'), signIn('priya@client.example'), signIn('hello@designpi.com')]);
});
afterAll(() => setStatus('active'));

it(
  'refuses a suspended firm’s people everywhere, closes its public pages, deletes nothing, and lets them back in when reactivated',
  { timeout: 30_000 },
  async () => {
    const usersBefore = (await api('/api/users?limit=100', { token: admin.token })).body.items.length;
    await setStatus('suspended');

    refused(await api('/api/users', { token: admin.token }));
    refused(await api('/api/requests', { token: client.token }));
    refused(await api('/api/realtime/tickets', { method: 'POST', token: client.token })); // so no new live connection either
    refused(await api('/api/auth/refresh', { method: 'POST', cookie: admin.cookie }));
    refused(await api('/api/auth/login', { method: 'POST', body: JSON.stringify({ email: 'admin@northwind.example', password: 'Demo-Passw0rd!' }) }));
    // The wrong password is still just wrong: a suspended firm tells nothing to someone who cannot sign in.
    expect(
      (await api('/api/auth/login', { method: 'POST', body: JSON.stringify({ email: 'admin@northwind.example', password: 'Wrong-Passw0rd!' }) })).status,
    ).toBe(401);
    for (const page of ['/api/book/northwind', '/api/catalog/northwind', '/api/signup/northwind']) expect((await api(page)).status, page).toBe(404);

    // Its emails are not sent: a reset link would lead into a closed portal.
    const omar = 'omar@northwind.example';
    const { data: people } = await database().entities.user.query.byEmail({ tenantId: NORTHWIND, email: omar }).go();
    const resets = () => database().entities.passwordReset.get({ tenantId: NORTHWIND, userId: people[0]!.userId }).go();
    const [mailBefore, resetBefore] = [(await emailsTo(omar)).length, (await resets()).data?.linkExpiresAt];
    expect((await api('/api/auth/forgot-password', { method: 'POST', body: JSON.stringify({ email: omar }) })).status).toBe(202);
    await expect.poll(async () => (await resets()).data?.linkExpiresAt !== resetBefore).toBe(true); // the notifier came to send it
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await emailsTo(omar)).toHaveLength(mailBefore);

    // Another firm goes on.
    expect((await api('/api/users', { token: otherFirm.token })).status).toBe(200);

    await setStatus('active');
    const after = await api('/api/users?limit=100', { token: admin.token });
    expect(after.status).toBe(200);
    expect(after.body.items).toHaveLength(usersBefore);
    expect((await api('/api/auth/refresh', { method: 'POST', cookie: admin.cookie })).status).toBe(200);
  },
);
