/**
 * The scanning path end to end on the local stack (ADR 0029): an object put in the documents
 * bucket is scanned by ClamAV, tagged as GuardDuty tags, and the result event reaches the
 * document-scans consumer (its deployed bundle), which makes the version available,
 * quarantined or rejected. Reads are refused until the scan tagged the object clean.
 * The documents are written here as the upload route writes them.
 */
import { randomUUID } from 'node:crypto';
import { GetObjectCommand, GetObjectTaggingCommand, PutObjectCommand, PutObjectTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { describe, expect, it } from 'vitest';
import { EICAR, scanResultDetail } from '../../infra/local/scanner.ts';
import { database } from '../../shared/db/all-entities.ts';
import { deliverScanResult } from './test-uploads.ts';
import { objectKeyOf } from '../../shared/domain/documents/keys.ts';
import { SCAN_RESULT_DETAIL_TYPE, SCAN_RESULT_SOURCE, type ScanResult } from '../../shared/domain/documents/scans.ts';

const tenantId = 't-designpi';
const bucket = process.env.DOCUMENTS_BUCKET!;
const s3 = new S3Client({ region: process.env.AWS_REGION, endpoint: process.env.S3_ENDPOINT, forcePathStyle: true });

/** A document with one version waiting for its file, as the upload route leaves it. */
async function uploadingDocument(name: string, mimeType: string, size: number) {
  const documentId = randomUUID();
  const ref = { tenantId, documentId, versionNo: 1 };
  const now = new Date().toISOString();
  const file = { name, mimeType, size, checksum: 'c2hhMjU2', uploadedBy: 'u-john', uploadedByName: 'John' };
  const { entities } = database();
  await entities.document.create({ tenantId, documentId, customerId: 'c-test', ...file, latestVersion: 1, status: 'uploading', createdAt: now }).go();
  await entities.documentVersion.create({ ...ref, objectKey: objectKeyOf(ref), ...file, status: 'uploading', createdAt: now }).go();
  return ref;
}
const put = (key: string, body: string | Uint8Array) => s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
const documentOf = async (documentId: string) => (await database().entities.document.get({ tenantId, documentId }).go()).data!;
const versionOf = async (ref: { documentId: string; versionNo: number }) =>
  (
    await database()
      .entities.documentVersion.get({ tenantId, ...ref })
      .go()
  ).data!;
const statusOf = async (documentId: string) => (await documentOf(documentId)).status;
const tagOf = async (key: string) =>
  (await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key }))).TagSet?.find((t) => t.Key === 'GuardDutyMalwareScanStatus')?.Value;
/** A presigned GET, as the download route will hand out, fetched as a browser would. */
const download = async (key: string) => fetch(await getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: 300 }));

const deliver = deliverScanResult;

describe('a document file', () => {
  it('is scanned once it arrives, and served only once clean and of the type its name says', { timeout: 30_000 }, async () => {
    const ref = await uploadingDocument('2026 W-2.pdf', 'application/pdf', 20);
    const key = objectKeyOf(ref);
    await put(key, '%PDF-1.7\n%%EOF\n');
    await expect.poll(() => statusOf(ref.documentId), { timeout: 15_000 }).toBe('available');
    expect(await tagOf(key)).toBe('NO_THREATS_FOUND');
    expect(await versionOf(ref)).toMatchObject({ status: 'available', verdict: 'NO_THREATS_FOUND', typeMatches: true, scanFailures: 0 });
    expect((await documentOf(ref.documentId)).currentVersion).toBe(1);
    expect((await download(key)).status).toBe(200);
    // Untagged (say, before its scan), it cannot be read, whoever signed the link.
    await s3.send(new PutObjectTaggingCommand({ Bucket: bucket, Key: key, Tagging: { TagSet: [] } }));
    expect((await download(key)).status).toBe(403);
    await expect(s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).rejects.toMatchObject({ name: 'AccessDenied' });
  });

  it('with the EICAR test signature is quarantined, audited, and never downloadable', { timeout: 30_000 }, async () => {
    const ref = await uploadingDocument('notes.txt', 'text/plain', EICAR.length);
    const key = objectKeyOf(ref);
    await put(key, EICAR);
    await expect.poll(() => statusOf(ref.documentId), { timeout: 15_000 }).toBe('quarantined');
    expect(await tagOf(key)).toBe('THREATS_FOUND');
    expect(await versionOf(ref)).toMatchObject({ status: 'quarantined', verdict: 'THREATS_FOUND', threats: [expect.stringMatching(/EICAR/)] });
    expect((await download(key)).status).toBe(403);
    const { data: audit } = await database().entities.audit.query.byEntity({ tenantId, entityType: 'document', entityId: ref.documentId }).go();
    expect(audit.map((a) => a.action)).toContain('document.scanned');
  });

  it('named .pdf that is a program is rejected, not served', { timeout: 30_000 }, async () => {
    const ref = await uploadingDocument('invoice.pdf', 'application/pdf', 6);
    await put(objectKeyOf(ref), new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]));
    await expect.poll(() => statusOf(ref.documentId), { timeout: 15_000 }).toBe('rejected');
    expect(await versionOf(ref)).toMatchObject({ verdict: 'NO_THREATS_FOUND', typeMatches: false });
  });
});

