/**
 * Document requests through the API (shared/domain/documents/requests.ts): staff ask a
 * customer for a file, its contacts are told and see it open, the clean file sent for it
 * fulfils it and tells whoever asked; the daily job reminds once a day at most until then.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, runJob, signIn, type Signed } from '../../infra/local/test-client.ts';
import { emailTo } from '../../infra/local/test-inbox.ts';
import { database } from '../../shared/db/all-entities.ts';
import { EICAR } from '../../infra/local/scanner.ts';
import { send, start, statusOf } from './test-uploads.ts';

const tenantId = 't-designpi';
const run = randomUUID().slice(0, 6);
let john: Signed; // a client, primary contact of his customer
let jane: Signed; // a client of another customer
let sarah: Signed; // lead
let otherAdmin: Signed;
let johnsCustomer: string;

const call = (who: Signed, method: string, path: string, body?: unknown) =>
  api(path, { method, token: who.token, ...(body !== undefined && { body: JSON.stringify(body) }) });
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const ask = async (title: string, dueDate: string, extra: Record<string, unknown> = {}) => {
  const res = await call(sarah, 'POST', '/api/document-requests', { customerId: johnsCustomer, title, dueDate, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { documentRequestId: string; status: string; folderId: string };
};
const requests = async (who: Signed, query = '') =>
  (await call(who, 'GET', `/api/document-requests?limit=100${query}`)).body.items as { documentRequestId: string; status: string; title: string }[];
const noticesOf = async (who: Signed, kind: string) =>
  ((await call(who, 'GET', '/api/notifications?limit=100')).body.items as { kind: string; values: Record<string, string> }[]).filter((n) => n.kind === kind);
const requestOf = async (documentRequestId: string) => (await database().entities.documentRequest.get({ tenantId, documentRequestId }).go()).data!;

beforeAll(async () => {
  [john, jane, sarah, otherAdmin] = await Promise.all([
    signIn('john.doe@example.com'),
    signIn('jane.smith@example.com'),
    signIn('sarah@designpi.com'),
    signIn('admin@northwind.example'),
  ]);
  johnsCustomer = (await database().entities.user.get({ tenantId, userId: john.userId }).go()).data!.customerId!;
});

describe('a document request', () => {
  it('is told to the customer’s contacts, fulfilled by the clean file they send for it, and told back to whoever asked', { timeout: 40_000 }, async () => {
    const title = `2026 W-2 ${run}`;
    const asked = await ask(title, inDays(10), { note: 'The one from your employer' });
    expect(asked.status).toBe('open');
    expect((await requests(john)).map((r) => r.documentRequestId)).toContain(asked.documentRequestId);
    // Another customer's contact does not see it, nor another firm.
    expect((await requests(jane)).map((r) => r.documentRequestId)).not.toContain(asked.documentRequestId);
    expect((await call(otherAdmin, 'GET', `/api/document-requests?customerId=${johnsCustomer}`)).status).toBe(404);
    await expect.poll(async () => (await noticesOf(john, 'document_request.created')).some((n) => n.values.title === title), { timeout: 10_000 }).toBe(true);
    await emailTo('john.doe@example.com', new RegExp(`asks you for “2026 W-2 ${run}”`));

    // An infected file does not fulfil it; a clean one does.
    const infected = await start(john, `w2-${run}.txt`, Buffer.from(EICAR), { documentRequestId: asked.documentRequestId });
    await send(infected.upload, Buffer.from(EICAR));
    await expect.poll(() => statusOf(john, infected.document.documentId), { timeout: 15_000 }).toBe('quarantined');
    expect((await requestOf(asked.documentRequestId)).status).toBe('open');
    const content = Buffer.from(`W-2 ${run}`);
    const sent = await start(john, `w2-${run}.txt`, content, { documentRequestId: asked.documentRequestId });
    await send(sent.upload, content);
    await expect.poll(async () => (await requestOf(asked.documentRequestId)).status, { timeout: 15_000 }).toBe('fulfilled');
    expect((await requestOf(asked.documentRequestId)).documentIds).toEqual([sent.document.documentId]);
    expect((await requests(john)).map((r) => r.documentRequestId)).not.toContain(asked.documentRequestId);
    expect((await requests(john, '&status=fulfilled')).map((r) => r.documentRequestId)).toContain(asked.documentRequestId);
    await expect.poll(async () => (await noticesOf(sarah, 'document_request.fulfilled')).some((n) => n.values.title === title), { timeout: 10_000 }).toBe(true);

    // Answered, it takes no more files, and cannot be withdrawn.
    const late = await call(john, 'POST', '/api/documents', {
      name: 'late.txt',
      size: 1,
      checksum: 'A'.repeat(43) + '=',
      documentRequestId: asked.documentRequestId,
    });
    expect(late.status).toBe(409);
    expect((await call(sarah, 'POST', `/api/document-requests/${asked.documentRequestId}/cancel`)).status).toBe(409);
  });

  it('names what is wrong: no title, a past date, another customer’s request, an internal folder', async () => {
    const bad = await call(sarah, 'POST', '/api/document-requests', { customerId: johnsCustomer, title: ' ', dueDate: '2020-01-01' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['dueDate', 'title']);
    const folders = (await call(sarah, 'GET', `/api/documents/folders?customerId=${johnsCustomer}`)).body.items as { name: string; folderId: string }[];
    const internal = await call(sarah, 'POST', '/api/document-requests', {
      customerId: johnsCustomer,
      title: 'x',
      dueDate: inDays(5),
      folderId: folders.find((f) => f.name === 'Internal')!.folderId,
    });
    expect(internal.status).toBe(400);
    expect(internal.body.error.details[0].field).toBe('folderId');
    const asked = await ask(`Bank statements ${run}`, inDays(5));
    const foreign = await call(jane, 'POST', '/api/documents', {
      name: 'x.txt',
      size: 1,
      checksum: 'A'.repeat(43) + '=',
      documentRequestId: asked.documentRequestId,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details[0].field).toBe('documentRequestId');
    // Withdrawn, it leaves the open list.
    expect((await call(otherAdmin, 'POST', `/api/document-requests/${asked.documentRequestId}/cancel`)).status).toBe(404);
    expect((await call(john, 'POST', `/api/document-requests/${asked.documentRequestId}/cancel`)).status).toBe(403);
    expect((await call(sarah, 'POST', `/api/document-requests/${asked.documentRequestId}/cancel`)).body.status).toBe('cancelled');
    expect((await requests(john)).map((r) => r.documentRequestId)).not.toContain(asked.documentRequestId);
  });

  it('files what is sent for it in the folder it names', { timeout: 30_000 }, async () => {
    const folders = (await call(sarah, 'GET', `/api/documents/folders?customerId=${johnsCustomer}`)).body.items as { name: string; folderId: string }[];
    const payroll = folders.find((f) => f.name === 'Payroll')!;
    const asked = await ask(`Payslips ${run}`, inDays(5), { folderId: payroll.folderId });
    const content = Buffer.from(`payslip ${run}`);
    const sent = await start(john, `payslip-${run}.txt`, content, { documentRequestId: asked.documentRequestId });
    expect(sent.document).toMatchObject({ folderId: payroll.folderId });
  });
});

describe('the reminder job', () => {
  it('reminds of open requests due within three days or overdue, once a day however often it runs', { timeout: 40_000 }, async () => {
    const soon = await ask(`Receipts ${run}`, inDays(2));
    const later = await ask(`Invoices ${run}`, inDays(20));
    const [first, second] = await Promise.all([runJob('remind-document-requests'), runJob('remind-document-requests')]);
    expect((first.reminded ?? 0) + (second.reminded ?? 0)).toBeGreaterThanOrEqual(1);
    expect((await requestOf(soon.documentRequestId)).remindersSent).toBe(1);
    expect((await requestOf(later.documentRequestId)).remindersSent).toBe(0);
    await runJob('remind-document-requests');
    expect((await requestOf(soon.documentRequestId)).remindersSent).toBe(1);
    await expect
      .poll(async () => (await noticesOf(john, 'document_request.reminded')).filter((n) => n.values.title === `Receipts ${run}`).length, { timeout: 10_000 })
      .toBe(1);
    // Three days on, again.
    await runJob('remind-document-requests', new Date(Date.now() + 3 * 86_400_000));
    expect((await requestOf(soon.documentRequestId)).remindersSent).toBe(2);
  });
});
