/**
 * Documents attached to requests and comments (ADR 0031): only the request's customer's
 * documents that the caller may see, none held, a staff-only one in an internal note only;
 * each reader sees those their access reaches, in their state now. And the job that makes the
 * names typed before documents existed named-only attachments.
 */
import { randomUUID } from 'node:crypto';
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, runJob, signIn, type Signed } from '../../infra/local/test-client.ts';
import { EICAR } from '../../infra/local/scanner.ts';
import { database } from '../../shared/db/all-entities.ts';
import { dynamoClient } from '../../shared/db/client.ts';
import { send, start, statusOf } from '../documents/test-uploads.ts';

const tenantId = 't-designpi';
const run = randomUUID().slice(0, 6);
let john: Signed; // Acme's primary contact: full access
let lisa: Signed; // Acme's other contact: sees only her own
let jane: Signed; // another customer's contact
let sarah: Signed; // lead
let otherAdmin: Signed; // another firm

type Attachment = { documentId?: string; name: string; state: string };
type Activity = { activityId: string; kind: string; text?: string; internal: boolean; attachments?: Attachment[] };

const call = (who: Signed, method: string, path: string, body?: unknown) =>
  api(path, { method, token: who.token, ...(body !== undefined && { body: JSON.stringify(body) }) });

/** A document of `who`'s customer (or `customerId`, for staff), uploaded and arrived; `clean` waits for its scan. */
async function uploaded(who: Signed, name: string, extra: Record<string, unknown> = {}, content = Buffer.from(`${name} ${run}\n`)) {
  const started = await start(who, name, content, extra);
  expect((await send(started.upload, content)).status).toBe(204);
  return started.document.documentId;
}
const available = async (who: Signed, documentId: string) => {
  await expect.poll(() => statusOf(who, documentId), { timeout: 10_000 }).toBe('available');
  return documentId;
};

const ask = async (who: Signed, attachments: string[], extra: Record<string, unknown> = {}) =>
  call(who, 'POST', '/api/requests', {
    serviceId: 'svc-payroll-setup',
    title: `Payroll with files ${run}`,
    requirements: { 'q-employees': '3' },
    attachments,
    ...extra,
  });
const detailOf = async (who: Signed, requestId: string) => {
  const res = await call(who, 'GET', `/api/requests/${requestId}`);
  expect(res.status).toBe(200);
  return res.body as { attachments: Attachment[]; activity: Activity[] };
};
const comment = (who: Signed, requestId: string, body: Record<string, unknown>) => call(who, 'POST', `/api/requests/${requestId}/comments`, body);

beforeAll(async () => {
  [john, lisa, jane, sarah, otherAdmin] = await Promise.all([
    signIn('john.doe@example.com'),
    signIn('lisa@acme.example'),
    signIn('jane.smith@example.com'),
    signIn('sarah@designpi.com'),
    signIn('admin@northwind.example'),
  ]);
});

describe('attachments on a request', () => {
  it('are the client’s own documents, shown to each reader as far as they may see them, in their state now', { timeout: 40_000 }, async () => {
    // Lisa sees only her own: what she uploads is private to her (and staff).
    const payslips = await available(lisa, await uploaded(lisa, `payslips-${run}.txt`));
    const asked = await ask(lisa, [payslips]);
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const requestId = asked.body.requestId as string;

    expect((await detailOf(lisa, requestId)).attachments).toEqual([{ documentId: payslips, name: `payslips-${run}.txt`, state: 'available' }]);
    expect((await detailOf(sarah, requestId)).attachments).toEqual([{ documentId: payslips, name: `payslips-${run}.txt`, state: 'available' }]);
    // John sees all of Acme's requests, but not Lisa's private file.
    expect((await detailOf(john, requestId)).attachments).toEqual([]);
    // The list shows none: what may be seen is worked out on the request's page.
    const listed = (await call(lisa, 'GET', '/api/requests?limit=5')).body.items.find((r: { requestId: string }) => r.requestId === requestId);
    expect(listed).toBeDefined();
    expect(listed.attachments).toBeUndefined();
    // The audit keeps what was attached.
    const { data: audit } = await database().entities.audit.query.byEntity({ tenantId, entityType: 'request', entityId: requestId }).go();
    expect(audit[0]!.changes).toContainEqual({ field: 'attachments', from: null, to: [`payslips-${run}.txt`] });
  });

  it(
    'are refused, naming the field, when they are another customer’s or firm’s, held, repeated or too many; nothing is written',
    { timeout: 40_000 },
    async () => {
      const [janes, infected, own] = await Promise.all([
        uploaded(jane, `jane-${run}.txt`),
        uploaded(john, `eicar-${run}.txt`, {}, Buffer.from(EICAR)),
        uploaded(john, `own-${run}.txt`),
      ]);
      const northwindCustomer = (await call(otherAdmin, 'GET', '/api/customers?limit=1')).body.items[0].customerId as string;
      const northwinds = await uploaded(otherAdmin, `northwind-${run}.txt`, { customerId: northwindCustomer });
      await expect.poll(() => statusOf(john, infected), { timeout: 10_000 }).toBe('quarantined');

      const before = (await call(john, 'GET', '/api/requests?limit=100')).body.items.length;
      for (const [ids, field, message] of [
        [[own, janes], 'attachments.1', 'is not a document of this client that you may see'],
        [[northwinds], 'attachments.0', 'is not a document of this client that you may see'],
        [['no-such-document'], 'attachments.0', 'is not a document of this client that you may see'],
        [[infected], 'attachments.0', 'was found to hold malware and cannot be attached'],
        [[own, own], 'attachments', 'must name each document once'],
        [Array.from({ length: 11 }, (_, i) => `${own}-${i}`), 'attachments', 'must be at most 10 documents'],
      ] as const) {
        const res = await ask(john, [...ids]);
        expect(res.status, JSON.stringify(res.body)).toBe(400);
        expect(res.body.error.details).toContainEqual(expect.objectContaining({ field, message }));
      }
      expect((await call(john, 'GET', '/api/requests?limit=100')).body.items.length).toBe(before);
    },
  );
});

