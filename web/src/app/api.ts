/**
 * Typed client for the API, derived from the operation list. The bearer token lives only in
 * memory; a page load restores it from the HttpOnly refresh cookie via /api/auth/refresh.
 */
import { operation, type OperationId } from '../../../shared/api/operations.ts';
import type { BodyOf, ResponseOf } from '../../../shared/api/routes.ts';
import type { Session } from '../../../shared/api/schemas/user.ts';
import type { FieldProblem } from '../../../shared/api/errors.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: FieldProblem[];
  /** Seconds to wait, when the API says so (429). */
  readonly retryAfter: number | undefined;
  /** What else the error carries, e.g. `reason` and free `suggestions` with a taken slot's 409. */
  readonly extra: Record<string, unknown>;

  constructor(status: number, code: string, message: string, details: FieldProblem[] = [], retryAfter?: number, extra: Record<string, unknown> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfter = retryAfter;
    this.extra = extra;
  }
}

let session: Session | null = null;
let restoring: Promise<Session | null> | null = null;

export const currentSession = () => session;

interface CallOptions<Id extends OperationId> {
  body?: BodyOf<Id>;
  query?: Record<string, string | number | undefined>;
  params?: Record<string, string>;
}

async function send<Id extends OperationId>(id: Id, options: CallOptions<Id>): Promise<Response> {
  const op = operation(id);
  const path = op.path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(options.params?.[k] ?? ''));
  const query = new URLSearchParams(
    Object.entries(options.query ?? {})
      .filter((e): e is [string, string | number] => e[1] !== undefined)
      .map(([k, v]) => [k, String(v)]),
  ).toString();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (session && op.access !== 'public') headers.authorization = `Bearer ${session.token}`;
  try {
    return await fetch(query ? `${path}?${query}` : path, {
      method: op.method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
    });
  } catch {
    throw new ApiError(0, 'network', 'network');
  }
}

async function read<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => ({}))) as {
    error?: { code: string; message: string; details?: { field: string; message: string }[]; [more: string]: unknown };
  };
  if (!response.ok) {
    const { code, message, details, requestId: _r, ...extra } = data.error ?? { code: 'internal', message: response.statusText };
    const retryAfter = Number(response.headers.get('retry-after')) || undefined;
    throw new ApiError(response.status, code, message, details, retryAfter, extra);
  }
  return data as T;
}

export async function call<Id extends OperationId>(id: Id, options: CallOptions<Id> = {}): Promise<ResponseOf<Id>> {
  let response = await send(id, options);
  // An expired in-memory token: renew once from the cookie, then retry.
  if (response.status === 401 && session && operation(id).access !== 'public') {
    if (await restoreSession(true)) response = await send(id, options);
  }
  return read<ResponseOf<Id>>(response);
}

/** Restores the session from the refresh cookie; null when signed out. Concurrent calls share one request. */
export function restoreSession(force = false): Promise<Session | null> {
  if (session && !force) return Promise.resolve(session);
  restoring ??= send('refresh', {})
    // A refusal of who they are (a suspended firm) is said, not taken for being signed out: signing in again would not help.
    .then((r) => (r.ok || r.status === 403 ? read<Session>(r) : null))
    .then((s) => (session = s))
    .finally(() => (restoring = null));
  return restoring;
}

/** Signed in, or the password was right and an authenticator code is next (two-step sign-in). */
export type SignInOutcome = { session: Session } | { totpSession: string };

export async function signIn(email: string, password: string): Promise<SignInOutcome> {
  const result = await call('login', { body: { email, password } });
  return 'totp' in result ? { totpSession: result.totp.session } : { session: adoptSession(result) };
}

export async function finishTotpSignIn(email: string, totpSession: string, code: string): Promise<Session> {
  return adoptSession(await call('answerMfaChallenge', { body: { email, session: totpSession, code } }));
}

/** Keeps a session an operation returned (sign-in, accepting an invitation). */
export function adoptSession(s: Session): Session {
  session = s;
  return s;
}

export async function signOut(): Promise<void> {
  await call('logout').catch(() => undefined);
  session = null;
}
