/**
 * Documents attached to conversation messages (ADR 0033, as ADR 0031 for requests): only the
 * customer's documents the sender may see, a staff-only one in a private note only; each reader
 * sees what their access reaches, and a client never sees a note's.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, type Signed } from '../../infra/local/test-client.ts';
import { send, start } from '../documents/test-uploads.ts';

const run = randomUUID().slice(0, 6);
let john: Signed;
let jane: Signed;
let sarah: Signed;
let conversationId: string;

const call = (who: Signed, method: string, path: string, body?: unknown) =>
  api(path, { method, token: who.token, ...(body !== undefined && { body: JSON.stringify(body) }) });
const say = (who: Signed, body: Record<string, unknown>) =>
  call(who, 'POST', `/api/conversations/${conversationId}/messages`, { clientMessageId: randomUUID(), body: 'See attached', ...body });

async function uploaded(who: Signed, name: string, extra: Record<string, unknown> = {}) {
  const content = Buffer.from(`${name}\n`);
  const started = await start(who, name, content, extra);
  expect((await send(started.upload, content)).status).toBe(204);
  return started.document.documentId as string;
}

beforeAll(async () => {
  [john, jane, sarah] = await Promise.all([signIn('john.doe@example.com'), signIn('jane.smith@example.com'), signIn('sarah@designpi.com')]);
  conversationId = (await call(sarah, 'POST', '/api/conversations', { customerId: 'cus-acme', subject: `Papers ${run}` })).body.conversationId;
});

describe('attachments on messages', () => {
  it('are the customer’s own documents; a staff-only one goes into a private note, which the client never sees', { timeout: 40_000 }, async () => {
    const w2 = await uploaded(john, `w2-${run}.txt`);
    const sent = await say(john, { attachments: [w2] });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body.attachments).toEqual([{ documentId: w2, name: `w2-${run}.txt`, state: expect.stringMatching(/checking|available/) }]);

    const janes = await uploaded(jane, `jane-${run}.txt`);
    const foreign = await say(john, { attachments: [janes] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details).toEqual([{ field: 'attachments.0', message: 'is not a document of this client that you may see' }]);

    const workings = await uploaded(sarah, `workings-${run}.txt`, { customerId: 'cus-acme', accessLevel: 'internal' });
    const open = await say(sarah, { attachments: [workings] });
    expect(open.body.error.details).toEqual([{ field: 'attachments.0', message: 'is for staff only: attach it to an internal note' }]);
    expect((await say(sarah, { internal: true, attachments: [workings] })).status).toBe(201);

    const seen = async (who: Signed) =>
      ((await call(who, 'GET', `/api/conversations/${conversationId}/messages`)).body.items as { attachments?: { name: string }[] }[]).flatMap(
        (m) => m.attachments?.map((a) => a.name) ?? [],
      );
    expect(await seen(john)).toEqual([`w2-${run}.txt`]);
    expect(await seen(sarah)).toEqual([`w2-${run}.txt`, `workings-${run}.txt`]);
    expect((await say(john, { attachments: Array.from({ length: 11 }, (_, i) => `doc-${i}`) })).status).toBe(400);
  });

  it('cannot be added in a lead’s conversation, which has no customer to keep them, and say so', async () => {
    const started = await api('/api/widget/designpi/conversations', {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify({ name: `Lead ${run}`, email: `lead-${run}@prospect.example`, message: 'Hello', clientMessageId: randomUUID() }),
    });
    const workings = await uploaded(sarah, `lead-${run}.txt`, { customerId: 'cus-acme' });
    const refused = await call(sarah, 'POST', `/api/conversations/${started.body.conversationId}/messages`, {
      clientMessageId: randomUUID(),
      body: 'See attached',
      attachments: [workings],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([{ field: 'attachments', message: expect.stringContaining('a lead’s conversation') }]);
  });
});
