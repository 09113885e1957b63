/** Tests' WebSockets to the local stack, opened as the portal's pages open them (a one-time ticket). */
import WebSocket from 'ws';
import { database } from '../../shared/db/all-entities.ts';
import { api, portalUrl, type Signed } from './test-client.ts';

const wsUrl = (ticket: string) => `${portalUrl().replace(/^http/, 'ws')}/ws?ticket=${encodeURIComponent(ticket)}`;
export const ticketFor = async (who: Signed) => (await api('/api/realtime/tickets', { method: 'POST', token: who.token })).body.ticket as string;

export interface OpenSocket {
  socket: WebSocket;
  messages: Array<Record<string, unknown>>;
}

/** Opens a socket; resolves with it and its received messages, or rejects with the HTTP status. `opened` collects it for closing. */
export function connect(ticket: string, opened: WebSocket[]): Promise<OpenSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl(ticket));
    const messages: Array<Record<string, unknown>> = [];
    socket.on('message', (data) => messages.push(JSON.parse(data.toString())));
    socket.on('open', () => {
      opened.push(socket);
      resolve({ socket, messages });
    });
    socket.on('unexpected-response', (_req, res) => reject(new Error(String(res.statusCode))));
    socket.on('error', reject);
  });
}

/** What `find` finds, once it does; fails after `ms`. */
export async function waitFor<T>(find: () => T | undefined, what: string, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Drops every open connection of a person from the server's side (the management API's
 * DeleteConnection), as when their network goes: their page sees the socket close.
 */
export async function dropConnectionsOf(tenantId: string, userId: string): Promise<number> {
  const { data } = await database().entities.connection.query.byUser({ tenantId, userId }).go();
  await Promise.all(data.map((c) => fetch(`${process.env.WS_MANAGEMENT_ENDPOINT}/@connections/${encodeURIComponent(c.connectionId)}`, { method: 'DELETE' })));
  return data.length;
}
