import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { api, joinAs, signIn, type Signed } from '../../infra/local/test-client.ts';
import { connect as openSocket, ticketFor, waitFor } from '../../infra/local/test-socket.ts';
import { linkIn, nextEmailTo } from '../../infra/local/test-inbox.ts';
import { database } from '../../shared/db/all-entities.ts';

let admin: Signed;
let lead: Signed;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  [admin, lead] = await Promise.all([signIn('hello@designpi.com'), signIn('sarah@designpi.com')]);
});
afterAll(() => sockets.forEach((s) => s.terminate()));

const connect = (ticket: string) => openSocket(ticket, sockets);

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
    await expect(connect(real.replace(/^t-d/, 't-D'))).rejects.toThrow('401'); // keys are case-folded; tokens are not
    await expect(connect('nonsense')).rejects.toThrow('401');
    await expect(connect('')).rejects.toThrow('401');
  });

  it('tells the admins live when an invited person joins, in a notification only they can see', async () => {
    const { messages } = await connect(await ticketFor(admin));
    const invited = await api('/api/invitations', {
      method: 'POST',
      token: admin.token,
      body: JSON.stringify({ email: 'quinn@example.com', name: 'Quinn Baker', role: 'CLIENT' }),
    });
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
    await connection
      .put({ tenantId: 't-designpi', userId: admin.userId, connectionId: 'vanished-connection', expiresAt: Math.floor(Date.now() / 1000) + 60 })
      .go();
    const { pushToUser } = await import('../lib/realtime.ts');
    await pushToUser('t-designpi', admin.userId, { type: 'probe' });
    expect((await connection.get({ tenantId: 't-designpi', userId: admin.userId, connectionId: 'vanished-connection' }).go()).data).toBeNull();
  });
});

describe('sessions that end close their WebSockets', () => {
  /** Resolves with the close code when the server closes the socket. */
  const closed = (socket: WebSocket) => new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));

  it('closes every socket of a person the admin deactivates', async () => {
    const person = await joinAs({ email: 'ws-deactivated@example.com', name: 'Wes Deactivated', role: 'CLIENT', password: 'Wes-Passw0rd!!' });
    const [one, two] = await Promise.all([connect(await ticketFor(person)), connect(await ticketFor(person))]);
    const deactivated = await api(`/api/users/${person.userId}/deactivate`, { method: 'POST', token: admin.token });
    expect(deactivated.status).toBe(200);
    await Promise.all([closed(one.socket), closed(two.socket)]);
    await expect.poll(async () => (await database().entities.connection.query.byUser({ tenantId: 't-designpi', userId: person.userId }).go()).data).toEqual([]);
  });

  it('closes the sockets opened before a password reset', async () => {
    const email = 'ws-reset@example.com';
    const person = await joinAs({ email, name: 'Rae Reset', role: 'CLIENT', password: 'Rae-Passw0rd!!' });
    const { socket } = await connect(await ticketFor(person));
    expect((await api('/api/auth/forgot-password', { method: 'POST', body: JSON.stringify({ email }) })).status).toBe(202);
    const token = new URL(linkIn(await nextEmailTo(email, 1), '/reset-password/?token=')).searchParams.get('token')!;
    const closing = closed(socket);
    expect((await api('/api/auth/reset-password', { method: 'POST', body: JSON.stringify({ token, password: 'Rae-New-Passw0rd!' }) })).status).toBe(204);
    await closing;
  });

  it('pushes nothing to a person who is no longer active, and closes their socket', async () => {
    const person = await joinAs({ email: 'ws-inactive@example.com', name: 'Ina Active', role: 'CLIENT', password: 'Ina-Passw0rd!!' });
    const { socket, messages } = await connect(await ticketFor(person));
    // Deactivated without the event (as if it were still on its way): the push itself checks.
    await database().entities.user.patch({ tenantId: 't-designpi', userId: person.userId }).set({ status: 'deactivated' }).go();
    const closing = closed(socket);
    const { pushToUser } = await import('../lib/realtime.ts');
    expect(await pushToUser('t-designpi', person.userId, { type: 'probe' })).toBe(0);
    await closing;
    expect(messages.filter((m) => m.type === 'probe')).toEqual([]);
  });
});

describe('notification inputs', () => {
  it('names a bad list of ids', async () => {
    const res = await api('/api/notifications/read', { method: 'POST', token: admin.token, body: JSON.stringify({ notificationIds: [] }) });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toMatchObject([{ field: 'notificationIds', message: 'must name at least one notification' }]);
  });
});
