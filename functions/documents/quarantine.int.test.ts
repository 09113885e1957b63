/**
 * What happens to files the scan holds back (ADR 0029): their uploader and the admins are told
 * (bell and email), the admins' quarantine console lists them, discards them or has an
 * unscannable one scanned again, and the rescan job retries failed scans and lost results.
 */
import { randomUUID } from 'node:crypto';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, runJob, signIn, type Signed } from '../../infra/local/test-client.ts';
import { emailTo } from '../../infra/local/test-inbox.ts';
import { EICAR } from '../../infra/local/scanner.ts';
import { database } from '../../shared/db/all-entities.ts';
import { objectKeyOf } from '../../shared/domain/documents/keys.ts';
import type { ScanResult } from '../../shared/domain/documents/scans.ts';
import { deliverScanResult, send, start, statusOf } from './test-uploads.ts';

const tenantId = 't-designpi';
const run = randomUUID().slice(0, 6);
const bucket = process.env.DOCUMENTS_BUCKET!;
const s3 = new S3Client({ region: process.env.AWS_REGION, endpoint: process.env.S3_ENDPOINT, forcePathStyle: true });
let john: Signed; // a client
let sarah: Signed; // lead
let admin: Signed;
let otherAdmin: Signed;

type Held = { documentId: string; versionNo: number; status: string; threats?: string[]; customerName: string; uploadedByName: string };
const held = async (who: Signed, status = 'quarantined') => {
  const res = await api(`/api/documents/quarantine?limit=100&status=${status}`, { token: who.token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as Held[];
};
const act = (who: Signed, documentId: string, versionNo: number | string, action: 'discard' | 'rescan') =>
  api(`/api/documents/${documentId}/versions/${versionNo}/${action}`, { method: 'POST', token: who.token });
const noticesOf = async (who: Signed, kind: string) =>
  ((await api('/api/notifications?limit=100', { token: who.token })).body.items as { kind: string; values: Record<string, string>; link?: string }[]).filter(
    (n) => n.kind === kind,
  );
const versionOf = async (documentId: string, versionNo = 1) => (await database().entities.documentVersion.get({ tenantId, documentId, versionNo }).go()).data!;

const deliver = (ref: { documentId: string; versionNo: number }, result: ScanResult) => deliverScanResult({ tenantId, ...ref }, result);

/**
 * A version whose file is in the bucket but whose scans have not judged it: the file is put
 * before its record exists, so the scanner's first result finds nothing to fold into (a lost result).
 */
async function unjudged(name: string, createdAt = new Date().toISOString()) {
  const documentId = randomUUID();
  const ref = { tenantId, documentId, versionNo: 1 };
  const content = `%PDF-1.7\n% ${name}\n%%EOF\n`;
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: objectKeyOf(ref), Body: content }));
  // The scanner's result for it comes and goes, finding no version to fold into.
  await new Promise((r) => setTimeout(r, 1500));
  const file = { name, mimeType: 'application/pdf', size: content.length, checksum: 'c2hhMjU2', uploadedBy: john.userId, uploadedByName: 'John' };
  const { entities } = database();
  await entities.document.create({ tenantId, documentId, customerId: 'c-test', ...file, latestVersion: 1, status: 'uploading', createdAt }).go();
  await entities.documentVersion.create({ ...ref, objectKey: objectKeyOf(ref), ...file, status: 'uploading', createdAt }).go();
  return ref;
}

beforeAll(async () => {
  [john, sarah, admin, otherAdmin] = await Promise.all([
    signIn('john.doe@example.com'),
    signIn('sarah@designpi.com'),
    signIn('hello@designpi.com'),
    signIn('admin@northwind.example'),
  ]);
});

