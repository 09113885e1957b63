/**
 * The platform operator's firms (issue 19, ADR 0035), through the real bundles: a firm made with
 * its first admin invited by email, who joins an empty firm; bad and taken values refused by
 * field with nothing written; suspension refusing the firm's people and closing their sockets,
 * reactivation letting them back; the platform's log, which no firm sees.
 */
import type WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, joinAs, signIn, type Signed } from '../../infra/local/test-client.ts';
import { linkIn, nextEmailTo } from '../../infra/local/test-inbox.ts';
import { connect, ticketFor, waitFor } from '../../infra/local/test-socket.ts';
import { database } from '../../shared/db/all-entities.ts';

const RUN = Date.now().toString(36);
const SLUG = `fern-${RUN}`;
const FIRM_ID = `t-${SLUG}`;
const ADMIN_EMAIL = `owner-${RUN}@fern.example`;
const PASSWORD = 'Fern-Passw0rd!';

let operator: Signed;
let firmAdmin: Signed;
const opened: WebSocket[] = [];

const create = (body: Record<string, unknown>) => api('/api/platform/firms', { method: 'POST', token: operator.token, body: JSON.stringify(body) });
const valid = { name: 'Fern & Co', slug: SLUG, timeZone: 'Europe/Berlin', currency: 'eur', locale: 'en', admin: { name: 'Fiona Fern', email: ADMIN_EMAIL } };
const platformLog = async (entityId: string) =>
  (await api(`/api/audit?entityType=firm&entityId=${entityId}&limit=50`, { token: operator.token })).body.items as Array<{ action: string; actorName: string }>;

beforeAll(async () => {
  operator = await signIn('operator@serviceportal.example');
});
afterAll(() => opened.forEach((s) => s.close()));

