/**
 * The smoke test of a deployed stage (ADR 0034): `npm run smoke -- https://<portal>`. It checks
 * over HTTP(S), as a browser and the widget reach it, that the site, the API, its table, the
 * contract, sign-in's refusals, the widget script and the WebSocket's door all answer as they
 * must. The deploy workflow runs it after each deploy and rolls back when it fails; the test
 * suite runs it against the local stack, so it is the same check everywhere.
 */
import WebSocket from 'ws';

export interface SmokeResult {
  check: string;
  ok: boolean;
  detail?: string;
}

const TIMEOUT_MS = 15_000;

async function fetchFrom(base: string, path: string, init: RequestInit = {}) {
  return fetch(new URL(path, base), { ...init, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
}

/** A WebSocket without a ticket is refused before it opens (the authorizer's 401). */
function socketRefused(base: string): Promise<string | undefined> {
  const url = `${base.replace(/^http/, 'ws').replace(/\/$/, '')}/ws`;
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    const timer = setTimeout(() => {
      socket.terminate();
      resolve('no answer');
    }, TIMEOUT_MS);
    socket.on('unexpected-response', (_req, res) => {
      clearTimeout(timer);
      resolve(res.statusCode === 401 || res.statusCode === 403 ? undefined : `answered ${res.statusCode}`);
      socket.terminate();
    });
    socket.on('open', () => {
      clearTimeout(timer);
      socket.terminate();
      resolve('opened without a ticket');
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      resolve(error.message.includes('401') || error.message.includes('403') ? undefined : error.message);
    });
  });
}

type Check = [name: string, run: (base: string) => Promise<string | undefined>];

/** Each check: undefined when it holds, or what was wrong. */
const CHECKS: Check[] = [
  [
    'the site’s home page',
    async (base) => {
      const res = await fetchFrom(base, '/');
      const type = res.headers.get('content-type') ?? '';
      if (res.status !== 200 || !type.includes('text/html')) return `answered ${res.status} ${type}`;
      if (!res.headers.get('content-security-policy')) return 'no Content-Security-Policy';
    },
  ],
  [
    'the API and its table',
    async (base) => {
      const res = await fetchFrom(base, '/api/health');
      const body = (await res.json().catch(() => null)) as { status?: string; table?: { status?: string } } | null;
      if (res.status !== 200 || body?.status !== 'ok' || body.table?.status !== 'ok') return `answered ${res.status} ${JSON.stringify(body)}`;
    },
  ],
  [
    'the API contract',
    async (base) => {
      const res = await fetchFrom(base, '/api/openapi.json');
      const body = (await res.json().catch(() => null)) as { openapi?: string; paths?: object } | null;
      if (res.status !== 200 || !body?.openapi?.startsWith('3.1') || !body.paths) return `answered ${res.status}`;
    },
  ],
  [
    'sign-in refuses a wrong password in the API’s error shape',
    async (base) => {
      const res = await fetchFrom(base, '/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'smoke-test@example.invalid', password: 'Not-the-password-1' }),
      });
      const body = (await res.json().catch(() => null)) as { error?: { code?: string; requestId?: string } } | null;
      if (res.status !== 401 || !body?.error?.code || !body.error.requestId) return `answered ${res.status} ${JSON.stringify(body)}`;
    },
  ],
  [
    'a signed-in route refuses no token',
    async (base) => {
      const res = await fetchFrom(base, '/api/users');
      if (res.status !== 401) return `answered ${res.status}`;
    },
  ],
  [
    'the website widget’s script',
    async (base) => {
      const res = await fetchFrom(base, '/widget.js');
      const type = res.headers.get('content-type') ?? '';
      if (res.status !== 200 || !type.includes('javascript')) return `answered ${res.status} ${type}`;
    },
  ],
  ['the WebSocket refuses a connection without a ticket', socketRefused],
];

export async function smoke(base: string): Promise<SmokeResult[]> {
  return Promise.all(
    CHECKS.map(async ([check, run]) => {
      const problem = await run(base).catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
      return { check, ok: problem === undefined, ...(problem !== undefined && { detail: problem }) };
    }),
  );
}

if (import.meta.main) {
  const base = process.argv[2];
  if (!base || !/^https?:\/\//.test(base)) {
    console.error('Usage: npm run smoke -- https://<the portal>');
    process.exit(2);
  }
  const results = await smoke(base);
  for (const r of results) console.log(`${r.ok ? '✓' : '✗'} ${r.check}${r.detail ? `: ${r.detail}` : ''}`);
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}
