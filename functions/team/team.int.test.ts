import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, changeWithFreshVersion, roomFor, signIn, type Signed } from '../../infra/local/test-client.ts';
import type { MemberWorkload } from '../../shared/api/schemas/team.ts';

let john: Signed;
let sarah: Signed;
let mike: Signed;
let otherAdmin: Signed;
const team = async (who: Signed): Promise<MemberWorkload[]> => (await api('/api/team/workload', { token: who.token })).body.items;
const mikeIn = async () => (await team(sarah)).find((m) => m.name === 'Mike Chen')!;
const post = (who: Signed, path: string, body: unknown) => api(path, { method: 'POST', token: who.token, body: JSON.stringify(body) });

let undoRoom: () => Promise<void>;

beforeAll(async () => {
  // Mike's load must be able to grow here: other files may have filled his capacity.
  undoRoom = await roomFor('t-designpi', 'mike@designpi.com');
  [john, sarah, mike, otherAdmin] = await Promise.all([
    signIn('john.doe@example.com'),
    signIn('sarah@designpi.com'),
    signIn('mike@designpi.com'),
    signIn('admin@northwind.example'),
  ]);
});

afterAll(() => undoRoom());

describe('team workload', () => {
  it("lists each firm's active staff with availability and capacity, most available first", async () => {
    const designpi = await team(mike);
    expect(designpi.map((m) => m.name)).toEqual(expect.arrayContaining(['Diana Price', 'Sarah Johnson', 'Mike Chen']));
    expect(designpi.every((m) => m.role !== 'CLIENT')).toBe(true);
    const percents = designpi.map((m) => m.availabilityPercent);
    expect(percents).toEqual([...percents].sort((a, b) => b - a));
    // What the overview says of a member is what their profile says (other tests edit Mike's profile).
    const profile = (await api(`/api/users/${mike.userId}`, { token: sarah.token })).body;
    const overview = await mikeIn();
    expect([...overview.skills].sort()).toEqual([...(profile.skills ?? [])].sort());
    expect(overview).toMatchObject({ availabilityStatus: profile.availabilityStatus, maxConcurrentProjects: profile.maxConcurrentProjects ?? 3 });
    expect((await team(otherAdmin)).map((m) => m.name).sort()).toEqual(['Nora Whitfield', 'Omar Haddad']);
  });

  it('counts a request against the assignee while it is worked, and frees it when done', async () => {
    const before = await mikeIn();
    const { body: request } = await post(john, '/api/requests', {
      serviceId: 'svc-payroll-setup',
      title: 'Payroll for three new hires',
      requirements: { 'q-employees': '3' },
    });
    // Auto-assignment may move the submitted request on meanwhile: each change uses the version as it is then.
    const move = (who: Signed, to: string) => changeWithFreshVersion(who, request.requestId, 'status', { to });
    await changeWithFreshVersion(sarah, request.requestId, 'assignee', { assigneeId: mike.userId });
    const working = await mikeIn();
    expect(working.activeRequests).toBe(before.activeRequests + 1);
    expect(working.availabilityPercent).toBeLessThan(before.availabilityPercent);
    await move(mike, 'in_progress');
    expect((await mikeIn()).activeRequests).toBe(before.activeRequests + 1);
    await move(mike, 'completed');
    expect(await mikeIn()).toMatchObject({ activeRequests: before.activeRequests, availabilityPercent: before.availabilityPercent });
  });
});

describe('who should take a request', () => {
  it('ranks the eligible team as automatic assignment would, with why, and lists everyone else', async () => {
    const res = await api('/api/team/request-candidates?serviceId=svc-financial-statement-review', { token: sarah.token });
    expect(res.status).toBe(200);
    const { ranked, others } = res.body as { ranked: { name: string; score: number; reason: string }[]; others: { name: string }[] };
    // Other tests change skills and load: assert the rule, not today's order.
    for (const r of ranked)
      expect(JSON.parse(r.reason)).toMatchObject({
        kind: 'auto',
        required: 2,
        matched: expect.arrayContaining([expect.stringMatching(/^(financial-statements|audit)$/)]),
      });
    expect(ranked.map((r) => r.score)).toEqual([...ranked.map((r) => r.score)].sort((a, b) => b - a));
    // Admins are never ranked for work, but can still be chosen by hand.
    expect(others.map((o) => o.name)).toContain('Diana Price');
    expect([...ranked, ...others].map((p) => p.name)).not.toContain('John Doe');
    expect((await api('/api/team/request-candidates?serviceId=svc-financial-statement-review', { token: otherAdmin.token })).body.error.details).toMatchObject([
      { field: 'query.serviceId', message: 'is not a service of this firm' },
    ]);
  });
});

describe('assignment history', () => {
  it('keeps what each member was given, for them and for those who see users', async () => {
    const history = async (who: Signed, userId: string) => api(`/api/team/${userId}/assignments?limit=100`, { token: who.token });
    const { body: request } = await post(john, '/api/requests', {
      serviceId: 'svc-payroll-setup',
      title: 'Payroll history check',
      requirements: { 'q-employees': '2' },
    });
    await changeWithFreshVersion(sarah, request.requestId, 'assignee', { assigneeId: sarah.userId });
    const record = (await history(sarah, sarah.userId)).body.items.find((r: { requestId: string }) => r.requestId === request.requestId);
    expect(record).toMatchObject({ reference: request.reference, title: 'Payroll history check', at: expect.any(String) });
    // By her own hand, or by the ranking if it picked her first.
    expect(record.how === 'auto' || record.byName === 'Sarah Johnson').toBe(true);
    // A team member sees their own history only; another firm sees none of this one's.
    expect((await history(mike, mike.userId)).status).toBe(200);
    expect((await history(mike, sarah.userId)).status).toBe(404);
    expect((await history(otherAdmin, sarah.userId)).body.items).toEqual([]);
  });
});
