import { beforeAll, describe, expect, it } from 'vitest';
import { database } from '../../shared/db/all-entities.ts';
import { MAX_SAVED_VIEWS } from '../../shared/domain/views/saved-views.ts';
import { api, joinAs, signIn, type Signed } from '../../infra/local/test-client.ts';

let sarah: Signed;
let mike: Signed;
let client: Signed;
let otherFirm: Signed;

type View = { viewId: string; list: string; name: string; filters: Record<string, string>; createdAt: string };
const RUN = Date.now().toString(36);
const views = (who: Signed, query = '?list=requests') => api(`/api/views${query}`, { token: who.token });
const save = (who: Signed, body: Record<string, unknown>) =>
  api('/api/views', { method: 'POST', token: who.token, body: JSON.stringify({ list: 'requests', ...body }) });
const remove = (who: Signed, viewId: string) => api(`/api/views/${viewId}`, { method: 'DELETE', token: who.token });

beforeAll(async () => {
  [sarah, mike, client, otherFirm] = await Promise.all([
    signIn('sarah@designpi.com'),
    signIn('mike@designpi.com'),
    signIn('john.doe@example.com'),
    signIn('admin@northwind.example'),
  ]);
});

describe('saved views', () => {
  it('saves the filters of a list under a name, lists them and deletes them, each change audited and announced', async () => {
    const filters = { status: 'in_progress', priority: 'urgent', q: 'payroll', deadlineTo: '2027-01-31', order: 'oldest' };
    const created = await save(sarah, { name: `  Urgent payroll ${RUN} `, filters });
    expect(created.status).toBe(201);
    const view = created.body as View;
    expect(view).toMatchObject({ list: 'requests', name: `Urgent payroll ${RUN}`, filters });

    const listed = (await views(sarah)).body.items as View[];
    expect(listed).toContainEqual(view);

    const { data: audit } = await database().entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'saved_view', entityId: view.viewId }).go();
    expect(audit.map((a) => a.action)).toEqual(['view.saved']);

    expect((await remove(sarah, view.viewId)).status).toBe(204);
    expect(((await views(sarah)).body.items as View[]).map((v) => v.viewId)).not.toContain(view.viewId);
    const { data: after } = await database().entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'saved_view', entityId: view.viewId }).go();
    expect(after.map((a) => a.action).sort()).toEqual(['view.deleted', 'view.saved']);
    const { data: events } = await database()
      .entities.outbox.scan.where((a, op) => op.begins(a.type, 'view.'))
      .go({ pages: 'all' });
    const about = events.filter((e) => (e.detail as { entityId: string }).entityId === view.viewId);
    expect(about.map((e) => e.type).sort()).toEqual(['view.deleted', 'view.saved']);
  });

  it("are the person's own: nobody else in the firm or elsewhere sees or deletes them", async () => {
    const { body: mine } = await save(mike, { name: `Mine ${RUN}`, filters: { status: 'assigned' } });
    for (const other of [sarah, client, otherFirm]) {
      expect(((await views(other)).body.items as View[]).map((v) => v.viewId)).not.toContain(mine.viewId);
      const denied = await remove(other, mine.viewId);
      expect(denied.status).toBe(404);
    }
    expect(((await views(mike)).body.items as View[]).map((v) => v.viewId)).toContain(mine.viewId);
    expect((await api('/api/views?list=requests')).status).toBe(401);
  });

  it('clients keep views of the requests they see too', async () => {
    const res = await save(client, { name: `Waiting for me ${RUN}`, filters: { status: 'completed' } });
    expect(res.status).toBe(201);
  });

  it.each([
    [{ name: '', filters: {} }, 'name'],
    [{ name: 'x'.repeat(61), filters: {} }, 'name'],
    [{ name: 'Two\nlines', filters: {} }, 'name'],
    [{ list: 'invoices', name: 'Nope', filters: {} }, 'list'],
    [{ name: 'Bad status', filters: { status: 'DONE-ISH' } }, 'filters.status'],
    [{ name: 'Unknown filter', filters: { colour: 'red' } }, 'filters'],
    [{ name: 'Bad date', filters: { deadlineFrom: '31/01/2027' } }, 'filters.deadlineFrom'],
    [{ name: 'No filters' }, 'filters'],
  ])('refuses %j naming %s, and saves nothing', async (body, field) => {
    const before = ((await views(sarah, '?list=requests&limit=100')).body.items as View[]).length;
    const res = await save(sarah, body);
    expect(res.status).toBe(400);
    expect((res.body.error.details as { field: string }[]).map((d) => d.field)).toContain(field);
    expect(((await views(sarah, '?list=requests&limit=100')).body.items as View[]).length).toBe(before);
  });

  it('refuses a name the person already uses for that list, in any letter case', async () => {
    await save(sarah, { name: `Due soon ${RUN}`, filters: { order: 'oldest' } });
    const again = await save(sarah, { name: `due  SOON ${RUN}`, filters: {} });
    expect(again.status).toBe(400);
    expect(again.body.error.details).toEqual([expect.objectContaining({ field: 'name' })]);
    // Another person may use the same name.
    expect((await save(mike, { name: `Due soon ${RUN}`, filters: {} })).status).toBe(201);
  });

  it(`keeps at most ${MAX_SAVED_VIEWS} views a list, then says to delete one`, async () => {
    const person = await joinAs({ email: `views-${RUN}@designpi.com`, name: 'Vera Views', role: 'TEAM_MEMBER', password: 'Views-Passw0rd!' });
    for (let i = 0; i < MAX_SAVED_VIEWS; i++) expect((await save(person, { name: `View ${i} ${RUN}`, filters: {} })).status).toBe(201);
    const full = await save(person, { name: `One too many ${RUN}`, filters: {} });
    expect(full.status).toBe(409);
    expect(full.body.error.message).toMatch(/Delete one/);
    expect(((await views(person, '?list=requests&limit=100')).body.items as View[]).length).toBe(MAX_SAVED_VIEWS);
  });

  it('pages with a cursor, each view once', async () => {
    for (const name of ['Page one', 'Page two']) await save(mike, { name: `${name} ${RUN}`, filters: {} });
    const all = ((await views(mike, '?list=requests&limit=100')).body.items as View[]).map((v) => v.viewId);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await views(mike, `?list=requests&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...(page.body.items as View[]).map((v) => v.viewId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });
});
