/**
 * Editing and deleting messages (ADR 0033): only their sender, within a day; shown as edited or
 * deleted to everyone (live too, a note's to staff only); the audit keeps what they said.
 */
import { randomUUID } from 'node:crypto';
import type WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, type Signed } from '../../infra/local/test-client.ts';
import { connect, ticketFor, waitFor } from '../../infra/local/test-socket.ts';
import { database } from '../../shared/db/all-entities.ts';

const run = randomUUID().slice(0, 6);
let john: Signed;
let sarah: Signed;
let mike: Signed;
let id: string;
const sockets: WebSocket[] = [];
afterAll(() => sockets.forEach((s) => s.terminate()));

const call = (who: Signed, method: string, path: string, body?: unknown) =>
  api(path, { method, token: who.token, ...(body !== undefined && { body: JSON.stringify(body) }) });
const say = async (who: Signed, body: string, extra: Record<string, unknown> = {}) =>
  (await call(who, 'POST', `/api/conversations/${id}/messages`, { clientMessageId: randomUUID(), body, ...extra })).body.seq as number;
const messages = async (who: Signed) =>
  (await call(who, 'GET', `/api/conversations/${id}/messages?limit=100`)).body.items as { seq: number; body: string; editedAt?: string; deletedAt?: string }[];
const follow = async (who: Signed) => {
  const live = await connect(await ticketFor(who), sockets);
  live.socket.send(JSON.stringify({ type: 'subscribe', conversationId: id }));
  await waitFor(() => live.messages.find((m) => m.type === 'subscribed'), 'subscribed');
  return live;
};

beforeAll(async () => {
  [john, sarah, mike] = await Promise.all([signIn('john.doe@example.com'), signIn('sarah@designpi.com'), signIn('mike@designpi.com')]);
  id = (await call(sarah, 'POST', '/api/conversations', { customerId: 'cus-acme', subject: `Edits ${run}` })).body.conversationId;
});

describe('changing a message', () => {
  it('lets its sender edit it, shown as edited to everyone at once, with the old words in the audit', async () => {
    const seq = await say(john, `Teh return ${run}`);
    const sarahLive = await follow(sarah);
    const edited = await call(john, 'PATCH', `/api/conversations/${id}/messages/${seq}`, { body: `The return ${run}` });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ seq, body: `The return ${run}`, editedAt: expect.any(String) });
    expect((await messages(sarah)).find((m) => m.seq === seq)).toMatchObject({ body: `The return ${run}`, editedAt: expect.any(String) });
    expect((await call(sarah, 'GET', `/api/conversations/${id}`)).body.preview).toBe(`The return ${run}`);
    const live = await waitFor(
      () =>
        sarahLive.messages.find(
          (m) =>
            m.type === 'conversation.message' && (m.message as { seq: number; editedAt?: string }).seq === seq && (m.message as { editedAt?: string }).editedAt,
        ),
      'the edit, live',
    );
    expect((live.message as { body: string }).body).toBe(`The return ${run}`);
    const { data: audit } = await database().entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'conversation', entityId: id }).go();
    expect(audit.find((a) => a.action === 'conversation.message_edited')?.changes).toEqual([
      { field: 'message', from: `Teh return ${run}`, to: `The return ${run}` },
    ]);
  });

  it('is its sender’s alone: another may not, nor someone who cannot open the conversation or see the note', async () => {
    const johns = await say(john, 'Mine');
    const note = await say(sarah, `Internal ${run}`, { internal: true });
    const refused = await call(sarah, 'PATCH', `/api/conversations/${id}/messages/${johns}`, { body: 'Changed by Sarah' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('You can change only your own messages.');
    expect((await call(sarah, 'DELETE', `/api/conversations/${id}/messages/${johns}`)).status).toBe(403);
    expect((await call(mike, 'PATCH', `/api/conversations/${id}/messages/${johns}`, { body: 'x' })).status).toBe(404);
    expect((await call(john, 'PATCH', `/api/conversations/${id}/messages/${note}`, { body: 'x' })).status).toBe(404);
    expect((await call(john, 'PATCH', `/api/conversations/${id}/messages/9999`, { body: 'x' })).status).toBe(404);
    const bad = await call(john, 'PATCH', `/api/conversations/${id}/messages/abc`, { body: ' ' });
    expect(bad.status).toBe(400);
    expect((await messages(john)).find((m) => m.seq === johns)?.body).toBe('Mine');
  });

  it('lets its sender delete it for everyone, a note live to staff only, and not twice', async () => {
    const johnLive = await follow(john);
    const note = await say(sarah, `Note to delete ${run}`, { internal: true });
    const mine = await say(john, `Sent by mistake ${run}`);
    expect((await call(sarah, 'DELETE', `/api/conversations/${id}/messages/${note}`)).status).toBe(204);
    expect((await call(john, 'DELETE', `/api/conversations/${id}/messages/${mine}`)).status).toBe(204);
    for (const who of [john, sarah]) {
      const gone = (await messages(who)).find((m) => m.seq === mine)!;
      expect(gone).toMatchObject({ body: '', deletedAt: expect.any(String) });
    }
    expect((await messages(sarah)).find((m) => m.seq === note)).toMatchObject({ body: '', deletedAt: expect.any(String) });
    await waitFor(
      () =>
        johnLive.messages.find(
          (m) =>
            m.type === 'conversation.message' &&
            (m.message as { seq: number; deletedAt?: string }).seq === mine &&
            (m.message as { deletedAt?: string }).deletedAt,
        ),
      'the deletion, live',
    );
    expect(JSON.stringify(johnLive.messages)).not.toContain(`Note to delete ${run}`);
    expect(johnLive.messages.some((m) => (m.message as { seq?: number } | undefined)?.seq === note)).toBe(false);
    expect((await call(john, 'DELETE', `/api/conversations/${id}/messages/${mine}`)).status).toBe(409);
    expect((await call(john, 'PATCH', `/api/conversations/${id}/messages/${mine}`, { body: 'Back' })).status).toBe(409);
    const { data: audit } = await database().entities.audit.query.byEntity({ tenantId: 't-designpi', entityType: 'conversation', entityId: id }).go();
    expect(audit.filter((a) => a.action === 'conversation.message_deleted').map((a) => a.changes?.[0]?.from)).toEqual(
      expect.arrayContaining([`Sent by mistake ${run}`, `Note to delete ${run}`]),
    );
  });
});
