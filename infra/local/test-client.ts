/** Helpers for tests that talk to the local stack over HTTP, as the browser does. */
import { request } from 'node:http';
import { expect, inject } from 'vitest';
import type { JobResult } from '../../shared/schedules.ts';
import { invokeFunction } from './lambda-api.ts';
import { contractProblem } from './test-contract.ts';
import { jobInvocation } from './scheduler.ts';
import { DEMO_PASSWORD } from './seed.ts';
import { linkIn, nextEmailTo } from './test-inbox.ts';

export const portalUrl = () => inject('portalUrl');

export interface Signed {
  token: string;
  cookie: string;
  userId: string;
}

/** A loopback address of its own (127.0.0.0/8 is all loopback on Linux), as a distinct visitor. */
export const newVisitorAddress = () => `127.${1 + Math.floor(Math.random() * 254)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;

/**
 * Each test file connects from an address of its own, so the failed sign-ins some tests make on
 * purpose never add up to a pause of another file's address. The local CloudFront names the
 * viewer by the connection's address, as CloudFront does, whatever headers a client sends.
 */
const ownAddress = newVisitorAddress();

interface ApiInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  token?: string;
  cookie?: string;
  /** The loopback address to connect from (newVisitorAddress): another visitor. */
  from?: string;
}

/** One HTTP request from `localAddress`, answered as fetch would (fetch cannot choose its source address). */
function send(url: URL, method: string, headers: Record<string, string>, body: string | undefined, localAddress: string) {
  return new Promise<{ status: number; headers: Headers; text: string }>((resolve, reject) => {
    const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
    const req = request(url, { method, headers: { ...headers, ...length }, localAddress, family: 4, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const answered = new Headers();
        for (const [name, value] of Object.entries(res.headers)) for (const one of [value ?? []].flat()) answered.append(name, one);
        resolve({ status: res.statusCode ?? 0, headers: answered, text: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function api(path: string, init: ApiInit = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.cookie) headers.cookie = init.cookie;
  if (init.body && !headers['content-type']) headers['content-type'] = 'application/json';
  const method = init.method ?? 'GET';
  const response = await send(new URL(path, portalUrl()), method, headers, init.body, init.from ?? ownAddress);
  const body = response.text ? JSON.parse(response.text) : undefined;
  // Every answer is one the OpenAPI document gives.
  const problem = contractProblem(method, path, response.status, body);
  if (problem) expect.fail(problem);
  return { status: response.status, headers: response.headers, body };
}

export async function signIn(email: string, password = DEMO_PASSWORD): Promise<Signed> {
  const res = await api('/api/auth/login', { method: 'POST', body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { token: res.body.token, cookie, userId: res.body.user.userId };
}

/**
 * A person of the calling test's own, invited by DesignPi's admin and joined from the emailed
 * link: for tests that change passwords, roles, grants or sign-in state. The invitation may say
 * more: a client's customer and access, the language.
 */
export async function joinAs(person: {
  email: string;
  name: string;
  role: string;
  password: string;
  customerId?: string;
  contactAccess?: string;
  locale?: string;
}): Promise<Signed> {
  const admin = await signIn('hello@designpi.com');
  const { password: _, ...invitation } = person;
  const invited = await api('/api/invitations', { method: 'POST', token: admin.token, body: JSON.stringify(invitation) });
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
      return (
        await api(`/api/requests/${requestId}/${path}`, { method: 'POST', token: who.token, body: JSON.stringify({ ...body, version: current.version }) })
      ).status;
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

/**
 * Room for more work for a seeded team member while the calling file runs: with a firm that does
 * not review first, every request the ranking hands over counts against its holder at once, and
 * other files fill the seeded capacities. Returns the undo, for afterAll.
 */
export async function roomFor(tenantId: string, email: string, capacity = 50): Promise<() => Promise<void>> {
  const { database } = await import('../../shared/db/all-entities.ts');
  const { data } = await database().entities.user.query.byEmail({ tenantId, email }).go();
  const person = data[0]!;
  const key = { tenantId, userId: person.userId };
  await database().entities.user.patch(key).set({ maxConcurrentProjects: capacity }).go();
  return async () =>
    void (await database()
      .entities.user.patch(key)
      .set({ maxConcurrentProjects: person.maxConcurrentProjects ?? 3 })
      .go());
}