describe('a file found infected', () => {
  it('is told to its uploader and the admins, listed in the quarantine console, and discarded from there', { timeout: 40_000 }, async () => {
    const name = `invoice ${run}.txt`;
    const started = await start(john, name, Buffer.from(EICAR));
    expect((await send(started.upload, Buffer.from(EICAR))).status).toBe(204);
    const { documentId } = started.document;
    await expect.poll(() => statusOf(john, documentId), { timeout: 15_000 }).toBe('quarantined');

    // Told: the uploader with their documents' link, each admin with the console's, by bell and by email.
    await expect.poll(async () => (await noticesOf(john, 'document.quarantined')).some((n) => n.values.name === name), { timeout: 10_000 }).toBe(true);
    expect((await noticesOf(john, 'document.quarantined')).find((n) => n.values.name === name)?.link).toBe('/portal/documents/');
    await expect
      .poll(async () => (await noticesOf(admin, 'document.quarantined')).find((n) => n.values.name === name)?.link, { timeout: 10_000 })
      .toBe('/admin/documents/');
    await emailTo('hello@designpi.com', new RegExp(`Malware was found in “invoice ${run}\\.txt”`));
    // A lead is not an admin: not told.
    expect((await noticesOf(sarah, 'document.quarantined')).some((n) => n.values.name === name)).toBe(false);

    // The console: the admins' alone, their firm's alone.
    const row = (await held(admin)).find((h) => h.documentId === documentId);
    expect(row).toMatchObject({ versionNo: 1, status: 'quarantined', threats: [expect.stringMatching(/EICAR/)], uploadedByName: expect.any(String) });
    expect(row!.customerName).not.toBe('');
    expect((await held(otherAdmin)).some((h) => h.documentId === documentId)).toBe(false);
    expect((await act(otherAdmin, documentId, 1, 'discard')).status).toBe(404);
    expect((await act(sarah, documentId, 1, 'discard')).status).toBe(403);

    // A threat is final: not scanned again.
    const again = await act(admin, documentId, 1, 'rescan');
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/malware/);

    expect((await act(admin, documentId, 1, 'discard')).status).toBe(204);
    expect((await versionOf(documentId)).status).toBe('discarded');
    // Its only version gone, the document is deleted: not found for anyone, and off the console.
    expect((await api(`/api/documents/${documentId}`, { token: john.token })).status).toBe(404);
    expect((await held(admin)).some((h) => h.documentId === documentId)).toBe(false);
    // Discarding twice: the version is no longer held.
    expect((await act(admin, documentId, 1, 'discard')).status).toBe(409);
    const { data: audit } = await database().entities.audit.query.byEntity({ tenantId, entityType: 'document', entityId: documentId }).go();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['document.scanned', 'document.version_discarded']));
  });

  it('names a bad version number or status', async () => {
    const bad = await act(admin, 'any', 'v1', 'discard');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('path.versionNo');
    const status = await api('/api/documents/quarantine?status=infected', { token: admin.token });
    expect(status.status).toBe(400);
    expect(status.body.error.details[0].field).toBe('query.status');
  });
});

describe('a file no scan could judge', () => {
  it('becomes unscannable after three failures, and an admin has it scanned again', { timeout: 40_000 }, async () => {
    const ref = await unjudged(`statement ${run}.pdf`);
    for (let i = 0; i < 3; i++) await deliver(ref, 'FAILED');
    expect((await versionOf(ref.documentId)).status).toBe('unscannable');
    expect((await held(admin, 'unscannable')).find((h) => h.documentId === ref.documentId)).toMatchObject({ status: 'unscannable' });
    await expect
      .poll(async () => (await noticesOf(admin, 'document.unscannable')).some((n) => n.values.name === `statement ${run}.pdf`), { timeout: 10_000 })
      .toBe(true);

    expect((await act(admin, ref.documentId, 1, 'rescan')).status).toBe(204);
    // The local scanner answers GuardDuty's on-demand scan: the file is clean, so it is served.
    await expect.poll(async () => (await versionOf(ref.documentId)).status, { timeout: 15_000 }).toBe('available');
    expect((await held(admin, 'unscannable')).some((h) => h.documentId === ref.documentId)).toBe(false);
  });
});

describe('the rescan job', () => {
  it('sends failed scans and lost results to be scanned again, and leaves uploads that never came', { timeout: 60_000 }, async () => {
    const failed = await unjudged(`failed ${run}.pdf`);
    await deliver(failed, 'ACCESS_DENIED');
    expect((await versionOf(failed.documentId)).status).toBe('scanning');
    const lost = await unjudged(`lost ${run}.pdf`, new Date(Date.now() - 45 * 60_000).toISOString());
    // Waiting for its first result for less than the job's patience: left alone.
    const recent = await unjudged(`recent ${run}.pdf`);
    const neverCame = { tenantId, documentId: randomUUID(), versionNo: 1 };
    const longAgo = new Date(Date.now() - 45 * 60_000).toISOString();
    const file = { name: 'never.pdf', mimeType: 'application/pdf', size: 10, checksum: 'c2hhMjU2', uploadedBy: john.userId, uploadedByName: 'John' };
    await database()
      .entities.documentVersion.create({ ...neverCame, objectKey: objectKeyOf(neverCame), ...file, status: 'uploading', createdAt: longAgo })
      .go();

    const result = await runJob('rescan-documents');
    expect(result.failedScans).toBeGreaterThanOrEqual(1);
    expect(result.lostResults).toBeGreaterThanOrEqual(1);
    expect(result.neverArrived).toBeGreaterThanOrEqual(1);
    await expect.poll(async () => (await versionOf(failed.documentId)).status, { timeout: 15_000 }).toBe('available');
    await expect.poll(async () => (await versionOf(lost.documentId)).status, { timeout: 15_000 }).toBe('available');
    expect((await versionOf(recent.documentId)).status).toBe('uploading');
    expect((await versionOf(neverCame.documentId)).status).toBe('uploading');
  });
});

describe('a file not of the type its name says', () => {
  it('is told to its uploader only', { timeout: 40_000 }, async () => {
    const name = `report ${run}.pdf`;
    const content = Buffer.from('MZ\x90\x00 not a pdf');
    const started = await start(john, name, content);
    expect((await send(started.upload, content)).status).toBe(204);
    await expect.poll(() => statusOf(john, started.document.documentId), { timeout: 15_000 }).toBe('rejected');
    await expect.poll(async () => (await noticesOf(john, 'document.rejected')).some((n) => n.values.name === name), { timeout: 10_000 }).toBe(true);
    expect((await noticesOf(admin, 'document.rejected')).some((n) => n.values.name === name)).toBe(false);
  });
});
