/** Helpers for tests that talk to the local stack over HTTP, as the browser does. */
import { inject } from 'vitest';
import { DEMO_PASSWORD } from './seed.ts';

export const portalUrl = () => inject('portalUrl');

export interface Signed {
  token: string;
  cookie: string;
  userId: string;
}

export async function api(path: string, init: RequestInit & { token?: string; cookie?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  if (init.cookie) headers.set('cookie', init.cookie);
  if (init.body) headers.set('content-type', 'application/json');
  const response = await fetch(`${portalUrl()}${path}`, { ...init, headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

export async function signIn(email: string, password = DEMO_PASSWORD): Promise<Signed> {
  const res = await api('/api/auth/login', { method: 'POST', body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { token: res.body.token, cookie, userId: res.body.user.userId };
}
