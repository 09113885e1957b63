/** A firm's brand: an accent colour that must pass the contrast check, shown on its public pages and the portal, and a footer on its emails. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, type Signed } from '../../infra/local/test-client.ts';
import { nextEmailTo } from '../../infra/local/test-inbox.ts';
import { database } from '../../shared/db/all-entities.ts';

let admin: Signed; // DesignPi's admin
let lead: Signed;
let client: Signed;
let otherAdmin: Signed; // Northwind's

const brand = (who: Signed) => api('/api/firm/brand', { token: who.token });
const change = (who: Signed, body: unknown) => api('/api/firm/brand', { method: 'PATCH', token: who.token, body: JSON.stringify(body) });

beforeAll(async () => {
  [admin, lead, client, otherAdmin] = await Promise.all([
    signIn('hello@designpi.com'),
    signIn('sarah@designpi.com'),
    signIn('john.doe@example.com'),
    signIn('admin@northwind.example'),
  ]);
});

// DesignPi goes back to the portal's own look for the files after this one.
afterAll(() => change(admin, { accent: null, emailFooter: null }));

describe("a firm's brand", () => {
  it('refuses a colour that fails the contrast check, naming the ratio, and what is not a colour', async () => {
    const light = await change(admin, { accent: '#fbbf24' });
    expect(light.status).toBe(400);
    expect(light.body.error.details).toMatchObject([{ field: 'accent', message: expect.stringMatching(/^is too light: 1\.\d+:1 against white/) }]);
    expect((await change(admin, { accent: '#1e3a8a' })).body.error.details).toMatchObject([
      { field: 'accent', message: expect.stringMatching(/^is too dark: 1\.72:1 against the dark theme/) },
    ]);
    expect((await change(admin, { accent: 'purple' })).body.error.details).toMatchObject([{ field: 'accent', message: 'must be a colour like #1d5fd1' }]);
    expect((await change(admin, { emailFooter: 'x'.repeat(501) })).body.error.details).toMatchObject([
      { field: 'emailFooter', message: 'must be at most 500 characters' },
    ]);
    expect((await change(admin, {})).body.error.details).toMatchObject([{ field: 'body', message: 'must change accent or emailFooter' }]);
  });

  it('is for admins: leads and clients may neither read nor change it', async () => {
    for (const who of [lead, client]) {
      expect((await brand(who)).status).toBe(403);
      expect((await change(who, { accent: '#7c3aed' })).status).toBe(403);
    }
  });

  it('shows the accent on the firm’s booking and catalog pages and in its people’s sessions, audited; another firm keeps its own', async () => {
    const set = await change(admin, { accent: '#7C3AED' });
    expect(set.body).toEqual({ accent: '#7c3aed' });
    expect((await api('/api/book/designpi')).body.firm.accent).toBe('#7c3aed');
    expect((await api('/api/catalog/designpi')).body.firm.accent).toBe('#7c3aed');
    expect((await api('/api/me', { token: client.token })).body.tenant.accent).toBe('#7c3aed');
    expect((await api('/api/book/northwind')).body.firm.accent).toBeUndefined();
    expect((await brand(otherAdmin)).body).toEqual({});
    const { data } = await database()
      .entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'firm', entityId: 't-designpi' })
      .go({ order: 'desc', limit: 1 });
    expect(data[0]).toMatchObject({ action: 'firm.brand_changed', actorId: admin.userId, changes: [{ field: 'accent', from: null, to: '#7c3aed' }] });
    const { data: events } = await database()
      .entities.outbox.scan.where((a, op) => op.eq(a.type, 'firm.brand_changed'))
      .go({ pages: 'all' });
    expect(events.map((e) => e.detail)).toContainEqual(expect.objectContaining({ entityId: 't-designpi', actorId: admin.userId, fields: ['accent'] }));
    // Back to the portal's own colour.
    expect((await change(admin, { accent: null })).body).toEqual({});
    expect((await api('/api/book/designpi')).body.firm.accent).toBeUndefined();
  });

  it('puts the footer under every email the firm sends', async () => {
    expect((await change(admin, { emailFooter: 'DesignPi LLC · 12 Harbour St, Boston' })).status).toBe(200);
    const email = `brand-${randomUUID().slice(0, 8)}@example.com`;
    const invited = await api('/api/invitations', { method: 'POST', token: admin.token, body: JSON.stringify({ email, name: 'Bea Brand', role: 'CLIENT' }) });
    expect(invited.status).toBe(201);
    const mail = await nextEmailTo(email);
    expect(mail.text).toContain('--\nDesignPi LLC · 12 Harbour St, Boston');
    expect(mail.html).toContain('DesignPi LLC · 12 Harbour St, Boston</p></body>');
  });
});
