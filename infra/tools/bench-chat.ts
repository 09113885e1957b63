/**
 * `npm run bench:chat`: the chat under load on a fresh local stack (issue 18). CONNECTIONS
 * WebSockets (half John's, half Sarah's, as the portal opens them) follow CONVERSATIONS topic
 * conversations, two sockets a side each. For DURATION_S seconds each conversation gets a
 * message every INTERVAL_MS, from John and Sarah in turn, through the API. Every socket that
 * follows a conversation must receive each of its messages once. Reports delivery latency
 * (send to receipt) p50/p95/max, and lost and duplicated deliveries (both must be 0).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { freePort } from '../local/process.ts';
import { DEMO_PASSWORD } from '../local/seed.ts';
import { startStack } from '../local/stack.ts';

const CONNECTIONS = Number(process.env.CONNECTIONS ?? 200);
const CONVERSATIONS = CONNECTIONS / 4;
const DURATION_S = Number(process.env.DURATION_S ?? 60);
const INTERVAL_MS = Number(process.env.INTERVAL_MS ?? 5000);
/** After the last send, how long deliveries may still arrive before they count as lost. */
const GRACE_MS = 20_000;

const root = resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'portal-bench-chat-'));
const stack = await startStack({ dataDir, persist: false, fresh: false, port: await freePort(), siteDir: join(root, 'web/dist'), log: () => undefined });

async function call(path: string, token: string | undefined, method = 'GET', body?: unknown) {
  const res = await fetch(new URL(path, stack.portalUrl), {
    method,
    headers: { ...(token && { authorization: `Bearer ${token}` }), 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const answer = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(answer)}`);
  return answer;
}
const signIn = async (email: string) => (await call('/api/auth/login', undefined, 'POST', { email, password: DEMO_PASSWORD })).token as string;

interface Follower {
  socket: WebSocket;
  conversationId: string;
  /** Receipt times by message id, and how often each came. */
  received: Map<string, number[]>;
}

function follow(token: string, conversationId: string): Promise<Follower> {
  return call('/api/realtime/tickets', token, 'POST').then(
    ({ ticket }) =>
      new Promise((done, fail) => {
        const socket = new WebSocket(`${stack.portalUrl.replace(/^http/, 'ws')}/ws?ticket=${encodeURIComponent(String(ticket))}`);
        const follower: Follower = { socket, conversationId, received: new Map() };
        socket.on('message', (data) => {
          const m = JSON.parse(data.toString()) as { type: string; conversationId?: string; message?: { clientMessageId: string } };
          if (m.type === 'subscribed' && m.conversationId === conversationId) done(follower);
          if (m.type !== 'conversation.message' || m.conversationId !== conversationId || !m.message) return;
          const times = follower.received.get(m.message.clientMessageId) ?? [];
          times.push(Date.now());
          follower.received.set(m.message.clientMessageId, times);
        });
        socket.on('open', () => socket.send(JSON.stringify({ type: 'subscribe', conversationId })));
        socket.on('error', fail);
      }),
  );
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;

try {
  const [john, sarah] = await Promise.all([signIn('john.doe@example.com'), signIn('sarah@designpi.com')]);
  const conversations: string[] = [];
  for (let i = 0; i < CONVERSATIONS; i++)
    conversations.push(String((await call('/api/conversations', sarah, 'POST', { customerId: 'cus-acme', subject: `Load ${i}` })).conversationId));
  const followers: Follower[] = [];
  // Opened a few at a time, as people arrive.
  for (let i = 0; i < conversations.length; i += 10) {
    const batch = conversations.slice(i, i + 10).flatMap((id) => [john, john, sarah, sarah].map((token) => follow(token, id)));
    followers.push(...(await Promise.all(batch)));
  }
  console.log(
    `${followers.length} connections follow ${conversations.length} conversations; sending for ${DURATION_S} s, one message per conversation every ${INTERVAL_MS} ms`,
  );

  const sent = new Map<string, { at: number; conversationId: string }>();
  const failures: string[] = [];
  const until = Date.now() + DURATION_S * 1000;
  await Promise.all(
    conversations.map(async (conversationId, i) => {
      // Spread over the interval, so sends do not all come at once.
      await new Promise((r) => setTimeout(r, (INTERVAL_MS * i) / conversations.length));
      for (let turn = 0; Date.now() < until; turn++) {
        const clientMessageId = randomUUID();
        const started = Date.now();
        sent.set(clientMessageId, { at: started, conversationId });
        try {
          await call(`/api/conversations/${conversationId}/messages`, turn % 2 ? sarah : john, 'POST', { clientMessageId, body: `Message ${turn}` });
        } catch (error) {
          failures.push(String(error));
        }
        await new Promise((r) => setTimeout(r, Math.max(0, INTERVAL_MS - (Date.now() - started))));
      }
    }),
  );
  const expected = () => followers.reduce((n, f) => n + [...sent.values()].filter((s) => s.conversationId === f.conversationId).length, 0);
  const deliveredOnce = () => followers.reduce((n, f) => n + [...f.received.keys()].filter((id) => sent.has(id)).length, 0);
  const graceEnds = Date.now() + GRACE_MS;
  while (deliveredOnce() < expected() && Date.now() < graceEnds) await new Promise((r) => setTimeout(r, 250));

  const latencies: number[] = [];
  let duplicated = 0;
  for (const f of followers)
    for (const [id, times] of f.received) {
      const s = sent.get(id);
      if (!s) continue;
      latencies.push(times[0]! - s.at);
      duplicated += times.length - 1;
    }
  const lost = expected() - deliveredOnce();
  console.log(`messages sent: ${sent.size} (${failures.length} sends failed${failures.length ? `: ${failures[0]}` : ''})`);
  console.log(`deliveries expected: ${expected()}, delivered: ${deliveredOnce()}, lost: ${lost}, duplicated: ${duplicated}`);
  console.log(`delivery latency ms: p50 ${percentile(latencies, 0.5)}, p95 ${percentile(latencies, 0.95)}, max ${Math.max(...latencies)}`);
  for (const f of followers) f.socket.terminate();
  // The disconnects run their Lambda (and write its log) before the stack and its folder go.
  await new Promise((r) => setTimeout(r, 5000));
  process.exitCode = lost || duplicated || failures.length ? 1 : 0;
} finally {
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
