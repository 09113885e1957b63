/**
 * Large files in parts (ADR 0032), through the API and the local S3 stand-in: each part signed
 * for its SHA-256 and checked, resumed from what arrived, joined only when whole, scanned like
 * any upload; cancelled, nothing is left. Only the uploader reaches an upload's parts.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { GetObjectTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, type Signed } from '../../infra/local/test-client.ts';
import { LOCAL_AWS } from '../../infra/local/dynamo.ts';
import { objectKeyOf } from '../../shared/domain/documents/keys.ts';
import { PART_BYTES } from '../../shared/domain/documents/multipart.ts';
import { RETENTION_TAG } from '../../shared/domain/documents/retention.ts';
import { send, sha256, start, statusOf } from './test-uploads.ts';

const run = randomUUID().slice(0, 6);
let john: Signed; // client, Acme's primary contact
let lisa: Signed; // another Acme contact
let sarah: Signed; // lead
let otherAdmin: Signed;

/** A PDF of `size` bytes that no other test sends. */
const pdfOf = (size: number) => Buffer.concat([Buffer.from(`%PDF-1.7\n% ${run}\n`), randomBytes(size)]).subarray(0, size);
const partOf = (content: Buffer, n: number) => content.subarray((n - 1) * PART_BYTES, n * PART_BYTES);

type Started = Awaited<ReturnType<typeof start>> & { upload: { method: string; partCount: number } };
const versionPath = (s: Started) => `/api/documents/${s.document.documentId}/versions/${s.versionNo}`;
const call = (who: Signed, method: string, path: string, body?: unknown) =>
  api(path, { method, token: who.token, ...(body !== undefined && { body: JSON.stringify(body) }) });

/** Signs part `n` for the checksum of `bytes` (what the page does before each part). */
async function link(who: Signed, s: Started, n: number, bytes: Buffer) {
  const res = await call(who, 'POST', `${versionPath(s)}/parts`, { parts: [{ partNumber: n, checksum: sha256(bytes) }] });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.parts[0].url as string;
}
const put = (url: string, bytes: Buffer, checksum = sha256(bytes)) =>
  fetch(url, { method: 'PUT', headers: { 'x-amz-checksum-sha256': checksum }, body: new Uint8Array(bytes) });
async function sendPart(who: Signed, s: Started, content: Buffer, n: number) {
  const res = await put(await link(who, s, n, partOf(content, n)), partOf(content, n));
  expect(res.status, await res.text()).toBe(200);
}
const heldParts = async (who: Signed, s: Started) => (await call(who, 'GET', `${versionPath(s)}/parts`)).body.parts as { partNumber: number; size: number }[];

beforeAll(async () => {
  [john, lisa, sarah, otherAdmin] = await Promise.all([
    signIn('john.doe@example.com'),
    signIn('lisa@acme.example'),
    signIn('sarah@designpi.com'),
    signIn('admin@northwind.example'),
  ]);
});

