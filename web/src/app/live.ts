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

/** The open socket, to send on (conversation subscriptions, typing). */
let current: WebSocket | undefined;

/** Sends on the live connection if it is open; false if not (it is sent again by the page once it reopens). */
export function sendLive(message: LiveMessage): boolean {
  if (current?.readyState !== WebSocket.OPEN) return false;
  current.send(JSON.stringify(message));
  return true;
}

function connectLive(onMessage: (m: LiveMessage) => void, onResync: () => void, onStatus: (s: LiveStatus) => void = () => undefined): () => void {
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
    current = socket;
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

interface Listener {
  onMessage: (m: LiveMessage) => void;
  onResync?: () => void;
  onStatus?: (s: LiveStatus) => void;
}

const listeners = new Set<Listener>();
let disconnect: (() => void) | undefined;
let lastStatus: LiveStatus = 'connecting';

/**
 * One connection per page, shared: the bell and any page that shows live data listen to it.
 * The first listener opens it, the last one to leave closes it.
 */
export function subscribeLive(listener: Listener): () => void {
  listeners.add(listener);
  listener.onStatus?.(lastStatus);
  disconnect ??= connectLive(
    (m) => listeners.forEach((l) => l.onMessage(m)),
    () => listeners.forEach((l) => l.onResync?.()),
    (s) => {
      lastStatus = s;
      listeners.forEach((l) => l.onStatus?.(s));
    },
  );
  return () => {
    listeners.delete(listener);
    if (listeners.size) return;
    disconnect?.();
    disconnect = undefined;
    lastStatus = 'connecting';
  };
}
