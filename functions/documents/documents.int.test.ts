/**
 * Documents through the API and the local S3 (ADR 0029): an upload is started, the browser's
 * POST goes straight to the bucket with the presigned form, the file is scanned, and only then
 * can it be downloaded, by those who may see it.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, joinAs, signIn, type Signed } from '../../infra/local/test-client.ts';
import { EICAR } from '../../infra/local/scanner.ts';
import { database } from '../../shared/db/all-entities.ts';
import { send, sha256, start, statusOf } from './test-uploads.ts';

const run = randomUUID().slice(0, 6);
let john: Signed; // a client, primary contact of his customer
let sarah: Signed; // lead
let otherAdmin: Signed;
let johnsCustomer: string;

const post = (who: Signed, body: unknown) => api('/api/documents', { method: 'POST', token: who.token, body: JSON.stringify(body) });
const get = (who: Signed, path: string) => api(path, { token: who.token });

const listed = async (who: Signed, query = '') =>
  ((await get(who, `/api/documents?limit=100${query}`)).body.items as { documentId: string }[]).map((d) => d.documentId);

beforeAll(async () => {
  [john, sarah, otherAdmin] = await Promise.all([signIn('john.doe@example.com'), signIn('sarah@designpi.com'), signIn('admin@northwind.example')]);
  johnsCustomer = (await database().entities.user.get({ tenantId: 't-designpi', userId: john.userId }).go()).data!.customerId!;
});

describe('uploading a document', () => {
  it('goes straight to the bucket, is scanned, then downloads as sent', { timeout: 30_000 }, async () => {
    const content = Buffer.from(`%PDF-1.7\n% W-2 ${run}\n%%EOF\n`);
    const started = await start(john, `2026 W-2 ${run}.pdf`, content);
    expect(started.document.customerId).toBe(johnsCustomer);
    expect(started.document.status).toBe('uploading');
    expect(started.upload.fields.key).toMatch(new RegExp(`^t/t-designpi/documents/${started.document.documentId}/v1$`));
    // Before the file arrives, nothing to download and nothing listed.
    expect((await get(john, `/api/documents/${started.document.documentId}/download`)).status).toBe(409);
    expect(await listed(john)).not.toContain(started.document.documentId);

    expect((await send(started.upload, content)).status).toBe(204);
    await expect.poll(() => statusOf(john, started.document.documentId), { timeout: 15_000 }).toBe('available');
    expect(await listed(john)).toContain(started.document.documentId);
    expect(await listed(sarah, `&customerId=${johnsCustomer}`)).toContain(started.document.documentId);

    const link = await get(john, `/api/documents/${started.document.documentId}/download`);
    expect(link.status).toBe(200);
    const file = await fetch(link.body.url);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(content)).toBe(true);
    expect(file.headers.get('content-disposition')).toContain(`filename*=UTF-8''2026%20W-2%20${run}.pdf`);
    const { body: shown } = await get(john, `/api/documents/${started.document.documentId}`);
    expect(shown).toMatchObject({ downloadCount: 1, currentVersion: 1, versions: [{ versionNo: 1, status: 'available' }] });
  });

  it('names each bad field: size, name, type and checksum, and writes nothing', async () => {
    const ok = { name: 'ok.pdf', size: 10, checksum: sha256(Buffer.from('x')) };
    const fieldsOf = async (body: unknown) =>
      ((await post(john, body)).body.error.details as { field: string; message: string }[]).map((d) => [d.field, d.message]);
    expect(await fieldsOf({ ...ok, size: 101 * 1024 * 1024 })).toEqual([['size', 'must be at most 100 MB']]);
    expect(await fieldsOf({ ...ok, size: 0 })).toEqual([['size', 'must be at least 1 byte: the file is empty']]);
    expect(await fieldsOf({ ...ok, name: '../../etc/passwd.pdf' })).toEqual([['name', 'must be a file name, not a path']]);
    expect(await fieldsOf({ ...ok, name: 'tab\there.pdf' })).toEqual([['name', 'must not contain control characters']]);
    expect(await fieldsOf({ ...ok, name: `${'n'.repeat(296)}.pdf` })).toEqual([['name', 'must be at most 255 characters']]);
    expect((await fieldsOf({ ...ok, name: 'setup.exe' }))[0]![0]).toBe('name');
    expect(await fieldsOf({ ...ok, checksum: 'abc' })).toEqual([['checksum', 'must be the file’s SHA-256, in base64']]);
    expect(await fieldsOf({ ...ok, accessLevel: 'internal' })).toEqual([['accessLevel', 'must be one of: customer, private']]);
    expect((await post(sarah, ok)).body.error.details).toMatchObject([{ field: 'customerId' }]);
  });

  it('is refused by the bucket unless it is the very file announced: size, checksum, key', { timeout: 20_000 }, async () => {
    const content = Buffer.from('date,amount\n2026-01-02,12.50\n');
    const started = await start(john, `statement-${run}.csv`, content);
    const bigger = await send(started.upload, Buffer.concat([content, Buffer.from('2026-01-03,1.00\n')]));
    expect([bigger.status, bigger.text]).toEqual([400, expect.stringContaining('EntityTooLarge')]);
    const tampered = Buffer.from(content.toString().replace('12.50', '99.99'));
    const digest = await send(started.upload, tampered);
    expect([digest.status, digest.text]).toEqual([400, expect.stringContaining('BadDigest')]);
    const elsewhere = await send(started.upload, content, { key: 't/t-northwind/documents/x/v1' });
    expect([elsewhere.status, elsewhere.text]).toEqual([403, expect.stringContaining('Policy Condition failed')]);
    expect(await statusOf(john, started.document.documentId)).toBe('uploading');
    expect((await send(started.upload, content)).status).toBe(204);
    await expect.poll(() => statusOf(john, started.document.documentId), { timeout: 15_000 }).toBe('available');
  });

  it('of malware is quarantined: never listed, never downloadable', { timeout: 30_000 }, async () => {
    const content = Buffer.from(EICAR);
    const started = await start(john, `notes-${run}.txt`, content);
    expect((await send(started.upload, content)).status).toBe(204);
    await expect.poll(() => statusOf(john, started.document.documentId), { timeout: 15_000 }).toBe('quarantined');
    const refused = await get(john, `/api/documents/${started.document.documentId}/download`);
    expect([refused.status, refused.body.error.message]).toEqual([409, `notes-${run}.txt was found to contain malware and is quarantined.`]);
    expect(await listed(john)).not.toContain(started.document.documentId);
    expect(await listed(sarah, `&customerId=${johnsCustomer}`)).not.toContain(started.document.documentId);
  });

  it('of a program named .pdf is rejected, not served', { timeout: 30_000 }, async () => {
    const content = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
    const started = await start(john, `invoice-${run}.pdf`, content);
    expect((await send(started.upload, content)).status).toBe(204);
    await expect.poll(() => statusOf(john, started.document.documentId), { timeout: 15_000 }).toBe('rejected');
    expect((await get(john, `/api/documents/${started.document.documentId}/download`)).body.error.message).toBe(
      `invoice-${run}.pdf is not the type of file its name says, so it is not served.`,
    );
  });

  it('of a new version keeps the old one, and serves the new one once it is clean', { timeout: 30_000 }, async () => {
    const first = Buffer.from(`first ${run}`);
    const started = await start(john, `engagement-${run}.txt`, first);
    await send(started.upload, first);
    await expect.poll(() => statusOf(john, started.document.documentId), { timeout: 15_000 }).toBe('available');
    const second = Buffer.from(`second ${run}`);
    const next = await start(john, `engagement-${run}.txt`, second, { documentId: started.document.documentId, changeSummary: 'Signed copy' });
    expect(next.versionNo).toBe(2);
    await send(next.upload, second);
    await expect.poll(async () => (await get(john, `/api/documents/${started.document.documentId}`)).body.currentVersion, { timeout: 15_000 }).toBe(2);
    const { body } = await get(john, `/api/documents/${started.document.documentId}`);
    expect(body.versions.map((v: { versionNo: number; changeSummary?: string }) => [v.versionNo, v.changeSummary])).toEqual([
      [2, 'Signed copy'],
      [1, undefined],
    ]);
    const file = await fetch((await get(john, `/api/documents/${started.document.documentId}/download`)).body.url);
    expect(await file.text()).toBe(`second ${run}`);
  });
});

describe('who sees a document', () => {
  it('its customer’s contacts by their access and its level; staff who may open the customer; nobody else', { timeout: 60_000 }, async () => {
    const content = Buffer.from(`shared ${run}`);
    const shared = await start(john, `shared-${run}.txt`, content);
    await send(shared.upload, content);
    const privately = await start(john, `private-${run}.txt`, content, { accessLevel: 'private' });
    await send(privately.upload, content);
    await expect.poll(() => statusOf(john, privately.document.documentId), { timeout: 15_000 }).toBe('available');
    await expect.poll(() => statusOf(john, shared.document.documentId), { timeout: 15_000 }).toBe('available');
    const ids = [shared.document.documentId, privately.document.documentId];

    const person = (name: string, role: string, extra: Record<string, string> = {}) =>
      joinAs({ email: `docs-${name.toLowerCase().replace(/ /g, '-')}-${run}@example.com`, name, role, password: 'Documents-Passw0rd!', ...extra });
    const [colleague, ownOnly, stranger, member] = await Promise.all([
      person('Colleague', 'CLIENT', { customerId: johnsCustomer, contactAccess: 'full' }),
      person('Own Only', 'CLIENT', { customerId: johnsCustomer, contactAccess: 'own' }),
      person('Stranger', 'CLIENT'),
      person('Member', 'TEAM_MEMBER'),
    ]);
    const sees = async (who: Signed) => Promise.all(ids.map(async (id) => (await get(who, `/api/documents/${id}`)).status));
    expect(await sees(colleague)).toEqual([200, 404]);
    expect(await sees(ownOnly)).toEqual([404, 404]);
    expect(await sees(stranger)).toEqual([404, 404]);
    expect(await sees(member)).toEqual([404, 404]);
    expect(await sees(otherAdmin)).toEqual([404, 404]);
    expect(await sees(sarah)).toEqual([200, 200]);
    expect((await listed(colleague)).filter((id) => ids.includes(id))).toEqual([shared.document.documentId]);
    expect((await listed(ownOnly)).filter((id) => ids.includes(id))).toEqual([]);
    expect((await get(stranger, `/api/documents?customerId=${johnsCustomer}`)).status).toBe(404);
    expect((await get(member, `/api/documents?customerId=${johnsCustomer}`)).status).toBe(404);
    expect((await get(otherAdmin, `/api/documents?customerId=${johnsCustomer}`)).status).toBe(404);
    expect((await get(stranger, `/api/documents/${shared.document.documentId}/download`)).status).toBe(404);
    // Nor can anyone else add a version to it, or upload under another customer.
    expect((await post(stranger, { name: 'x.txt', size: 1, checksum: sha256(Buffer.from('x')), documentId: shared.document.documentId })).status).toBe(404);
    expect((await post(stranger, { name: 'x.txt', size: 1, checksum: sha256(Buffer.from('x')), customerId: johnsCustomer })).status).toBe(404);
    expect((await post(otherAdmin, { name: 'x.txt', size: 1, checksum: sha256(Buffer.from('x')), customerId: johnsCustomer })).status).toBe(404);
  });
});

describe('removing a document', () => {
  it('takes it out of every list and link at once, deletes its files, and is staff’s to do, for customers they may open', { timeout: 30_000 }, async () => {
    const content = Buffer.from(`Old letter ${run}\n`);
    const started = await start(john, `letter-${run}.txt`, content);
    await send(started.upload, content);
    const { documentId } = started.document;
    await expect.poll(() => statusOf(john, documentId), { timeout: 10_000 }).toBe('available');
    const link = (await get(sarah, `/api/documents/${documentId}/download`)).body.url as string;
    expect((await fetch(link)).status).toBe(200);

    const remove = (who: Signed) => api(`/api/documents/${documentId}`, { method: 'DELETE', token: who.token });
    expect((await remove(john)).status).toBe(403);
    expect((await remove(otherAdmin)).status).toBe(404);
    expect((await remove(sarah)).status).toBe(204);

    expect((await get(john, `/api/documents/${documentId}`)).status).toBe(404);
    expect((await get(sarah, `/api/documents/${documentId}/download`)).status).toBe(404);
    expect(await listed(john)).not.toContain(documentId);
    expect(await listed(sarah, `&customerId=${johnsCustomer}&q=letter-${run}`)).toEqual([]);
    // Even a link issued before is dead: the file is gone, and the bucket refuses what it cannot see scanned clean (403, as the policy does).
    expect((await fetch(link)).status).toBe(403);
    // Once is enough.
    expect((await remove(sarah)).status).toBe(404);
    const { data: audit } = await database().entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'document', entityId: documentId }).go();
    expect(audit.find((a) => a.action === 'document.deleted')).toMatchObject({
      actorId: sarah.userId,
      changes: [{ field: 'status', from: 'available', to: 'deleted' }],
    });
  });
});
