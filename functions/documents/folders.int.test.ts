/**
 * Customers' document folders through the API (shared/domain/documents/folders.ts): a new
 * customer gets the firm's default structure, contacts see all but internal folders, uploads
 * are filed where they are sent, and staff make, rename, move into and remove folders.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, type Signed } from '../../infra/local/test-client.ts';
import { database } from '../../shared/db/all-entities.ts';
import { send, start, statusOf } from './test-uploads.ts';

const run = randomUUID().slice(0, 6);
let john: Signed; // a client, primary contact of his customer
let jane: Signed; // a client of another customer
let sarah: Signed; // lead
let admin: Signed;
let otherAdmin: Signed; // Northwind's
let johnsCustomer: string;

type Folder = { folderId: string; name: string; internal: boolean; parentId: string };
const call = (who: Signed, method: string, path: string, body?: unknown) =>
  api(path, { method, token: who.token, ...(body !== undefined && { body: JSON.stringify(body) }) });
const folders = async (who: Signed, query: string) => {
  const res = await call(who, 'GET', `/api/documents/folders?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { breadcrumbs: { folderId: string; name: string }[]; items: Folder[] };
};
const named = (list: Folder[], name: string) => list.find((f) => f.name === name)!;
const listed = async (who: Signed, query: string) =>
  ((await call(who, 'GET', `/api/documents?limit=100&${query}`)).body.items as { documentId: string }[]).map((d) => d.documentId);

/** A document uploaded by `who` and scanned, filed in `folderId`. */
async function uploaded(who: Signed, name: string, extra: Record<string, unknown> = {}) {
  const content = Buffer.from(`${name} ${run}`);
  const started = await start(who, name, content, extra);
  expect((await send(started.upload, content)).status).toBe(204);
  await expect.poll(() => statusOf(who, started.document.documentId), { timeout: 15_000 }).toBe('available');
  return started.document.documentId;
}

beforeAll(async () => {
  [john, jane, sarah, admin, otherAdmin] = await Promise.all([
    signIn('john.doe@example.com'),
    signIn('jane.smith@example.com'),
    signIn('sarah@designpi.com'),
    signIn('hello@designpi.com'),
    signIn('admin@northwind.example'),
  ]);
  johnsCustomer = (await database().entities.user.get({ tenantId: 't-designpi', userId: john.userId }).go()).data!.customerId!;
});

