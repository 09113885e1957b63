import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { api, portalUrl, signIn, type Signed } from '../../infra/local/test-client.ts';
import { linkIn, nextEmailTo } from '../../infra/local/test-inbox.ts';
import { database } from '../../shared/db/all-entities.ts';

let admin: Signed;
let lead: Signed;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  [admin, lead] = await Promise.all([signIn('hello@designpi.com'), signIn('sarah@designpi.com')]);
});
afterAll(() => sockets.forEach((s) => s.terminate()));

const wsUrl = (ticket: string) => `${portalUrl().replace(/^http/, 'ws')}/ws?ticket=${encodeURIComponent(ticket)}`;
const ticketFor = async (who: Signed) => (await api('/api/realtime/tickets', { method: 'POST', token: who.token })).body.ticket as string;

/** Opens a socket; resolves with it and its received messages, or rejects with the HTTP status. */
function connect(ticket: string): Promise<{ socket: WebSocket; messages: Array<Record<string, unknown>> }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl(ticket));
    const messages: Array<Record<string, unknown>> = [];
    socket.on('message', (data) => messages.push(JSON.parse(data.toString())));
    socket.on('open', () => {
      sockets.push(socket);
      resolve({ socket, messages });
    });
    socket.on('unexpected-response', (_req, res) => reject(new Error(String(res.statusCode))));
    socket.on('error', reject);
  });
}

const waitFor = async <T>(find: () => T | undefined, what: string, ms = 5000): Promise<T> => {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('the live-updates WebSocket', () => {
  it('opens with a one-time ticket and answers the heartbeat', async () => {
    const ticket = await ticketFor(admin);
    const { socket, messages } = await connect(ticket);
    socket.send(JSON.stringify({ type: 'ping' }));
    await waitFor(() => messages.find((m) => m.type === 'pong'), 'pong');
    await expect(connect(ticket)).rejects.toThrow('401'); // used
  });

  it('refuses forged, malformed and missing tickets', async () => {
    const real = await ticketFor(lead);
    const forged = real.replace(/\.[^.]+$/, '.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    await expect(connect(forged)).rejects.toThrow('401');
    await expect(connect('nonsense')).rejects.toThrow('401');
    await expect(connect('')).rejects.toThrow('401');
  });

  it('tells the admins live when an invited person joins, in a notification only they can see', async () => {
    const { messages } = await connect(await ticketFor(admin));
    const invited = await api('/api/invitations', { method: 'POST', token: admin.token, body: JSON.stringify({ email: 'quinn@example.com', name: 'Quinn Baker', role: 'CLIENT' }) });
    expect(invited.status).toBe(201);
    const token = new URL(linkIn(await nextEmailTo('quinn@example.com'), '/invitation/?token=')).searchParams.get('token')!;
    const accepted = await api('/api/invitations/accept', { method: 'POST', body: JSON.stringify({ token, password: 'Quinn-Passw0rd!' }) });
    expect(accepted.status).toBe(201);

    const pushed = await waitFor(() => messages.find((m) => m.type === 'notification'), 'the live notification');
    expect(pushed.notification).toMatchObject({ kind: 'user.joined', values: { name: 'Quinn Baker', role: 'CLIENT' }, link: '/admin/users/', readAt: null });

    const mine = await api('/api/notifications', { token: admin.token });
    const id = (pushed.notification as { notificationId: string }).notificationId;
    expect(mine.body.items[0].notificationId).toBe(id);
    // Stored as pushed: the values survive the round trip through the table.
    expect(mine.body.items[0].values).toEqual({ name: 'Quinn Baker', role: 'CLIENT' });
    const leads = await api('/api/notifications', { token: lead.token });
    expect(leads.body.items.some((n: { notificationId: string }) => n.notificationId === id)).toBe(false);

    // Marking someone else's notification changes nothing; marking my own does.
    expect((await api('/api/notifications/read', { method: 'POST', token: lead.token, body: JSON.stringify({ notificationIds: [id] }) })).status).toBe(204);
    expect((await api('/api/notifications', { token: admin.token })).body.items[0].readAt).toBeNull();
    await api('/api/notifications/read', { method: 'POST', token: admin.token, body: JSON.stringify({ notificationIds: [id] }) });
    expect((await api('/api/notifications', { token: admin.token })).body.items[0].readAt).toEqual(expect.any(String));
  });

  it('forgets connections that went away without saying so', async () => {
    const { connection } = database().entities;
    await connection.put({ tenantId: 't-designpi', userId: admin.userId, connectionId: 'vanished-connection', expiresAt: Math.floor(Date.now() / 1000) + 60 }).go();
    const { pushToUser } = await import('../lib/realtime.ts');
    await pushToUser('t-designpi', admin.userId, { type: 'probe' });
    expect((await connection.get({ tenantId: 't-designpi', userId: admin.userId, connectionId: 'vanished-connection' }).go()).data).toBeNull();
  });
});

describe('notification inputs', () => {
  it('names a bad list of ids', async () => {
    const res = await api('/api/notifications/read', { method: 'POST', token: admin.token, body: JSON.stringify({ notificationIds: [] }) });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ field: 'notificationIds', message: 'must name at least one notification' }]);
  });
});
