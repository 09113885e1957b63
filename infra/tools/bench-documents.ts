/**
 * `npm run bench:documents`: on a fresh local stack (issue 17),
 * 1. lists a folder of FOLDER_SIZE documents through the API (the deployed bundle), page by
 *    page, timing each page; then counts the DynamoDB calls a page costs by running the same
 *    handler in this process with a counting middleware, on the first, a middle and the last
 *    page: one Query a page whatever the folder's size;
 * 2. uploads UPLOADS files through the whole path (the API starts each, the browser's POST goes
 *    to the bucket, ClamAV scans it, the consumer makes it available), a few at once, and
 *    reports the throughput sent and end to end.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../local/process.ts';
import { startStack } from '../local/stack.ts';

const FOLDER_SIZE = Number(process.env.FOLDER_SIZE ?? 10_000);
const PAGE = 100;
const UPLOADS = Number(process.env.UPLOADS ?? 40);
const UPLOAD_BYTES = Number(process.env.UPLOAD_BYTES ?? 256 * 1024);
const AT_ONCE = 4;
const tenantId = 't-designpi';
const customerId = 'cus-acme';

const root = resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'portal-bench-'));
const stack = await startStack({ dataDir, persist: false, fresh: false, port: await freePort(), siteDir: join(root, 'web/dist'), log: () => undefined });
// The stack set the environment of its services: the in-process handler and the entities below use it.
const { database } = await import('../../shared/db/all-entities.ts');
const { dynamoClient } = await import('../../shared/db/client.ts');
const { httpApiEvent, throughCloudFront } = await import('../local/gateway.ts');
const { OPERATIONS } = await import('../../shared/api/operations.ts');
const { verifiedClaims } = await import('../../functions/lib/jwt-verifier.ts');
const { handler } = await import('../../functions/documents/http/documents.ts');

async function api(path: string, token: string, init: { method?: string; body?: unknown } = {}) {
  const res = await fetch(new URL(path, stack.portalUrl), {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
  });
  const body = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

async function seedFolder(folderId: string) {
  const { entities } = database();
  await entities.documentFolder
    .create({ tenantId, folderId, customerId, parentId: '-', name: `Bench ${folderId.slice(0, 6)}`, createdBy: 'bench', createdAt: new Date().toISOString() })
    .go();
  const at = new Date().toISOString();
  const documents = Array.from({ length: FOLDER_SIZE }, (_, i) => ({
    tenantId,
    documentId: randomUUID(),
    customerId,
    folderId,
    name: `Receipt ${String(i).padStart(5, '0')}.pdf`,
    mimeType: 'application/pdf',
    size: 1000 + i,
    checksum: 'c2hhMjU2',
    currentVersion: 1,
    latestVersion: 1,
    status: 'available' as const,
    uploadedBy: 'bench',
    uploadedByName: 'Bench',
    createdAt: at,
  }));
  await entities.document.put(documents).go({ concurrent: 4 });
}

/** Every page of the folder through the API, timed. */
async function listThroughApi(token: string, folderId: string) {
  const times: number[] = [];
  let cursor: string | null = null;
  let seen = 0;
  do {
    const query: string = new URLSearchParams({ customerId, folderId, limit: String(PAGE), ...(cursor && { cursor }) }).toString();
    const started = performance.now();
    const page = (await api(`/api/documents?${query}`, token)) as { items: unknown[]; nextCursor: string | null };
    times.push(performance.now() - started);
    seen += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return { times, seen };
}

/** The DynamoDB calls of one list page, counted on the one client the handler uses in this process. */
async function callsOfPage(token: string, folderId: string, cursor: string | null) {
  const calls: string[] = [];
  const counter = (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
    calls.push(context.commandName ?? '?');
    return next(args);
  };
  dynamoClient().middlewareStack.add(counter as never, { step: 'initialize', name: 'benchCount' });
  const url = new URL(`/api/documents?${new URLSearchParams({ customerId, folderId, limit: String(PAGE), ...(cursor && { cursor }) })}`, stack.portalUrl);
  const route = OPERATIONS.find((o) => o.operationId === 'listDocuments')!;
  const headers = throughCloudFront({ 'user-agent': 'bench' }, '127.0.0.1', process.env.ORIGIN_SECRET!);
  const event = httpApiEvent({
    route,
    url,
    headers,
    params: {},
    sourceIp: '127.0.0.1',
    claims: (await verifiedClaims(token)) as Record<string, string>,
  }) as APIGatewayProxyEventV2;
  const result = (await handler(event, {
    awsRequestId: randomUUID(),
    getRemainingTimeInMillis: () => 10_000,
  } as unknown as Context)) as APIGatewayProxyStructuredResultV2;
  dynamoClient().middlewareStack.remove('benchCount');
  return { calls, nextCursor: (JSON.parse(String(result.body)) as { nextCursor: string | null }).nextCursor };
}

async function uploadOne(token: string, i: number) {
  const content = Buffer.alloc(UPLOAD_BYTES, `bench line ${i}\n`);
  const checksum = createHash('sha256').update(content).digest('base64');
  const started = (await api('/api/documents', token, { method: 'POST', body: { name: `bench-${i}.txt`, size: content.length, checksum } })) as {
    document: { documentId: string };
    upload: { url: string; fields: Record<string, string> };
  };
  const form = new FormData();
  for (const [k, v] of Object.entries(started.upload.fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(content)]));
  const sentAt = performance.now();
  const res = await fetch(started.upload.url, { method: 'POST', body: form });
  if (res.status !== 204) throw new Error(`upload ${i}: ${res.status} ${await res.text()}`);
  const sendMs = performance.now() - sentAt;
  for (;;) {
    const { status } = (await api(`/api/documents/${started.document.documentId}`, token)) as { status: string };
    if (status === 'available') return sendMs;
    if (status !== 'uploading' && status !== 'scanning') throw new Error(`upload ${i} ended ${status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

try {
  const login = (email: string) => api('/api/auth/login', '', { method: 'POST', body: { email, password: 'Demo-Passw0rd!' } }).then((b) => b.token as string);
  const [admin, client] = await Promise.all([login('hello@designpi.com'), login('john.doe@example.com')]);
  const folderId = randomUUID();
  let started = performance.now();
  await seedFolder(folderId);
  console.log(`seeded a folder of ${FOLDER_SIZE} documents in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  started = performance.now();
  const listed = await listThroughApi(admin, folderId);
  const total = performance.now() - started;
  console.log(
    `listed ${listed.seen} documents in ${listed.times.length} pages of ${PAGE} through the API in ${(total / 1000).toFixed(1)} s: ` +
      `${median(listed.times).toFixed(0)} ms a page (median), p95 ${p95(listed.times).toFixed(0)} ms, first ${listed.times[0]!.toFixed(0)} ms, last ${listed.times.at(-1)!.toFixed(0)} ms`,
  );
  let cursor: string | null = null;
  const costs: string[] = [];
  for (let page = 1; page <= listed.times.length; page++) {
    const { calls, nextCursor } = await callsOfPage(admin, folderId, cursor);
    if (page === 1 || page === Math.ceil(listed.times.length / 2) || page === listed.times.length) costs.push(`page ${page}: ${calls.join(', ')}`);
    cursor = nextCursor;
  }
  console.log(`DynamoDB calls a page (in process, the same handler): ${costs.join(' | ')}`);

  started = performance.now();
  const sendTimes: number[] = [];
  for (let i = 0; i < UPLOADS; i += AT_ONCE)
    sendTimes.push(...(await Promise.all(Array.from({ length: Math.min(AT_ONCE, UPLOADS - i) }, (_, k) => uploadOne(client, i + k)))));
  const seconds = (performance.now() - started) / 1000;
  const megabytes = (UPLOADS * UPLOAD_BYTES) / 1024 / 1024;
  console.log(
    `uploaded ${UPLOADS} files of ${UPLOAD_BYTES / 1024} KB, ${AT_ONCE} at once, each until available: ${(UPLOADS / seconds).toFixed(1)} files/s, ` +
      `${(megabytes / seconds).toFixed(2)} MB/s end to end (start, send, scan); the POST to the bucket alone ${median(sendTimes).toFixed(0)} ms (median)`,
  );
} finally {
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