describe('attachments on a comment', () => {
  it('may stand without words; a staff-only document goes into an internal note, which the client never sees', { timeout: 40_000 }, async () => {
    const requestId = (await ask(john, [])).body.requestId as string;
    const statement = await uploaded(john, `statement-${run}.txt`);
    const sent = await comment(john, requestId, { attachments: [statement] });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body.attachments).toEqual([{ documentId: statement, name: `statement-${run}.txt`, state: expect.stringMatching(/checking|available/) }]);
    expect(sent.body.text).toBeUndefined();
    // Neither words nor files: the words are asked for.
    const empty = await comment(john, requestId, { text: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details).toContainEqual(expect.objectContaining({ field: 'text', message: 'is required unless documents are attached' }));

    const customerId = (await database().entities.user.get({ tenantId, userId: john.userId }).go()).data!.customerId!;
    const workingPaper = await uploaded(sarah, `working-paper-${run}.txt`, { customerId, accessLevel: 'internal' });
    const open = await comment(sarah, requestId, { text: 'Our workings', attachments: [workingPaper] });
    expect(open.status).toBe(400);
    expect(open.body.error.details).toContainEqual({ field: 'attachments.0', message: 'is for staff only: attach it to an internal note' });
    expect((await comment(sarah, requestId, { text: 'Our workings', internal: true, attachments: [workingPaper] })).status).toBe(201);
    // A client may not attach a staff-only document even to words of their own, nor see one.
    expect((await comment(john, requestId, { text: 'This one?', attachments: [workingPaper] })).status).toBe(400);

    const forJohn = await detailOf(john, requestId);
    expect(forJohn.activity.flatMap((a) => a.attachments ?? []).map((a) => a.name)).toEqual([`statement-${run}.txt`]);
    const forSarah = await detailOf(sarah, requestId);
    expect(forSarah.activity.flatMap((a) => a.attachments ?? []).map((a) => a.name)).toEqual(
      expect.arrayContaining([`statement-${run}.txt`, `working-paper-${run}.txt`]),
    );
    // Another customer's contact and another firm do not reach the request at all.
    expect((await call(jane, 'GET', `/api/requests/${requestId}`)).status).toBe(404);
    expect((await comment(otherAdmin, requestId, { text: 'Hello' })).status).toBe(404);
  });
});

describe('the migrate-attachments job', () => {
  it('makes names typed before documents existed named-only attachments, and changes nothing when run again', { timeout: 60_000 }, async () => {
    // A draft: nothing (the assignment ranking) changes it meanwhile.
    const requestId = (await ask(john, [], { submit: false })).body.requestId as string;
    const { Key, TableName } = database().entities.serviceRequest.get({ tenantId, requestId }).params();
    await dynamoClient().send(
      new UpdateItemCommand({
        TableName,
        Key: marshall(Key),
        UpdateExpression: 'SET attachments = :names',
        ExpressionAttributeValues: marshall({ ':names': [`W-2 ${run}.pdf`, 'bank statement.pdf'] }),
      }),
    );
    // Before the job, the names show as they are.
    const named = [
      { name: `W-2 ${run}.pdf`, state: 'named' },
      { name: 'bank statement.pdf', state: 'named' },
    ];
    expect((await detailOf(john, requestId)).attachments).toEqual(named);
    const { data: before } = await database().entities.serviceRequest.get({ tenantId, requestId }).go();

    const first = await runJob('migrate-attachments');
    expect(first.requests).toBeGreaterThanOrEqual(1);
    const { data: after } = await database().entities.serviceRequest.get({ tenantId, requestId }).go();
    expect(after!.attachments).toBeUndefined();
    expect(after!.attachedDocuments).toEqual([{ name: `W-2 ${run}.pdf` }, { name: 'bank statement.pdf' }]);
    // Nobody changed what was asked: its version and time stay.
    expect([after!.version, after!.updatedAt]).toEqual([before!.version, before!.updatedAt]);
    expect((await detailOf(john, requestId)).attachments).toEqual(named);

    expect((await runJob('migrate-attachments')).requests).toBe(0);
  });
});
