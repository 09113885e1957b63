/**
 * A document's versions through the API: a new version, comparing two text versions, a
 * staff revert that serves an earlier clean file again, a preview in the browser (recorded as
 * a view), and the document's history.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, type Signed } from '../../infra/local/test-client.ts';
import { send, start, statusOf } from './test-uploads.ts';

const run = randomUUID().slice(0, 6);
let john: Signed; // a client
let sarah: Signed; // lead
let otherAdmin: Signed;

const call = (who: Signed, method: string, path: string, body?: unknown) =>
  api(path, { method, token: who.token, ...(body !== undefined && { body: JSON.stringify(body) }) });

/** Uploads `content` as a new document, or as a new version of `documentId`, and waits for its scan. */
async function upload(name: string, content: string, documentId?: string) {
  const started = await start(john, name, Buffer.from(content), documentId ? { documentId } : {});
  expect((await send(started.upload, Buffer.from(content))).status).toBe(204);
  await expect
    .poll(async () => (await call(john, 'GET', `/api/documents/${started.document.documentId}`)).body.currentVersion, { timeout: 15_000 })
    .toBe(started.versionNo);
  return started.document.documentId;
}
const downloaded = async (who: Signed, documentId: string) => {
  const link = await call(who, 'GET', `/api/documents/${documentId}/download`);
  expect(link.status).toBe(200);
  return (await fetch(link.body.url)).text();
};

beforeAll(async () => {
  [john, sarah, otherAdmin] = await Promise.all([signIn('john.doe@example.com'), signIn('sarah@designpi.com'), signIn('admin@northwind.example')]);
});

describe('a document’s versions', () => {
  it('compare line by line, revert to an earlier clean one as a new version, and keep their history', { timeout: 60_000 }, async () => {
    const name = `ledger-${run}.csv`;
    const documentId = await upload(name, 'date,amount\n2026-01-01,10\n2026-01-02,20\n');
    await upload(name, 'date,amount\n2026-01-01,10\n2026-01-02,25\n2026-01-03,30\n', documentId);

    const diff = await call(john, 'GET', `/api/documents/${documentId}/compare?from=1&to=2`);
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({ from: 1, to: 2, added: 2, removed: 1 });
    expect(diff.body.lines).toEqual([
      { change: 'same', text: 'date,amount' },
      { change: 'same', text: '2026-01-01,10' },
      { change: 'removed', text: '2026-01-02,20' },
      { change: 'added', text: '2026-01-02,25' },
      { change: 'added', text: '2026-01-03,30' },
    ]);
    const badVersion = await call(john, 'GET', `/api/documents/${documentId}/compare?from=1&to=7`);
    expect(badVersion.status).toBe(400);
    expect(badVersion.body.error.details[0].field).toBe('query.to');

    // Only staff revert; another firm does not find the document.
    expect((await call(john, 'POST', `/api/documents/${documentId}/versions/1/revert`, {})).status).toBe(403);
    expect((await call(otherAdmin, 'POST', `/api/documents/${documentId}/versions/1/revert`, {})).status).toBe(404);
    expect((await call(sarah, 'POST', `/api/documents/${documentId}/versions/2/revert`, {})).status).toBe(409);
    const reverted = await call(sarah, 'POST', `/api/documents/${documentId}/versions/1/revert`, {});
    expect(reverted.status).toBe(201);
    expect(reverted.body.versionNo).toBe(3);
    const { body: shown } = await call(john, 'GET', `/api/documents/${documentId}`);
    expect(shown).toMatchObject({ currentVersion: 3, latestVersion: 3, status: 'available' });
    expect(shown.versions[0]).toMatchObject({ versionNo: 3, revertedFrom: 1, status: 'available', changeSummary: 'Reverted to version 1' });
    expect(await downloaded(john, documentId)).toBe('date,amount\n2026-01-01,10\n2026-01-02,20\n');

    // A new upload after the revert is served once clean, as ever.
    await upload(name, 'date,amount\n', documentId);
    expect(await downloaded(john, documentId)).toBe('date,amount\n');

    // A preview shows in the browser, with our type, and counts as a view.
    const preview = await call(john, 'GET', `/api/documents/${documentId}/preview`);
    expect(preview.status).toBe(200);
    const shownInline = await fetch(preview.body.url);
    expect(shownInline.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(shownInline.headers.get('content-type')).toMatch(/^text\/csv/);

    const history = await call(sarah, 'GET', `/api/documents/${documentId}/history?limit=50`);
    expect(history.status).toBe(200);
    const actions = (history.body.items as { action: string }[]).map((h) => h.action);
    expect(actions).toEqual(
      expect.arrayContaining(['document.upload_started', 'document.scanned', 'document.reverted', 'document.downloaded', 'document.viewed']),
    );
    expect(history.body.items.find((h: { action: string }) => h.action === 'document.viewed')).toMatchObject({ ip: expect.any(String) });
    expect((await call(john, 'GET', `/api/documents/${documentId}/history`)).status).toBe(403);
  });

  it('refuses to compare what is not text, and to preview what a browser cannot show', { timeout: 30_000 }, async () => {
    const pdf = await upload(`letter-${run}.pdf`, '%PDF-1.7\n%%EOF\n');
    await upload(`letter-${run}.pdf`, '%PDF-1.7\n% v2\n%%EOF\n', pdf);
    expect((await call(john, 'GET', `/api/documents/${pdf}/compare?from=1&to=2`)).status).toBe(409);
    expect((await call(john, 'GET', `/api/documents/${pdf}/preview`)).status).toBe(200);
    const doc = await start(john, `memo-${run}.docx`, Buffer.from('PK\x03\x04 not really'));
    expect(await statusOf(john, doc.document.documentId)).toBe('uploading');
    expect((await call(john, 'GET', `/api/documents/${doc.document.documentId}/preview`)).status).toBe(409);
  });
});
