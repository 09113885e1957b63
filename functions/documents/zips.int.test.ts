/**
 * A folder as one zip (../zips.ts, consumers/archives.ts): built in the background with
 * the folder's and its subfolders' available documents, as the person who asked may see them,
 * each under its folder's path; offered to them alone, and told to them when ready.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, type Signed } from '../../infra/local/test-client.ts';
import { zipContents } from '../../infra/local/test-zip.ts';
import { EICAR } from '../../infra/local/scanner.ts';
import { database } from '../../shared/db/all-entities.ts';
import { send, start, statusOf } from './test-uploads.ts';

const run = randomUUID().slice(0, 6);
let john: Signed; // Acme's primary contact
let jane: Signed; // another customer's contact
let sarah: Signed; // lead
let johnsCustomer: string;

const call = (who: Signed, method: string, path: string, body?: unknown) =>
  api(path, { method, token: who.token, ...(body !== undefined && { body: JSON.stringify(body) }) });
const folder = async (name: string, parentId?: string) => {
  const res = await call(sarah, 'POST', '/api/documents/folders', { customerId: johnsCustomer, name, ...(parentId && { parentId }) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.folderId as string;
};
/** A document uploaded by `who` into the folder; `until` is the status it is waited for. */
async function uploaded(who: Signed, name: string, content: string, extra: Record<string, unknown>, until = 'available') {
  const started = await start(who, name, Buffer.from(content), extra);
  expect((await send(started.upload, Buffer.from(content))).status).toBe(204);
  await expect.poll(() => statusOf(who, started.document.documentId), { timeout: 15_000 }).toBe(until);
}
type Zip = { zipId: string; status: string; total?: number; added: number; problem?: string; url?: string };
const zipOf = async (who: Signed, body: unknown) => {
  const res = await call(who, 'POST', '/api/documents/zips', body);
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  expect(res.body.status).toBe('building');
  let zip: Zip = res.body;
  await expect
    .poll(async () => (zip = (await call(who, 'GET', `/api/documents/zips/${res.body.zipId}`)).body).status, { timeout: 20_000 })
    .not.toBe('building');
  return zip;
};

beforeAll(async () => {
  [john, jane, sarah] = await Promise.all([signIn('john.doe@example.com'), signIn('jane.smith@example.com'), signIn('sarah@designpi.com')]);
  johnsCustomer = (await database().entities.user.get({ tenantId: 't-designpi', userId: john.userId }).go()).data!.customerId!;
});

describe('a folder as a zip', () => {
  it('holds its and its subfolders’ clean documents the asker may see, each once, for them alone, and tells them', { timeout: 90_000 }, async () => {
    const top = await folder(`Zip ${run}`);
    const sub = await folder('Receipts', top);
    const staffOnly = await folder('Workings', top);
    await Promise.all([
      uploaded(john, 'ledger.txt', 'one', { folderId: top }),
      uploaded(john, 'Ledger.txt', 'two', { folderId: top }),
      uploaded(john, 'fuel.csv', 'a,b\n', { folderId: sub }),
      uploaded(sarah, 'notes.txt', 'staff', { customerId: johnsCustomer, folderId: top, accessLevel: 'internal' }),
      uploaded(sarah, 'plan.txt', 'staff', { customerId: johnsCustomer, folderId: staffOnly }),
      uploaded(john, 'virus.txt', EICAR, { folderId: top }, 'quarantined'),
    ]);

    const johns = await zipOf(john, { folderId: top });
    expect(johns).toMatchObject({ status: 'ready', total: 3, added: 3 });
    const files = await zipContents(johns.url!);
    // Two names the same in any case: the second is numbered (which one is second follows their ids).
    const names = (zipped: Record<string, string>) =>
      Object.keys(zipped)
        .map((n) => n.toLowerCase())
        .sort();
    expect(names(files)).toEqual(['ledger (2).txt', 'ledger.txt', 'receipts/fuel.csv']);
    expect(Object.values(files).sort()).toEqual(['a,b\n', 'one', 'two']);

    const sarahs = await zipOf(sarah, { customerId: johnsCustomer, folderId: top });
    expect(names(await zipContents(sarahs.url!))).toEqual(['ledger (2).txt', 'ledger.txt', 'notes.txt', 'receipts/fuel.csv', 'workings/plan.txt']);

    // Offered to whoever asked only.
    for (const other of [sarah, jane]) expect((await call(other, 'GET', `/api/documents/zips/${johns.zipId}`)).status).toBe(404);
    // Told, with the documents page that offers it.
    await expect
      .poll(async () =>
        ((await call(john, 'GET', '/api/notifications?limit=50')).body.items as { kind: string; link: string }[]).find((n) => n.link?.includes(johns.zipId)),
      )
      .toMatchObject({ kind: 'document.zip_ready', link: `/portal/documents/?zip=${johns.zipId}` });
  });

  it('is refused for another customer’s folder or a staff-only one, and fails, saying why, when there is nothing in it', { timeout: 40_000 }, async () => {
    const empty = await folder(`Empty ${run}`);
    const internal = (await call(sarah, 'POST', '/api/documents/folders', { customerId: johnsCustomer, name: `Internal ${run}`, internal: true })).body
      .folderId;
    for (const [who, body] of [
      [jane, { folderId: empty }],
      [john, { folderId: internal }],
    ] as const) {
      const res = await call(who, 'POST', '/api/documents/zips', body);
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].field).toBe('folderId');
    }
    expect((await call(jane, 'POST', '/api/documents/zips', { customerId: johnsCustomer })).status).toBe(404);
    expect(await zipOf(john, { folderId: empty })).toMatchObject({ status: 'failed', problem: 'There is nothing to download in it yet.' });
  });
});