describe('a large file in parts', () => {
  it('is sent part by part, resumed from what arrived, joined, scanned and served whole', { timeout: 60_000 }, async () => {
    const content = pdfOf(2 * PART_BYTES + 12345);
    const started = (await start(john, `Ledger ${run}.pdf`, content)) as Started;
    expect(started.upload).toMatchObject({ method: 'parts', partSize: PART_BYTES, partCount: 3 });
    expect(await heldParts(john, started)).toEqual([]);

    await sendPart(john, started, content, 2);
    // Paused after one part (or the page reloaded): the server says which arrived, and the rest follows.
    expect(await heldParts(john, started)).toEqual([{ partNumber: 2, size: PART_BYTES, checksum: sha256(partOf(content, 2)) }]);
    await sendPart(john, started, content, 1);
    await sendPart(john, started, content, 3);
    const done = await call(john, 'POST', `${versionPath(started)}/complete`);
    expect(done.status, JSON.stringify(done.body)).toBe(202);
    // Asked again (a retry after a dropped answer), the same answer.
    expect((await call(john, 'POST', `${versionPath(started)}/complete`)).status).toBe(202);

    await expect.poll(() => statusOf(john, started.document.documentId), { timeout: 20_000 }).toBe('available');
    const { body: linkToFile } = await call(john, 'GET', `/api/documents/${started.document.documentId}/download`);
    const file = Buffer.from(await (await fetch(linkToFile.url)).arrayBuffer());
    expect(file.equals(content)).toBe(true);
    // Tagged with the firm's retention at the start, as a POST's file is.
    const s3 = new S3Client({ region: LOCAL_AWS.region, endpoint: process.env.S3_ENDPOINT, forcePathStyle: true, credentials: LOCAL_AWS.credentials });
    const { TagSet } = await s3.send(
      new GetObjectTaggingCommand({ Bucket: process.env.DOCUMENTS_BUCKET, Key: objectKeyOf({ tenantId: 't-designpi', ...started.document, versionNo: 1 }) }),
    );
    expect(TagSet?.find((t) => t.Key === RETENTION_TAG)?.Value).toBe('7');
    // Its parts are over: it has arrived.
    expect((await call(john, 'GET', `${versionPath(started)}/parts`)).status).toBe(409);
  });

  it('refuses a part whose bytes are not the SHA-256 signed, or that comes without it', async () => {
    const content = pdfOf(2 * PART_BYTES + 1);
    const started = (await start(john, `Tampered ${run}.pdf`, content)) as Started;
    const url = await link(john, started, 1, partOf(content, 1));
    const other = Buffer.from(partOf(content, 1));
    other[100] = other[100]! ^ 1;
    const refused = await put(url, other, sha256(partOf(content, 1)));
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('BadDigest');
    // The checksum is signed: another one (for the other bytes) breaks the signature.
    expect((await put(url, other)).status).toBe(403);
    expect((await fetch(url, { method: 'PUT', body: new Uint8Array(other) })).status).toBe(403);
    expect(await heldParts(john, started)).toEqual([]);
  });

  it('is joined only when every part has arrived at its size, naming what is missing', async () => {
    const content = pdfOf(2 * PART_BYTES + 10);
    const started = (await start(john, `Partial ${run}.pdf`, content)) as Started;
    await sendPart(john, started, content, 1);
    const missing = await call(john, 'POST', `${versionPath(started)}/complete`);
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toEqual([{ field: 'parts', message: 'parts 2, 3 of 3 have not arrived' }]);
    // A short part 2 (its own bytes, honestly hashed) does not make the file either.
    const short = partOf(content, 2).subarray(0, 1000);
    expect((await put(await link(john, started, 2, short), short)).status).toBe(200);
    await sendPart(john, started, content, 3);
    const wrong = await call(john, 'POST', `${versionPath(started)}/complete`);
    expect(wrong.body.error.details).toEqual([{ field: 'parts', message: `part 2 holds 1000 bytes; ${PART_BYTES} were expected` }]);
    expect(await statusOf(john, started.document.documentId)).toBe('uploading');
  });

  it('rejects, after its scan, a file whose whole SHA-256 is not the one declared', { timeout: 60_000 }, async () => {
    const content = pdfOf(2 * PART_BYTES + 99);
    const started = (await start(john, `Mislabelled ${run}.pdf`, content, { checksum: sha256(Buffer.from('another file')) })) as Started;
    for (const n of [1, 2, 3]) await sendPart(john, started, content, n);
    expect((await call(john, 'POST', `${versionPath(started)}/complete`)).status).toBe(202);
    await expect.poll(() => statusOf(john, started.document.documentId), { timeout: 20_000 }).toBe('rejected');
    expect((await call(john, 'GET', `/api/documents/${started.document.documentId}/download`)).status).toBe(409);
  });

  it('names a part beyond the file, or one named twice', async () => {
    const content = pdfOf(PART_BYTES * 2 + 5);
    const started = (await start(john, `Numbers ${run}.pdf`, content)) as Started;
    const checksum = sha256(Buffer.from('x'));
    const res = await call(john, 'POST', `${versionPath(started)}/parts`, {
      parts: [
        { partNumber: 4, checksum },
        { partNumber: 1, checksum },
        { partNumber: 1, checksum },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { field: 'parts.0.partNumber', message: 'must be at most 3: the file has 3 parts' },
      { field: 'parts.2.partNumber', message: 'is named twice' },
    ]);
  });
});

describe('cancelling an upload', () => {
  it('drops the parts sent and the new document with them', async () => {
    const content = pdfOf(PART_BYTES * 2 + 7);
    const started = (await start(john, `Cancelled ${run}.pdf`, content)) as Started;
    await sendPart(john, started, content, 1);
    expect((await call(john, 'DELETE', `${versionPath(started)}/upload`)).status).toBe(204);
    expect((await call(john, 'GET', `/api/documents/${started.document.documentId}`)).status).toBe(404);
    expect((await call(john, 'GET', `${versionPath(started)}/parts`)).status).toBe(404);
    const admin = await signIn('hello@designpi.com');
    const { body: history } = await call(admin, 'GET', `/api/audit?entityType=document&entityId=${started.document.documentId}`);
    expect(history.items.map((e: { action: string }) => e.action)).toEqual(['document.upload_cancelled', 'document.upload_started']);
  });

  it('of a new version keeps the document and the versions it had; a version number is not used again', { timeout: 30_000 }, async () => {
    const first = Buffer.from(`%PDF-1.7\n% first ${run}\n`);
    const started = await start(john, `Kept ${run}.pdf`, first);
    expect((await send(started.upload, first)).status).toBe(204);
    await expect.poll(() => statusOf(john, started.document.documentId), { timeout: 15_000 }).toBe('available');
    const second = await start(john, `Kept ${run}.pdf`, Buffer.from('%PDF-1.7\n% second\n'), { documentId: started.document.documentId });
    expect((await call(john, 'DELETE', `/api/documents/${started.document.documentId}/versions/2/upload`)).status).toBe(204);
    const { body: kept } = await call(john, 'GET', `/api/documents/${started.document.documentId}`);
    expect(kept.versions.map((v: { versionNo: number }) => v.versionNo)).toEqual([1]);
    expect(kept.status).toBe('available');
    const third = await start(john, `Kept ${run}.pdf`, Buffer.from('%PDF-1.7\n% third\n'), { documentId: started.document.documentId });
    expect([second.versionNo, third.versionNo]).toEqual([2, 3]);
  });

  it('of a file sent in one piece works the same, and after arrival is refused', async () => {
    const content = Buffer.from(`%PDF-1.7\n% small ${run}\n`);
    const small = await start(john, `Small ${run}.pdf`, content);
    expect((await call(john, 'DELETE', `/api/documents/${small.document.documentId}/versions/1/upload`)).status).toBe(204);
    expect((await call(john, 'GET', `/api/documents/${small.document.documentId}`)).status).toBe(404);
    // The form issued before the cancel still reaches the bucket, but no version waits for it.
    const arrived = await start(john, `Arrived ${run}.pdf`, content);
    expect((await send(arrived.upload, content)).status).toBe(204);
    await expect.poll(() => statusOf(john, arrived.document.documentId), { timeout: 15_000 }).toBe('available');
    expect((await call(john, 'DELETE', `/api/documents/${arrived.document.documentId}/versions/1/upload`)).status).toBe(409);
    // A file sent in one piece has no parts.
    expect((await call(john, 'GET', `/api/documents/${arrived.document.documentId}/versions/1/parts`)).status).toBe(409);
  });
});

describe('who reaches an upload', () => {
  it('only its uploader: another contact of the customer, staff and another firm are told it is not found', async () => {
    const content = pdfOf(PART_BYTES * 2 + 3);
    const started = (await start(john, `Private ${run}.pdf`, content, { accessLevel: 'customer' })) as Started;
    for (const who of [lisa, sarah, otherAdmin]) {
      expect((await call(who, 'GET', `${versionPath(started)}/parts`)).status).toBe(404);
      expect((await call(who, 'POST', `${versionPath(started)}/parts`, { parts: [{ partNumber: 1, checksum: sha256(content) }] })).status).toBe(404);
      expect((await call(who, 'POST', `${versionPath(started)}/complete`)).status).toBe(404);
      expect((await call(who, 'DELETE', `${versionPath(started)}/upload`)).status).toBe(404);
    }
    expect((await call(john, 'GET', `${versionPath(started)}/parts`)).status).toBe(200);
  });
});
