import { beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, type Signed } from '../../infra/local/test-client.ts';
import { database } from '../../shared/db/all-entities.ts';
import { DEFAULT_BOOKING_SETTINGS } from '../../shared/domain/bookings/settings.ts';

let admin: Signed;
let otherAdmin: Signed;
let lead: Signed;
let client: Signed;
const names = (body: { items: { name: string }[] }) => body.items.map((s) => s.name);
const create = (who: Signed, body: unknown) => api('/api/services', { method: 'POST', token: who.token, body: JSON.stringify(body) });
const update = (who: Signed, id: string, body: unknown) => api(`/api/services/${id}`, { method: 'PATCH', token: who.token, body: JSON.stringify(body) });

beforeAll(async () => {
  [admin, otherAdmin, lead, client] = await Promise.all([
    signIn('hello@designpi.com'),
    signIn('admin@northwind.example'),
    signIn('sarah@designpi.com'),
    signIn('john.doe@example.com'),
  ]);
});

describe('the service catalog', () => {
  it('shows clients the active services only, and staff every service of their own firm', async () => {
    const forClient = (await api('/api/services?status=inactive', { token: client.token })).body;
    expect(names(forClient)).toContain('Individual Tax Return');
    expect(names(forClient)).not.toContain('Quarterly Tax Estimates');
    const inactive = (await api('/api/services?status=inactive', { token: lead.token })).body;
    expect(names(inactive)).toContain('Quarterly Tax Estimates');
    expect(inactive.items.every((s: { status: string }) => s.status === 'inactive')).toBe(true);
    expect(names((await api('/api/services?limit=100', { token: lead.token })).body)).toContain('Quarterly Tax Estimates');
    expect(names((await api('/api/services', { token: otherAdmin.token })).body)).toEqual(['Cloud Security Audit']);
  });

  it("keeps a client from an inactive service, and another firm from this firm's", async () => {
    expect((await api('/api/services/svc-quarterly-estimates', { token: client.token })).status).toBe(404);
    expect((await api('/api/services/svc-quarterly-estimates', { token: lead.token })).body.status).toBe('inactive');
    expect((await api('/api/services/svc-individual-tax-return', { token: otherAdmin.token })).status).toBe(404);
    expect((await update(otherAdmin, 'svc-individual-tax-return', { version: 1, name: 'Taken over' })).status).toBe(404);
  });

  it('lets an admin add a service in the firm’s currency, audited, naming each bad field', async () => {
    const bad = await create(admin, { name: '', category: 'Tax', basePrice: -5, estimatedHours: 0, requiredSkills: ['Not A Skill!'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['basePrice', 'estimatedHours', 'name', 'requiredSkills.0']);
    const res = await create(admin, {
      name: 'Audit Support',
      category: 'Audit',
      basePrice: 99900,
      estimatedHours: 8,
      requiredSkills: ['Audit'],
      questions: [{ label: 'Auditor name', required: true }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Audit Support',
      currency: 'USD',
      requiredSkills: ['audit'],
      status: 'active',
      version: 1,
      questions: [{ label: 'Auditor name', required: true, key: expect.stringMatching(/^q-/) }],
    });
    const { data } = await database().entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'service', entityId: res.body.serviceId }).go();
    expect(data[0]).toMatchObject({ action: 'service.created', actorId: admin.userId });
  });

  it('changes a service optimistically, keeps answer keys stable, and takes an inactive one out of the public catalog', async () => {
    const { body: created } = await create(admin, {
      name: 'Cash Flow Forecast',
      category: 'Advisory',
      basePrice: 30000,
      estimatedHours: 5,
      questions: [{ label: 'Horizon in months', required: true }],
    });
    const key = created.questions[0].key;
    const changed = await update(admin, created.serviceId, {
      version: 1,
      basePrice: 32000,
      questions: [
        { label: 'Horizon in months', required: true },
        { label: 'Notes', required: false },
      ],
    });
    expect(changed.body).toMatchObject({ basePrice: 32000, version: 2 });
    expect(changed.body.questions[0].key).toBe(key);
    expect((await update(admin, created.serviceId, { version: 1, basePrice: 1 })).status).toBe(409);
    expect(names({ items: (await api('/api/catalog/designpi')).body.services })).toContain('Cash Flow Forecast');

    expect((await update(admin, created.serviceId, { version: 2, status: 'inactive' })).body.status).toBe('inactive');
    expect(names({ items: (await api('/api/catalog/designpi')).body.services })).not.toContain('Cash Flow Forecast');
    const { data } = await database()
      .entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'service', entityId: created.serviceId })
      .go({ order: 'desc', limit: 1 });
    expect(data[0]).toMatchObject({ action: 'service.status_changed', changes: [{ field: 'status', from: 'active', to: 'inactive' }] });
  });

  it('serves each firm’s public catalog by name, active services only, to anyone', async () => {
    const res = await api('/api/catalog/DesignPi');
    expect(res.body.firm).toEqual({ slug: 'designpi', name: 'DesignPi', currency: 'USD', clientSignUp: true, locale: 'en', languages: ['en', 'ar', 'hi'] });
    const listed = names({ items: res.body.services });
    expect(listed).toEqual([...listed].sort());
    expect(listed).not.toContain('Quarterly Tax Estimates');
    expect(names({ items: (await api('/api/catalog/northwind')).body.services })).toEqual(['Cloud Security Audit']);
    expect((await api('/api/catalog/nobody')).status).toBe(404);
  });

  it('keeps clients and team members from changing the catalog', async () => {
    expect((await create(client, { name: 'Mine', category: 'X', basePrice: 1, estimatedHours: 1 })).status).toBe(403);
    expect((await update(lead, 'svc-individual-tax-return', { version: 1, basePrice: 1 })).status).toBe(403);
  });
});

