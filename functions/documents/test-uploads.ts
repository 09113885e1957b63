/** Tests' uploads as the portal's page makes them: start through the API, then the browser's POST straight to the bucket. */
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { randomUUID } from 'node:crypto';
import { api, invoke, type Signed } from '../../infra/local/test-client.ts';
import { scanResultDetail } from '../../infra/local/scanner.ts';
import { objectKeyOf } from '../../shared/domain/documents/keys.ts';
import { SCAN_RESULT_DETAIL_TYPE, SCAN_RESULT_SOURCE, type ScanResult } from '../../shared/domain/documents/scans.ts';

export const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('base64');

export interface Started {
  document: { documentId: string; customerId: string; status: string };
  versionNo: number;
  upload: { url: string; fields: Record<string, string> };
}

/** Starts an upload of `content` as `name`. */
export async function start(who: Signed, name: string, content: Buffer, extra: Record<string, unknown> = {}): Promise<Started> {
  const res = await api('/api/documents', {
    method: 'POST',
    token: who.token,
    body: JSON.stringify({ name, size: content.length, checksum: sha256(content), ...extra }),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** The browser's POST of the form to S3: the fields first, the file last. */
export async function send(upload: Started['upload'], content: Buffer, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries({ ...upload.fields, ...fields })) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(content)]));
  const res = await fetch(upload.url, { method: 'POST', body: form });
  return { status: res.status, text: await res.text() };
}

/** A document's status as `who` sees it. */
export const statusOf = async (who: Signed, documentId: string) => (await api(`/api/documents/${documentId}`, { token: who.token })).body.status as string;

/** GuardDuty's result for a version (a threat named when it is one), delivered to the consumer's bundle as EventBridge delivers it. */
export const deliverScanResult = (ref: { tenantId: string; documentId: string; versionNo: number }, result: ScanResult, id = randomUUID()) =>
  invoke('events/document-scans', {
    version: '0',
    id,
    'detail-type': SCAN_RESULT_DETAIL_TYPE,
    source: SCAN_RESULT_SOURCE,
    account: '000000000000',
    time: new Date().toISOString(),
    region: process.env.AWS_REGION,
    resources: [],
    detail: scanResultDetail(process.env.DOCUMENTS_BUCKET!, objectKeyOf(ref), 'etag', result, result === 'THREATS_FOUND' ? ['Test.Threat'] : []),
  });
