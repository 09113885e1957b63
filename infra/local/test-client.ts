/** Helpers for tests that talk to the local stack over HTTP, as the browser does. */
import { expect, inject } from 'vitest';
import type { JobResult } from '../../shared/schedules.ts';
import { invokeFunction } from './lambda-api.ts';
import { jobInvocation } from './scheduler.ts';
import { DEMO_PASSWORD } from './seed.ts';
import { linkIn, nextEmailTo } from './test-inbox.ts';

export const portalUrl = () => inject('portalUrl');

export interface Signed {
  token: string;
  cookie: string;
  userId: string;
}

/**
 * Each test file calls from an address of its own (as CloudFront would name it), so the failed
 * sign-ins some tests make on purpose never add up to a pause of another file's address.
 */
const ownAddress = `198.18.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}:443`;

export async function api(path: string, init: RequestInit & { token?: string; cookie?: string } = {}) {
  const headers = new Headers(init.headers);
  if (!headers.has('cloudfront-viewer-address')) headers.set('cloudfront-viewer-address', ownAddress);
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

/**
 * A person of the calling test's own, invited by DesignPi's admin and joined from the emailed
 * link: for tests that change passwords, roles, grants or sign-in state.
 */
export async function joinAs(person: { email: string; name: string; role: string; password: string }): Promise<Signed> {
  const admin = await signIn('hello@designpi.com');
  const invited = await api('/api/invitations', { method: 'POST', token: admin.token, body: JSON.stringify({ email: person.email, name: person.name, role: person.role }) });
  if (invited.status !== 201) throw new Error(`invitation of ${person.email} failed: ${invited.status} ${JSON.stringify(invited.body)}`);
  const token = new URL(linkIn(await nextEmailTo(person.email), '/invitation/?token=')).searchParams.get('token')!;
  const accepted = await api('/api/invitations/accept', { method: 'POST', body: JSON.stringify({ token, password: person.password }) });
  if (accepted.status !== 201) throw new Error(`joining as ${person.email} failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return signIn(person.email, person.password);
}

/**
 * POSTs a change to a request with its version as it is at that moment, again until it lands
 * (200): auto-assignment may move a submitted request's version on at any time.
 */
export async function changeWithFreshVersion(who: Signed, requestId: string, path: 'status' | 'assignee', body: Record<string, unknown>): Promise<void> {
  await expect
    .poll(async () => {
      const { body: current } = await api(`/api/requests/${requestId}`, { token: who.token });
      return (await api(`/api/requests/${requestId}/${path}`, { method: 'POST', token: who.token, body: JSON.stringify({ ...body, version: current.version }) })).status;
    })
    .toBe(200);
}

/** Invokes a deployed function of the test stack directly (its bundle, as `aws lambda invoke` would). */
export function invoke<T = unknown>(functionName: string, event: unknown): Promise<T> {
  return invokeFunction<T>(inject('stackEnv').LAMBDA_ENDPOINT!, functionName, event);
}

/** Runs a scheduled job now, with the input its schedule sends for `scheduledAt`. */
export function runJob(name: string, scheduledAt = new Date()): Promise<JobResult> {
  const { functionName, event } = jobInvocation(name, scheduledAt);
  return invoke<JobResult>(functionName, event);
}
