/**
 * `npm run bench:address-timing`: whether the public operations that take a typed address —
 * forgot password, sign-up, sign-in with a wrong password — answer an address that has an
 * account as fast as one that has none (ADR 0017). On a fresh local stack, for each operation,
 * it sends requests for the demo people's addresses and for unknown ones, interleaved, each
 * from a visitor of its own and with a pause after it, and prints each kind's median and their
 * ratio: about 1 when the timing tells nothing.
 */
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../local/process.ts';
import { DEMO_TENANTS } from '../local/seed.ts';
import { startStack } from '../local/stack.ts';

const ROUNDS = Number(process.env.ROUNDS ?? 40);
/** After each request, so that the work done after an answer (elsewhere, in AWS) is not timed with the next answer here. */
const PAUSE_MS = Number(process.env.PAUSE_MS ?? 250);
/** Wrong passwords per known account: the fifth would pause it (and be answered otherwise, by design). */
const FAILURES_PER_ACCOUNT = 4;
const root = resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'portal-bench-'));
const stack = await startStack({ dataDir, persist: false, fresh: false, port: await freePort(), siteDir: join(root, 'web/dist'), log: () => undefined });

const visitor = () => `127.${1 + Math.floor(Math.random() * 254)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;

/** Milliseconds to the answer, which must have the expected status. */
function timed(path: string, payload: unknown, status: number): Promise<number> {
  const body = JSON.stringify(payload);
  return new Promise((done, fail) => {
    const started = performance.now();
    const req = request(
      new URL(path, stack.portalUrl),
      { method: 'POST', localAddress: visitor(), headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === status ? done(performance.now() - started) : fail(new Error(`${path} answered ${res.statusCode}, not ${status}`)),
        );
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

const pause = () => new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const unknownAddress = () => `nobody.${randomUUID()}@example.test`;

const OPERATIONS = {
  'forgot password': { send: (email: string) => timed('/api/auth/forgot-password', { email }, 202), rounds: ROUNDS },
  'sign-up': { send: (email: string) => timed('/api/signup/designpi', { name: 'Bench Mark', email }, 202), rounds: ROUNDS },
  'wrong password': { send: (email: string) => timed('/api/auth/login', { email, password: 'Not-The-Passw0rd!' }, 401), rounds: 0 },
};

try {
  const known = DEMO_TENANTS.flatMap((t) => t.users.map((u) => u.email));
  OPERATIONS['wrong password'].rounds = Math.min(ROUNDS, known.length * FAILURES_PER_ACCOUNT);
  for (const [name, { send, rounds }] of Object.entries(OPERATIONS)) {
    await send(unknownAddress()); // warm
    const times = { known: [] as number[], unknown: [] as number[] };
    for (let round = 0; round < rounds; round++) {
      times.known.push(await send(known[round % known.length]!));
      await pause();
      times.unknown.push(await send(unknownAddress()));
      await pause();
    }
    const [k, u] = [median(times.known), median(times.unknown)];
    console.log(
      `${name.padEnd(16)} ${String(rounds).padStart(3)} rounds: known ${k.toFixed(1).padStart(6)} ms, unknown ${u.toFixed(1).padStart(6)} ms (medians), known/unknown ${(k / u).toFixed(2)}`,
    );
  }
} finally {
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
