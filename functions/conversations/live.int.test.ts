/**
 * Conversations live over the WebSocket (ADR 0033): a subscription is authorized on subscribe;
 * messages, read receipts and typing reach those following; internal notes never reach a
 * client's socket; and after a dropped socket, asking by number gives exactly what was missed.
 */
import { randomUUID } from 'node:crypto';
import type WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signIn, type Signed } from '../../infra/local/test-client.ts';
import { connect, ticketFor, waitFor, type OpenSocket } from '../../infra/local/test-socket.ts';

const sockets: WebSocket[] = [];
let john: Signed;
let sarah: Signed;
let mike: Signed;
let johns: string;

const call = (who: Signed, method: string, path: string, body?: unknown) =>
  api(path, { method, token: who.token, ...(body !== undefined && { body: JSON.stringify(body) }) });
const send = (who: Signed, body: string, internal = false) =>
  call(who, 'POST', `/api/conversations/${johns}/messages`, { clientMessageId: randomUUID(), body, internal });

async function following(who: Signed): Promise<OpenSocket> {
  const open = await connect(await ticketFor(who), sockets);
  open.socket.send(JSON.stringify({ type: 'subscribe', conversationId: johns }));
  await waitFor(() => open.messages.find((m) => m.conversationId === johns && String(m.type).startsWith('subscribe')), 'an answer to subscribe');
  return open;
}
const bodies = (open: OpenSocket) => open.messages.filter((m) => m.type === 'conversation.message').map((m) => (m.message as { body: string }).body);

beforeAll(async () => {
  [john, sarah, mike] = await Promise.all([signIn('john.doe@example.com'), signIn('sarah@designpi.com'), signIn('mike@designpi.com')]);
  johns = (await call(john, 'POST', '/api/conversations', {})).body.conversationId;
  // Another test may have left it with Mike.
  const admin = await signIn('hello@designpi.com');
  await call(admin, 'PATCH', `/api/conversations/${johns}`, { assigneeId: sarah.userId });
});
afterAll(() => sockets.forEach((s) => s.terminate()));

describe('a conversation live', () => {
  it(
    'subscribes only those who may open it, and brings them messages, receipts and typing; never an internal note to a client',
    { timeout: 30_000 },
    async () => {
      const [johnLive, sarahLive, mikeLive] = await Promise.all([following(john), following(sarah), following(mike)]);
      expect(johnLive.messages.find((m) => m.type === 'subscribed')).toBeDefined();
      expect(mikeLive.messages.find((m) => m.type === 'subscribe_refused')).toBeDefined();

      const hello = `Live hello ${randomUUID().slice(0, 6)}`;
      await send(john, hello);
      await waitFor(() => (bodies(sarahLive).includes(hello) ? true : undefined), 'Sarah to get John’s message');
      // Sarah is assigned: every socket of hers hears of the activity, so her inbox's badge moves.
      await waitFor(() => sarahLive.messages.find((m) => m.type === 'conversation.activity' && m.conversationId === johns), 'activity for Sarah');

      const note = `Internal ${randomUUID().slice(0, 6)}`;
      const reply = `Reply ${randomUUID().slice(0, 6)}`;
      await send(sarah, note, true);
      await send(sarah, reply);
      await waitFor(() => (bodies(johnLive).includes(reply) ? true : undefined), 'John to get Sarah’s reply');
      await waitFor(() => (bodies(sarahLive).includes(note) ? true : undefined), 'Sarah to get her note');
      expect(bodies(johnLive)).not.toContain(note);
      expect(bodies(mikeLive)).toEqual([]);

      const { body } = await call(john, 'GET', `/api/conversations/${johns}`);
      await call(john, 'POST', `/api/conversations/${johns}/read`, { seq: body.last.seq });
      await waitFor(
        () => sarahLive.messages.find((m) => m.type === 'conversation.read' && m.userId === john.userId && m.seq === body.last.seq),
        'John’s receipt',
      );

      johnLive.socket.send(JSON.stringify({ type: 'typing', conversationId: johns }));
      await waitFor(() => sarahLive.messages.find((m) => m.type === 'conversation.typing' && m.userId === john.userId), 'John typing');
      mikeLive.socket.send(JSON.stringify({ type: 'typing', conversationId: johns }));
      await new Promise((r) => setTimeout(r, 500));
      expect(sarahLive.messages.find((m) => m.type === 'conversation.typing' && m.userId === mike.userId)).toBeUndefined();
    },
  );

  it(
    'after the socket drops while messages arrive, asking from the last number seen gives exactly the missed ones and the exact count',
    { timeout: 30_000 },
    async () => {
      const johnLive = await following(john);
      const seen = (await call(john, 'GET', `/api/conversations/${johns}`)).body.last.seq as number;
      await call(john, 'POST', `/api/conversations/${johns}/read`, { seq: seen });
      johnLive.socket.terminate();
      const missed = [1, 2, 3].map((i) => `While away ${i} ${randomUUID().slice(0, 4)}`);
      for (const text of missed) await send(sarah, text);
      await send(sarah, 'A note John never counts', true);
      const again = await following(john);
      const { body } = await call(john, 'GET', `/api/conversations/${johns}/messages?after=${seen}`);
      expect(body.items.map((m: { body: string }) => m.body)).toEqual(missed);
      expect((await call(john, 'GET', `/api/conversations/${johns}`)).body.unread).toBe(3);
      // And live again from here.
      await send(sarah, 'Back');
      await waitFor(() => (bodies(again).includes('Back') ? true : undefined), 'the next message live');
    },
  );
});