describe('a service’s booking settings', () => {
  const setBooking = (who: Signed, id: string, body: unknown) =>
    api(`/api/services/${id}/booking`, { method: 'PUT', token: who.token, body: JSON.stringify(body) });

  it('makes a service bookable on the public page, names bad settings, and refuses a stale version or another firm', async () => {
    const { body: made } = await create(admin, { name: `Onboarding call ${Date.now()}`, category: 'Advisory', basePrice: 9_000, estimatedHours: 1 });
    const settings = {
      ...DEFAULT_BOOKING_SETTINGS,
      enabled: true,
      durationMinutes: 45,
      bookingTypes: ['video'],
      businessHours: {
        mon: [
          { start: '09:00', end: '12:00' },
          { start: '13:00', end: '17:00' },
        ],
      },
    };

    const bad = await setBooking(admin, made.serviceId, {
      ...settings,
      durationMinutes: 50,
      bookingTypes: [],
      businessHours: { mon: [{ start: '12:00', end: '09:00' }] },
      version: made.version,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['bookingTypes', 'businessHours.mon.0.end', 'durationMinutes']);

    const saved = await setBooking(admin, made.serviceId, { ...settings, version: made.version });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: made.version + 1, booking: { enabled: true, durationMinutes: 45 } });
    const page = await api('/api/book/designpi');
    expect(page.body.services.find((s: { serviceId: string }) => s.serviceId === made.serviceId)).toMatchObject({
      durationMinutes: 45,
      bookingTypes: ['video'],
    });
    const { data: audit } = await database()
      .entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'service', entityId: made.serviceId })
      .go({ order: 'desc', limit: 1 });
    expect(audit[0]).toMatchObject({ action: 'service.booking_changed' });
    expect((audit[0]!.changes ?? []).map((c) => c.field)).toEqual(expect.arrayContaining(['enabled', 'durationMinutes', 'businessHours']));

    expect((await setBooking(admin, made.serviceId, { ...settings, version: made.version })).status).toBe(409);
    expect((await setBooking(otherAdmin, made.serviceId, { ...settings, version: saved.body.version })).status).toBe(404);
    expect((await setBooking(lead, made.serviceId, { ...settings, version: saved.body.version })).status).toBe(403);
  });
});