describe('scan results', () => {
  it('count a failed attempt once however often it is delivered, and give up after three', async () => {
    const ref = await uploadingDocument('scan.png', 'image/png', 10);
    const id = randomUUID();
    await deliver(ref, 'FAILED', id);
    await deliver(ref, 'FAILED', id);
    expect(await versionOf(ref)).toMatchObject({ status: 'scanning', scanFailures: 1 });
    await deliver(ref, 'UNSUPPORTED');
    expect(await statusOf(ref.documentId)).toBe('scanning');
    await deliver(ref, 'ACCESS_DENIED');
    expect(await versionOf(ref)).toMatchObject({ status: 'unscannable', scanFailures: 3 });
    expect(await statusOf(ref.documentId)).toBe('unscannable');
  });

  it('end the same whatever order they arrive in: a threat stays, a late failure does not undo a clean scan', async () => {
    const threatFirst = await uploadingDocument('a.txt', 'text/plain', 5);
    await put(objectKeyOf(threatFirst), 'plain');
    await expect.poll(() => statusOf(threatFirst.documentId), { timeout: 15_000 }).toBe('available');
    await deliver(threatFirst, 'THREATS_FOUND');
    await deliver(threatFirst, 'NO_THREATS_FOUND');
    expect(await versionOf(threatFirst)).toMatchObject({ status: 'quarantined', verdict: 'THREATS_FOUND' });
    expect(await statusOf(threatFirst.documentId)).toBe('quarantined');

    const cleanFirst = await uploadingDocument('b.txt', 'text/plain', 5);
    await put(objectKeyOf(cleanFirst), 'plain');
    await expect.poll(() => statusOf(cleanFirst.documentId), { timeout: 15_000 }).toBe('available');
    await deliver(cleanFirst, 'FAILED');
    expect(await versionOf(cleanFirst)).toMatchObject({ status: 'available', verdict: 'NO_THREATS_FOUND' });
  });

  it('arriving at the same moment cannot undo each other: a threat delivered beside a clean result always stands', { timeout: 60_000 }, async () => {
    const bus = new EventBridgeClient({ region: process.env.AWS_REGION, endpoint: process.env.EVENTBRIDGE_ENDPOINT });
    const refs = await Promise.all(Array.from({ length: 4 }, (_, i) => uploadingDocument(`race-${i}.txt`, 'text/plain', 5)));
    for (const ref of refs) await put(objectKeyOf(ref), 'plain');
    for (const ref of refs) await expect.poll(() => statusOf(ref.documentId), { timeout: 15_000 }).toBe('available');
    // As GuardDuty would put them on the default bus: both at once, for each version.
    const entry = (ref: (typeof refs)[number], result: ScanResult) => ({
      Source: SCAN_RESULT_SOURCE,
      DetailType: SCAN_RESULT_DETAIL_TYPE,
      EventBusName: 'default',
      Detail: JSON.stringify(scanResultDetail(bucket, objectKeyOf(ref), 'etag', result, result === 'THREATS_FOUND' ? ['Test.Threat'] : [])),
    });
    await bus.send(new PutEventsCommand({ Entries: refs.flatMap((ref) => [entry(ref, 'NO_THREATS_FOUND'), entry(ref, 'THREATS_FOUND')]) }));
    for (const ref of refs) await expect.poll(() => statusOf(ref.documentId), { timeout: 15_000 }).toBe('quarantined');
    await new Promise((r) => setTimeout(r, 1000));
    for (const ref of refs) expect(await versionOf(ref)).toMatchObject({ status: 'quarantined', verdict: 'THREATS_FOUND' });
  });

  it('of another bucket, or of a key the portal did not make, are left alone', async () => {
    expect(await deliver({ tenantId, documentId: 'no-such-document', versionNo: 1 }, 'THREATS_FOUND')).toBe('skipped');
  });
});