describe('making a firm', () => {
  it('claims the slug, makes the firm and invites its first admin, audited in the platform’s log only', async () => {
    const res = await create({ ...valid, slug: ` ${SLUG.toUpperCase()} ` });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ firmId: FIRM_ID, slug: SLUG, name: 'Fern & Co', status: 'active', currency: 'EUR', timeZone: 'Europe/Berlin' });
    // Given no languages, it offers all of them.
    expect([res.body.locale, res.body.languages]).toEqual(['en', ['en', 'ar', 'hi']]);
    const detail = await api(`/api/platform/firms/${FIRM_ID}`, { token: operator.token });
    expect(detail.body.pendingAdmin).toMatchObject({ email: ADMIN_EMAIL, name: 'Fiona Fern' });
    expect((await platformLog(FIRM_ID)).map((a) => [a.action, a.actorName])).toEqual([['firm.created', 'Pat Operator']]);
    // The firm's own log says the platform invited its admin, never which operator.
    const { data: firmLog } = await database().entities.audit.query.byTenantTime({ tenantId: FIRM_ID }).go();
    expect(firmLog.map((a) => [a.action, a.actorId])).toEqual([['user.invited', 'platform']]);
    // No firm's admin reads the platform's log, even asking for the firm by id.
    const designpi = await signIn('hello@designpi.com');
    expect((await api(`/api/audit?entityType=firm&entityId=${FIRM_ID}`, { token: designpi.token })).body.items).toEqual([]);
  });

  it('lists it, with what it holds and uses', async () => {
    let cursor: string | null = null;
    const seen: Array<{ firmId: string; now: { users: number } }> = [];
    do {
      const page: { body: { items: typeof seen; nextCursor: string | null } } = await api(
        `/api/platform/firms?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        {
          token: operator.token,
        },
      );
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.map((f) => f.firmId)).toEqual(expect.arrayContaining([FIRM_ID, 't-designpi', 't-northwind']));
    expect(seen.map((f) => f.firmId)).not.toContain('platform');
    const suspended = await api('/api/platform/firms?status=suspended&limit=100', { token: operator.token });
    expect(suspended.body.items.map((f: { firmId: string }) => f.firmId)).not.toContain(FIRM_ID);
  });

  it('emails the admin a link; they join an empty firm as its admin', async () => {
    const mail = await nextEmailTo(ADMIN_EMAIL);
    expect(mail.subject).toBe('You are invited to Fern & Co on Service Portal');
    const token = new URL(linkIn(mail, '/invitation/?token=')).searchParams.get('token')!;
    const accepted = await api('/api/invitations/accept', { method: 'POST', body: JSON.stringify({ token, password: PASSWORD }) });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ user: { email: ADMIN_EMAIL, role: 'ADMIN' }, home: '/admin/', tenant: { slug: SLUG, name: 'Fern & Co' } });
    firmAdmin = await signIn(ADMIN_EMAIL, PASSWORD);
    expect((await api('/api/users', { token: firmAdmin.token })).body.items.map((u: { email: string }) => u.email)).toEqual([ADMIN_EMAIL]);
    expect((await api('/api/requests', { token: firmAdmin.token })).body.items).toEqual([]);
    // The firm's admin has no say over the platform.
    expect((await api('/api/platform/firms', { token: firmAdmin.token })).status).toBe(403);
    await expect.poll(async () => (await api(`/api/platform/firms/${FIRM_ID}`, { token: operator.token })).body.now.users).toBe(1);
    expect((await api(`/api/platform/firms/${FIRM_ID}`, { token: operator.token })).body.pendingAdmin).toBeNull();
  });

  it('refuses bad values by field, and taken ones with 409, writing nothing', async () => {
    const problems = async (body: Record<string, unknown>) => {
      const res = await create(body);
      expect(res.status).toBe(400);
      return res.body.error.details.map((d: { field: string }) => d.field);
    };
    expect(await problems({ ...valid, slug: 'ab' })).toEqual(['slug']);
    expect(await problems({ ...valid, slug: 'Fern Co' })).toEqual(['slug']);
    expect(await problems({ ...valid, slug: 'admin' })).toEqual(['slug']);
    expect(await problems({ ...valid, slug: `other-${RUN}`, currency: 'EURO', timeZone: 'Mars/Base', locale: 'xx' })).toEqual([
      'timeZone',
      'currency',
      'locale',
    ]);
    expect(await problems({ ...valid, slug: `other-${RUN}`, admin: { name: '', email: 'nope' } })).toEqual(['admin.name', 'admin.email']);
    // Its languages: at least one, each once, the default among them.
    expect(await problems({ ...valid, slug: `other-${RUN}`, languages: [] })).toEqual(['languages']);
    expect(await problems({ ...valid, slug: `other-${RUN}`, languages: ['en', 'en'] })).toEqual(['languages']);
    expect(await problems({ ...valid, slug: `other-${RUN}`, languages: ['ar', 'hi'] })).toEqual(['locale']);

    for (const slug of [SLUG, 'designpi']) {
      const res = await create({ ...valid, slug, admin: { name: 'X', email: `x-${RUN}@fern.example` } });
      expect(res.status).toBe(409);
      expect(res.body.error.details).toEqual([{ field: 'slug', message: expect.stringContaining('never used again') }]);
    }
    // An address that signs in with another firm, or the platform, cannot be a new firm's admin.
    for (const email of ['hello@designpi.com', 'operator@serviceportal.example']) {
      const res = await create({ ...valid, slug: `other-${RUN}`, admin: { name: 'X', email } });
      expect(res.status).toBe(409);
      expect(res.body.error.details).toEqual([{ field: 'admin.email', message: expect.stringContaining('another firm') }]);
    }
    expect(
      (
        await database()
          .entities.tenant.get({ tenantId: `t-other-${RUN}` })
          .go()
      ).data,
    ).toBeNull();
    expect(
      (
        await database()
          .entities.slugClaim.get({ slug: `other-${RUN}` })
          .go()
      ).data,
    ).toBeNull();
  });
});

describe('suspending a firm', () => {
  it('refuses its people, closes their sockets, keeps everything, and lets them back when reactivated', { timeout: 30_000 }, async () => {
    const socket = await connect(await ticketFor(firmAdmin), opened);
    const closed = new Promise((resolve) => socket.socket.on('close', resolve));

    const noReason = await api(`/api/platform/firms/${FIRM_ID}/suspend`, { method: 'POST', token: operator.token, body: JSON.stringify({ reason: ' ' }) });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.map((d: { field: string }) => d.field)).toEqual(['reason']);

    const suspended = await api(`/api/platform/firms/${FIRM_ID}/suspend`, {
      method: 'POST',
      token: operator.token,
      body: JSON.stringify({ reason: 'Unpaid invoice' }),
    });
    expect(suspended.status).toBe(200);
    expect(suspended.body.status).toBe('suspended');
    const refused = await api('/api/users', { token: firmAdmin.token });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'firm_suspended', message: expect.stringContaining('Fern & Co') });
    await closed; // the notifications consumer closed it on `firm.suspended`
    await waitFor(() => (socket.socket.readyState === socket.socket.CLOSED ? true : undefined), 'the socket to close');
    expect(
      (await api(`/api/platform/firms/${FIRM_ID}/suspend`, { method: 'POST', token: operator.token, body: JSON.stringify({ reason: 'Again' }) })).status,
    ).toBe(409);
    // Other firms go on.
    expect((await api('/api/users', { token: (await signIn('admin@northwind.example')).token })).status).toBe(200);

    const back = await api(`/api/platform/firms/${FIRM_ID}/reactivate`, { method: 'POST', token: operator.token, body: JSON.stringify({ reason: 'Paid' }) });
    expect(back.body.status).toBe('active');
    expect((await api('/api/users', { token: firmAdmin.token })).body.items).toHaveLength(1);
    expect((await platformLog(FIRM_ID)).map((a) => a.action)).toEqual(['firm.reactivated', 'firm.suspended', 'firm.created']);
  });

  it('is the platform operator’s alone: a firm’s person with the operator’s role is refused too', async () => {
    const email = `fake-operator-${RUN}@designpi.com`;
    const person = await joinAs({ email, name: 'Fake Operator', role: 'TEAM_MEMBER', password: PASSWORD });
    await database().entities.user.patch({ tenantId: 't-designpi', userId: person.userId }).set({ role: 'SUPER_ADMIN' }).go();
    const res = await api(`/api/platform/firms/${FIRM_ID}/suspend`, { method: 'POST', token: person.token, body: JSON.stringify({ reason: 'Takeover' }) });
    expect(res.status).toBe(403);
    expect((await api(`/api/platform/firms/${FIRM_ID}`, { token: operator.token })).body.status).toBe('active');
    await database().entities.user.patch({ tenantId: 't-designpi', userId: person.userId }).set({ status: 'deactivated' }).go();
  });
});
