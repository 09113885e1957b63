/**
 * Share links through the API and the inbox: staff share a document with someone outside the
 * portal, who gets the link by email, asks for a one-time code, and downloads with it; each
 * use is counted; a revoked, expired or tampered link opens nothing.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, type Signed } from '../../infra/local/test-client.ts';
import { emailTo, linkIn } from '../../infra/local/test-inbox.ts';
import { database } from '../../shared/db/all-entities.ts';
import { send, start, statusOf } from './test-uploads.ts';

const tenantId = 't-designpi';
const run = randomUUID().slice(0, 6);
let john: Signed; // a client
let sarah: Signed; // lead
let otherAdmin: Signed;

const call = (who: Signed | undefined, method: string, path: string, body?: unknown) =>
  api(path, { method, ...(who && { token: who.token }), ...(body !== undefined && { body: JSON.stringify(body) }) });

async function available(name: string, content: string) {
  const started = await start(john, name, Buffer.from(content));
  await send(started.upload, Buffer.from(content));
  await expect.poll(() => statusOf(john, started.document.documentId), { timeout: 15_000 }).toBe('available');
  return started.document.documentId;
}
/** The share link emailed to `to`, and its token. */
async function emailedLink(to: string, name: string) {
  const email = await emailTo(to, new RegExp(`shared “${name.replace('.', '\\.')}” with you`));
  const link = linkIn(email, '/shared/?token=');
  return new URL(link).searchParams.get('token')!;
}

beforeAll(async () => {
  [john, sarah, otherAdmin] = await Promise.all([signIn('john.doe@example.com'), signIn('sarah@designpi.com'), signIn('admin@northwind.example')]);
});

describe('a share link', () => {
  it('is emailed to its recipient, opens with a one-time code sent to them, counts each use, and stops when revoked', { timeout: 60_000 }, async () => {
    const name = `report-${run}.txt`;
    const documentId = await available(name, `Annual report ${run}`);
    const recipient = `auditor-${run}@example.com`;
    const shared = await call(sarah, 'POST', `/api/documents/${documentId}/shares`, { email: recipient, days: 3 });
    expect(shared.status).toBe(201);
    expect(shared.body).toMatchObject({ recipientEmail: recipient, requireCode: true, status: 'active', uses: 0 });
    const token = await emailedLink(recipient, name);

    const opened = await call(undefined, 'GET', `/api/shared/${token}`);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ name, firm: 'DesignPi', requireCode: true, recipient: `a•••@example.com` });
    const withoutCode = await call(undefined, 'POST', `/api/shared/${token}/download`, {});
    expect(withoutCode.status).toBe(400);
    expect(withoutCode.body.error.details[0].field).toBe('code');

    expect((await call(undefined, 'POST', `/api/shared/${token}/code`)).status).toBe(202);
    expect((await call(undefined, 'POST', `/api/shared/${token}/code`)).status).toBe(429);
    const codeEmail = await emailTo(recipient, /Your code to open/);
    const code = /: (\d{6})$/.exec(codeEmail.subject)![1]!;
    const wrong = await call(undefined, 'POST', `/api/shared/${token}/download`, { code: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].message).toMatch(/not the code/);
    const right = await call(undefined, 'POST', `/api/shared/${token}/download`, { code });
    expect(right.status, JSON.stringify(right.body)).toBe(200);
    expect(await (await fetch(right.body.url)).text()).toBe(`Annual report ${run}`);
    // The code worked once.
    expect((await call(undefined, 'POST', `/api/shared/${token}/download`, { code })).status).toBe(400);

    const links = await call(sarah, 'GET', `/api/documents/${documentId}/shares`);
    expect(links.body.items[0]).toMatchObject({ shareId: shared.body.shareId, uses: 1 });
    const { data: audit } = await database().entities.audit.query.byEntity({ tenantId, entityType: 'document', entityId: documentId }).go();
    expect(audit.find((a) => a.action === 'document.share_used')).toMatchObject({ actorName: recipient, ip: expect.any(String) });

    // A tampered token, another firm, a client: nothing.
    expect((await call(undefined, 'GET', `/api/shared/${token.slice(0, -2)}xx`)).status).toBe(404);
    expect((await call(otherAdmin, 'POST', `/api/documents/${documentId}/shares/${shared.body.shareId}/revoke`)).status).toBe(404);
    expect((await call(john, 'POST', `/api/documents/${documentId}/shares`, { email: recipient, days: 3 })).status).toBe(403);

    const revoked = await call(sarah, 'POST', `/api/documents/${documentId}/shares/${shared.body.shareId}/revoke`);
    expect(revoked.body.status).toBe('revoked');
    const gone = await call(undefined, 'GET', `/api/shared/${token}`);
    expect(gone.status).toBe(410);
    expect(gone.body.error.message).toMatch(/withdrawn/);
  });

  it('without a code downloads at once, and stops when it expires', { timeout: 40_000 }, async () => {
    const name = `brochure-${run}.txt`;
    const documentId = await available(name, `Brochure ${run}`);
    const recipient = `partner-${run}@example.com`;
    const shared = await call(sarah, 'POST', `/api/documents/${documentId}/shares`, { email: recipient, days: 1, requireCode: false });
    const token = await emailedLink(recipient, name);
    const right = await call(undefined, 'POST', `/api/shared/${token}/download`, {});
    expect(right.status).toBe(200);
    await database()
      .entities.documentShare.patch({ tenantId, shareId: shared.body.shareId })
      .set({ validUntil: new Date(Date.now() - 1000).toISOString() })
      .go();
    const expired = await call(undefined, 'POST', `/api/shared/${token}/download`, {});
    expect(expired.status).toBe(410);
    expect(expired.body.error.message).toMatch(/expired/);
  });

  it('names what is wrong: too many days, a bad address; an internal document is not shared', { timeout: 30_000 }, async () => {
    const documentId = await available(`memo-${run}.txt`, 'memo');
    const bad = await call(sarah, 'POST', `/api/documents/${documentId}/shares`, { email: 'not an address', days: 31 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['days', 'email']);
    await call(sarah, 'PATCH', `/api/documents/${documentId}`, { accessLevel: 'internal' });
    expect((await call(sarah, 'POST', `/api/documents/${documentId}/shares`, { email: 'a@example.com', days: 2 })).status).toBe(409);
  });
});

describe('a one-time code', () => {
  it('opens one download even when two ask with it at the same moment', { timeout: 40_000 }, async () => {
    const name = `race-${run}.txt`;
    const documentId = await available(name, `Race ${run}`);
    const recipient = `race-${run}@example.com`;
    await call(sarah, 'POST', `/api/documents/${documentId}/shares`, { email: recipient, days: 1 });
    const token = await emailedLink(recipient, name);
    expect((await call(undefined, 'POST', `/api/shared/${token}/code`)).status).toBe(202);
    const code = /: (\d{6})$/.exec((await emailTo(recipient, /Your code to open/)).subject)![1]!;
    const answers = await Promise.all([0, 1, 2].map(() => call(undefined, 'POST', `/api/shared/${token}/download`, { code })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400, 400]);
  });
});
