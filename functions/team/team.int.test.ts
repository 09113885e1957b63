import { beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, type Signed } from '../../infra/local/test-client.ts';
import type { MemberWorkload } from '../../shared/api/schemas/team.ts';

let john: Signed;
let sarah: Signed;
let mike: Signed;
let otherAdmin: Signed;
const team = async (who: Signed): Promise<MemberWorkload[]> => (await api('/api/team/workload', { token: who.token })).body.items;
const mikeIn = async () => (await team(sarah)).find((m) => m.name === 'Mike Chen')!;
const post = (who: Signed, path: string, body: unknown) => api(path, { method: 'POST', token: who.token, body: JSON.stringify(body) });

beforeAll(async () => {
  [john, sarah, mike, otherAdmin] = await Promise.all([signIn('john@example.com'), signIn('sarah@designpi.com'), signIn('mike@designpi.com'), signIn('admin@northwind.example')]);
});

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
    const { body: request } = await post(john, '/api/requests', { serviceId: 'svc-payroll-setup', title: 'Payroll for three new hires', requirements: { 'q-employees': '3' } });
    const move = async (who: Signed, to: string) => post(who, `/api/requests/${request.requestId}/status`, { to, version: (await api(`/api/requests/${request.requestId}`, { token: sarah.token })).body.version });
    await move(sarah, 'in_review');
    await move(sarah, 'approved');
    const { version } = (await api(`/api/requests/${request.requestId}`, { token: sarah.token })).body;
    await post(sarah, `/api/requests/${request.requestId}/assignee`, { assigneeId: mike.userId, version });
    const working = await mikeIn();
    expect(working.activeRequests).toBe(before.activeRequests + 1);
    expect(working.availabilityPercent).toBeLessThan(before.availabilityPercent);
    await move(mike, 'in_progress');
    expect((await mikeIn()).activeRequests).toBe(before.activeRequests + 1);
    await move(mike, 'completed');
    expect(await mikeIn()).toMatchObject({ activeRequests: before.activeRequests, availabilityPercent: before.availabilityPercent });
  });
});
