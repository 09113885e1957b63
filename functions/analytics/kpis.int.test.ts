import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, changeWithFreshVersion, invoke, signIn, type Signed } from '../../infra/local/test-client.ts';
import { database } from '../../shared/db/all-entities.ts';
import { kpiChanges, type KpiState } from '../../shared/domain/requests/kpis.ts';
import { busEvent } from '../../infra/local/test-events.ts';

let john: Signed;
let diana: Signed;
let otherAdmin: Signed;
const post = (who: Signed, path: string, body: unknown) => api(path, { method: 'POST', token: who.token, body: JSON.stringify(body) });
const kpis = async (who: Signed) => (await api('/api/analytics/requests', { token: who.token })).body;

beforeAll(async () => {
  [john, diana, otherAdmin] = await Promise.all([signIn('john.doe@example.com'), signIn('hello@designpi.com'), signIn('admin@northwind.example')]);
});

describe('KPI counters from request events', () => {
  // A firm of its own, so nothing else moves its counters.
  const tenantId = `t-kpi-${randomUUID().slice(0, 8)}`;
  const at = '2026-11-18T15:00:00.000Z';
  const state = (over: Partial<KpiState>): KpiState => ({
    status: 'submitted',
    priority: 'medium',
    serviceId: 'svc-a',
    serviceName: 'A',
    value: 1000,
    ...over,
  });
  const change = { requestId: 'r', reference: 'SR-1', title: 'A request', clientId: 'c', assigneeId: null, status: 'submitted' };
  const event = (kpi: { before?: KpiState; after?: KpiState }) =>
    busEvent('request.status_changed', { tenantId, eventId: randomUUID(), at, entityId: 'r', actorId: 'u', ...change, kpi });
  /** As the bus does: a failed delivery is delivered again. */
  async function deliver(e: ReturnType<typeof event>) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await invoke('events/kpis', e);
      } catch (error) {
        if (attempt === 10) throw error;
        await new Promise((r) => setTimeout(r, 50 * attempt));
      }
    }
  }

  it('come out exact with concurrent events, each delivered three times', { timeout: 60_000 }, async () => {
    await database().entities.tenant.create({ tenantId, slug: tenantId, name: 'KPI test firm', timeZone: 'America/New_York', currency: 'USD' }).go();
    const events = [
      ...Array.from({ length: 20 }, (_, i) =>
        event({
          after: state({ serviceId: i % 2 ? 'svc-a' : 'svc-b', serviceName: i % 2 ? 'A' : 'B', priority: i % 3 ? 'medium' : 'urgent', value: 1000 + i }),
        }),
      ),
      ...Array.from({ length: 8 }, () => event({ before: state({ status: 'in_progress' }), after: state({ status: 'completed' }) })),
      ...Array.from({ length: 3 }, () =>
        event({
          before: state({ status: 'assigned', serviceId: 'svc-b', serviceName: 'B' }),
          after: state({ status: 'cancelled', serviceId: 'svc-b', serviceName: 'B' }),
        }),
      ),
    ];
    const outcomes = await Promise.all([...events, ...events, ...events].map(deliver));
    expect(outcomes.filter((o) => o === 'processed')).toHaveLength(events.length);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(events.length * 2);

    // What each counter must be: every event's changes, summed once.
    const expected = new Map<string, Record<string, number>>();
    for (const e of events) {
      const { before, after } = e.detail.kpi as { before?: KpiState; after?: KpiState };
      for (const c of kpiChanges(before, after, new Date(at), 'America/New_York')) {
        const sums = expected.get(c.bucket) ?? {};
        for (const [k, n] of Object.entries(c.add)) sums[k] = (sums[k] ?? 0) + n!;
        expected.set(c.bucket, sums);
      }
    }
    const { data } = await database().entities.kpi.query.byBucket({ tenantId }).go({ pages: 'all' });
    expect(data.map((d) => d.bucket).sort()).toEqual([...expected.keys()].sort());
    for (const counters of data) expect(counters).toMatchObject(expected.get(counters.bucket)!);
    expect(data.find((d) => d.bucket === 'totals')).toMatchObject({ open: 20 - 8 - 3, status_submitted: 20, status_completed: 8, status_cancelled: 3 });
    expect(data.find((d) => d.bucket === 'week#2026-11-16')).toMatchObject({ created: 20 });
    expect(data.find((d) => d.bucket === 'month#2026-11')).toMatchObject({ completed: 8, cancelled: 3 });
  });

  it('skip a change that moves nothing, and ignore what is not theirs (a comment)', async () => {
    const delivered = (type: 'request.updated' | 'request.commented') =>
      busEvent(type, { tenantId, eventId: randomUUID(), at, entityId: 'r', actorId: 'u', ...change });
    expect(await invoke('events/kpis', delivered('request.updated'))).toBe('skipped');
    expect(await invoke('events/kpis', delivered('request.commented'))).toBe('ignored');
  });
});

describe('the dashboard figures', () => {
  it('follow a request from asking to cancellation, per service, for the firm only', async () => {
    const name = `KPI Check ${randomUUID().slice(0, 6)}`;
    const { body: service } = await post(diana, '/api/services', { name, category: 'Tests', basePrice: 12_300, estimatedHours: 1 });
    const before = await kpis(diana);
    expect(before).toMatchObject({
      currency: 'USD',
      activeRequests: expect.any(Number),
      pipeline: expect.any(Number),
      byStatus: expect.objectContaining({ submitted: expect.any(Number) }),
    });
    const { body: request } = await post(john, '/api/requests', { serviceId: service.serviceId, title: 'Counting this one' });
    // The service's price is what the work is worth when there is no budget.
    await expect
      .poll(async () => (await kpis(diana)).byService.find((s: { serviceId: string }) => s.serviceId === service.serviceId))
      .toEqual({ serviceId: service.serviceId, name, open: 1, pipeline: 12_300 });
    // Other tests only ever add new requests, so this week's count is at least one more.
    expect((await kpis(diana)).newThisWeek).toBeGreaterThanOrEqual(before.newThisWeek + 1);
    expect((await kpis(otherAdmin)).byService.map((s: { name: string }) => s.name)).not.toContain(name);
    await changeWithFreshVersion(john, request.requestId, 'status', { to: 'cancelled' });
    await expect.poll(async () => (await kpis(diana)).byService.some((s: { serviceId: string }) => s.serviceId === service.serviceId)).toBe(false);
  });
});
