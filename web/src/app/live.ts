/**
 * The live-updates connection: a one-time ticket, then the WebSocket on this origin. A heartbeat
 * notices a dead connection; reconnects back off (with jitter) and, once back, ask the page to
 * resync so nothing shown stays stale after a drop.
 */
import { ApiError, call } from './api.ts';

const PING_EVERY_MS = 25_000;
const PONG_WITHIN_MS = 10_000;
const MAX_BACKOFF_MS = 30_000;

export interface LiveMessage {
  type: string;
  [key: string]: unknown;
}

export type LiveStatus = 'connecting' | 'open';

export function connectLive(onMessage: (m: LiveMessage) => void, onResync: () => void, onStatus: (s: LiveStatus) => void = () => undefined): () => void {
  let socket: WebSocket | undefined;
  let stopped = false;
  let attempt = 0;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let pongDeadline: ReturnType<typeof setTimeout> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const clearTimers = () => {
    clearInterval(heartbeat);
    clearTimeout(pongDeadline);
  };

  function scheduleReconnect() {
    if (stopped) return;
    const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt) * (0.5 + Math.random() / 2);
    attempt++;
    retry = setTimeout(() => void open(), delay);
  }

  async function open() {
    let ticket;
    try {
      ticket = await call('createRealtimeTicket');
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return; // signed out: nothing to listen to
      return scheduleReconnect();
    }
    const reconnecting = attempt > 0;
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${ticket.path}?ticket=${encodeURIComponent(ticket.ticket)}`;
    socket = new WebSocket(url);
    socket.onopen = () => {
      attempt = 0;
      onStatus('open');
      if (reconnecting) onResync();
      heartbeat = setInterval(() => {
        socket?.send(JSON.stringify({ type: 'ping' }));
        pongDeadline ??= setTimeout(() => socket?.close(), PONG_WITHIN_MS);
      }, PING_EVERY_MS);
    };
    socket.onmessage = (e) => {
      const message = JSON.parse(String(e.data)) as LiveMessage;
      if (message.type === 'pong') {
        clearTimeout(pongDeadline);
        pongDeadline = undefined;
      } else {
        onMessage(message);
      }
    };
    socket.onclose = () => {
      onStatus('connecting');
      clearTimers();
      pongDeadline = undefined;
      scheduleReconnect();
    };
  }

  void open();
  return () => {
    stopped = true;
    clearTimers();
    clearTimeout(retry);
    socket?.close();
  };
}