describe('a new customer', () => {
  it('gets the firm’s default folders: tax returns by year, payroll, contracts, and internal for staff only', { timeout: 20_000 }, async () => {
    const created = await call(admin, 'POST', '/api/customers', { name: `Folders ${run} Ltd` });
    expect(created.status).toBe(201);
    const customerId = created.body.customerId as string;
    await expect.poll(async () => (await folders(admin, `customerId=${customerId}`)).items.length, { timeout: 10_000 }).toBe(4);
    const top = (await folders(admin, `customerId=${customerId}`)).items;
    expect(top.map((f) => [f.name, f.internal])).toEqual([
      ['Contracts', false],
      ['Internal', true],
      ['Payroll', false],
      ['Tax returns', false],
    ]);
    const years = await folders(admin, `customerId=${customerId}&parentId=${named(top, 'Tax returns').folderId}`);
    expect(years.items.map((f) => f.name)).toEqual([String(new Date().getUTCFullYear())]);
    const inYear = await folders(admin, `customerId=${customerId}&parentId=${years.items[0]!.folderId}`);
    expect(inYear.breadcrumbs.map((b) => b.name)).toEqual(['Tax returns', years.items[0]!.name]);
  });

  it('gets the structure the firm set, which names each bad path', { timeout: 20_000 }, async () => {
    const bad = await call(otherAdmin, 'PATCH', '/api/firm/document-settings', { folderTemplate: [{ path: 'Books//{year}' }, { path: 'Ok' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toMatchObject({ field: 'folderTemplate.0.path', message: expect.stringMatching(/empty/) });
    const twice = await call(otherAdmin, 'PATCH', '/api/firm/document-settings', { folderTemplate: [{ path: 'Ok' }, { path: 'ok' }] });
    expect(twice.status).toBe(400);

    const template = [{ path: `Letters ${run}` }, { path: 'Books/{year}' }, { path: 'Staff notes', internal: true }];
    const set = await call(otherAdmin, 'PATCH', '/api/firm/document-settings', { folderTemplate: template });
    expect(set.status).toBe(200);
    expect((await call(otherAdmin, 'GET', '/api/firm/document-settings')).body).toMatchObject({ folderTemplate: template, isDefault: false });
    // Another firm's settings are its own.
    expect((await call(admin, 'GET', '/api/firm/document-settings')).body.folderTemplate.map((f: { path: string }) => f.path)).not.toContain(`Letters ${run}`);

    const { customerId } = (await call(otherAdmin, 'POST', '/api/customers', { name: `Template ${run} Ltd` })).body;
    await expect
      .poll(async () => (await folders(otherAdmin, `customerId=${customerId}`)).items.map((f) => f.name), { timeout: 10_000 })
      .toEqual(['Books', `Letters ${run}`, 'Staff notes']);
  });
});

describe('a client’s folders', () => {
  it('show all but the internal ones, and file uploads where they are sent; another customer’s folder is refused', { timeout: 40_000 }, async () => {
    const staffView = (await folders(sarah, `customerId=${johnsCustomer}`)).items;
    const internal = named(staffView, 'Internal');
    const payroll = named(staffView, 'Payroll');
    const johnsView = (await folders(john, '')).items;
    expect(johnsView.map((f) => f.name)).not.toContain('Internal');
    expect(johnsView.map((f) => f.name)).toContain('Payroll');
    const hidden = await call(john, 'GET', `/api/documents/folders?parentId=${internal.folderId}`);
    expect(hidden.status).toBe(400);
    expect(hidden.body.error.details[0].field).toBe('query.parentId');

    const documentId = await uploaded(john, `payslip ${run}.txt`, { folderId: payroll.folderId });
    expect(await listed(john, `folderId=${payroll.folderId}`)).toContain(documentId);
    expect(await listed(john, '')).not.toContain(documentId);

    // Another customer's folder, an internal one for a contact, another firm's: nothing is written.
    const { customerId: otherCustomer } = (await call(admin, 'POST', '/api/customers', { name: `Other ${run} Ltd` })).body;
    await expect.poll(async () => (await folders(admin, `customerId=${otherCustomer}`)).items.length, { timeout: 10_000 }).toBe(4);
    const theirs = named((await folders(admin, `customerId=${otherCustomer}`)).items, 'Payroll');
    for (const [who, folderId] of [
      [john, theirs.folderId],
      [john, internal.folderId],
    ] as const) {
      const res = await call(who, 'POST', '/api/documents', { name: 'x.txt', size: 1, checksum: 'A'.repeat(43) + '=', folderId });
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].field).toBe('folderId');
    }
    const foreign = await call(otherAdmin, 'GET', `/api/documents/folders?customerId=${johnsCustomer}`);
    expect(foreign.status).toBe(404);
  });
});

describe('staff organising folders', () => {
  it('make, rename, move documents into and remove folders, one name per place, within six levels', { timeout: 40_000 }, async () => {
    const top = (await folders(sarah, `customerId=${johnsCustomer}`)).items;
    const made = await call(sarah, 'POST', '/api/documents/folders', {
      customerId: johnsCustomer,
      parentId: named(top, 'Contracts').folderId,
      name: `Leases ${run}`,
    });
    expect(made.status).toBe(201);
    const leases = made.body as Folder;
    const again = await call(sarah, 'POST', '/api/documents/folders', { customerId: johnsCustomer, parentId: leases.parentId, name: `LEASES ${run}` });
    expect(again.status).toBe(409);
    const badName = await call(sarah, 'POST', '/api/documents/folders', { customerId: johnsCustomer, name: '../up' });
    expect(badName.status).toBe(400);
    expect(badName.body.error.details[0].field).toBe('name');

    // Six levels at most.
    let parentId = leases.folderId;
    for (let depth = 3; depth <= 6; depth++) {
      const res = await call(sarah, 'POST', '/api/documents/folders', { customerId: johnsCustomer, parentId, name: `Level ${depth}` });
      expect(res.status, `level ${depth}`).toBe(201);
      parentId = res.body.folderId;
    }
    const tooDeep = await call(sarah, 'POST', '/api/documents/folders', { customerId: johnsCustomer, parentId, name: 'Level 7' });
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body.error.details[0].field).toBe('parentId');

    const renamed = await call(sarah, 'PATCH', `/api/documents/folders/${leases.folderId}`, { name: `Rentals ${run}` });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    const underContracts = (await folders(sarah, `customerId=${johnsCustomer}&parentId=${leases.parentId}`)).items.map((f) => f.name);
    expect(underContracts).toContain(`Rentals ${run}`);
    expect(underContracts).not.toContain(`Leases ${run}`);

    // A document moved in: listed there, no longer at the top; moved into Internal, the client no longer sees it.
    const documentId = await uploaded(john, `lease ${run}.txt`);
    const moved = await call(sarah, 'PATCH', `/api/documents/${documentId}`, { folderId: leases.folderId });
    expect(moved.status).toBe(200);
    expect(await listed(sarah, `customerId=${johnsCustomer}&folderId=${leases.folderId}`)).toContain(documentId);
    expect(await listed(john, '')).not.toContain(documentId);
    expect((await call(sarah, 'DELETE', `/api/documents/folders/${leases.folderId}`)).status).toBe(409);
    const shared = await call(sarah, 'PATCH', `/api/documents/${documentId}`, { folderId: named(top, 'Internal').folderId, accessLevel: 'customer' });
    expect(shared.status).toBe(400);
    expect(shared.body.error.details[0].field).toBe('accessLevel');
    const internal = await call(sarah, 'PATCH', `/api/documents/${documentId}`, { folderId: named(top, 'Internal').folderId });
    expect(internal.body.accessLevel).toBe('internal');
    expect((await call(john, 'GET', `/api/documents/${documentId}`)).status).toBe(404);
    // A client cannot organise; another firm cannot reach the folder.
    expect((await call(john, 'PATCH', `/api/documents/folders/${leases.folderId}`, { name: 'Mine' })).status).toBe(403);
    expect((await call(otherAdmin, 'DELETE', `/api/documents/folders/${leases.folderId}`)).status).toBe(404);

    // Emptied of its subfolders (deepest first), it can go.
    const chain = [leases.folderId];
    for (let i = 0; i < 4; i++) chain.push((await folders(sarah, `customerId=${johnsCustomer}&parentId=${chain.at(-1)}`)).items[0]!.folderId);
    for (const folderId of chain.reverse()) expect((await call(sarah, 'DELETE', `/api/documents/folders/${folderId}`)).status).toBe(204);
    expect((await folders(sarah, `customerId=${johnsCustomer}&parentId=${leases.parentId}`)).items.map((f) => f.folderId)).not.toContain(leases.folderId);
    const { data: audit } = await database()
      .entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'document_folder', entityId: leases.folderId })
      .go();
    expect(audit.map((a) => a.action).sort()).toEqual(['document.folder_created', 'document.folder_deleted', 'document.folder_renamed']);
  });

  it(
    'move a folder with all inside it to another place of its customer’s, never into itself, deeper than six levels, a clash or staff-only',
    { timeout: 40_000 },
    async () => {
      const make = async (name: string, parentId?: string, extra: Record<string, unknown> = {}) => {
        const res = await call(sarah, 'POST', '/api/documents/folders', { customerId: johnsCustomer, name, ...(parentId && { parentId }), ...extra });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        return res.body.folderId as string;
      };
      const move = (folderId: string, body: unknown, who = sarah) => call(who, 'PATCH', `/api/documents/folders/${folderId}`, body);
      const crumbs = async (folderId: string) => (await folders(sarah, `customerId=${johnsCustomer}&parentId=${folderId}`)).breadcrumbs.map((b) => b.name);
      const a = await make(`A ${run}`);
      const b = await make('B', a);
      const c = await make('C', b);
      const d = await make(`D ${run}`);
      const documentId = await uploaded(john, `in c ${run}.txt`, { folderId: c });

      const moved = await move(b, { parentId: d });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      expect((await folders(sarah, `customerId=${johnsCustomer}&parentId=${d}`)).items.map((f) => f.name)).toEqual(['B']);
      expect((await folders(sarah, `customerId=${johnsCustomer}&parentId=${a}`)).items).toEqual([]);
      // What is inside came along: its path is the new one, its documents are where they were.
      expect(await crumbs(c)).toEqual([`D ${run}`, 'B', 'C']);
      expect(await listed(sarah, `customerId=${johnsCustomer}&folderId=${c}`)).toEqual([documentId]);
      expect(await listed(john, `folderId=${c}`)).toEqual([documentId]);

      // Renamed and moved at once, to the top.
      const both = await move(b, { parentId: '-', name: `B ${run}` });
      expect(both.status).toBe(200);
      expect(await crumbs(c)).toEqual([`B ${run}`, 'C']);

      const refusals: [string, unknown, string][] = [
        [d, { parentId: d }, 'cannot be the folder itself or a folder inside it'],
        [b, { parentId: c }, 'cannot be the folder itself or a folder inside it'],
        [b, { parentId: (await folders(jane, '')).items[0]?.folderId ?? 'none' }, 'is not a folder of this customer'],
      ];
      // Six levels at most, counting what is inside: B holds C, so B may go no lower than the fifth level.
      let deep = d;
      for (let level = 2; level <= 5; level++) deep = await make(`Level ${level}`, deep);
      refusals.push([b, { parentId: deep }, 'would put folders deeper than folders go (6 levels)']);
      const staffOnly = await make(`Staff ${run}`, undefined, { internal: true });
      refusals.push([b, { parentId: staffOnly }, 'is for staff only: a shared folder cannot go into it']);
      for (const [folderId, body, message] of refusals) {
        const res = await move(folderId, body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body.error.details).toEqual([{ field: 'parentId', message }]);
      }
      // One level higher fits; a name already there does not.
      expect((await move(b, { parentId: (await folders(sarah, `customerId=${johnsCustomer}&parentId=${deep}`)).breadcrumbs.at(-2)!.folderId })).status).toBe(
        200,
      );
      await make(`b ${run}`);
      expect((await move(b, { parentId: '-' })).status).toBe(409);
      expect((await move(b, { parentId: d }, john)).status).toBe(403);
      expect((await move(b, { parentId: '-' }, otherAdmin)).status).toBe(404);
      const { data: audit } = await database().entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'document_folder', entityId: b }).go();
      expect(audit.filter((e) => e.action === 'document.folder_moved').length).toBe(3);
    },
  );

  it('never give two siblings one name, even asked at the same moment', { timeout: 30_000 }, async () => {
    const make = (name: string) => call(sarah, 'POST', '/api/documents/folders', { customerId: johnsCustomer, name });
    const statuses = async (work: Promise<{ status: number }>[]) => (await Promise.all(work)).map((r) => r.status).sort();
    // Made at once, in two letter cases: one is made, the other told the name is taken.
    expect(await statuses([make(`Twins ${run}`), make(`TWINS ${run}`), make(`twins ${run}`)])).toEqual([201, 409, 409]);
    // Two folders renamed to one name at once: one of them gets it.
    const [a, b] = await Promise.all([make(`First ${run}`), make(`Second ${run}`)]);
    const rename = (folderId: string) => call(sarah, 'PATCH', `/api/documents/folders/${folderId}`, { name: `Same ${run}` });
    expect(await statuses([rename(a.body.folderId), rename(b.body.folderId)])).toEqual([200, 409]);
    // A name given up is free again: renamed back, removed, then made anew.
    const holder = (await folders(sarah, `customerId=${johnsCustomer}`)).items.find((f) => f.name === `Same ${run}`)!;
    expect((await call(sarah, 'PATCH', `/api/documents/folders/${holder.folderId}`, { name: `Gone ${run}` })).status).toBe(200);
    expect((await make(`same ${run}`)).status).toBe(201);
    expect((await call(sarah, 'DELETE', `/api/documents/folders/${holder.folderId}`)).status).toBe(204);
    expect((await make(`Gone ${run}`)).status).toBe(201);
    const names = (await folders(sarah, `customerId=${johnsCustomer}`)).items.map((f) => f.name.toLowerCase());
    expect(names.filter((n) => n === `twins ${run}` || n === `same ${run}` || n === `gone ${run}`).sort()).toEqual([
      `gone ${run}`,
      `same ${run}`,
      `twins ${run}`,
    ]);
  });
});
