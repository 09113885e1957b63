/**
 * `npm run bench:forgot-password`: whether "forgot password" answers an address that has an
 * account as fast as one that has none (ADR 0017). On a fresh local stack it sends requests
 * for the demo people's addresses and for unknown ones, interleaved, from other visitors each,
 * with a pause after each, and prints each kind's median and the ratio of the two: about 1
 * when nothing tells them apart.
 */
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../local/process.ts';
import { DEMO_TENANTS } from '../local/seed.ts';
import { startStack } from '../local/stack.ts';

const ROUNDS = Number(process.env.ROUNDS ?? 60);
/** Between requests, so that the work done after an answer (on other machines, in AWS) is not timed with the next answer here. */
const PAUSE_MS = Number(process.env.PAUSE_MS ?? 250);
const root = resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'portal-bench-'));
const stack = await startStack({ dataDir, persist: false, fresh: false, port: await freePort(), siteDir: join(root, 'web/dist'), log: () => undefined });

/** Milliseconds to the answer of one request, from a loopback address of its own (a visitor of its own). */
function timeForgot(email: string): Promise<number> {
  const body = JSON.stringify({ email });
  const url = new URL('/api/auth/forgot-password', stack.portalUrl);
  const localAddress = `127.${1 + Math.floor(Math.random() * 254)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;
  return new Promise((done, fail) => {
    const started = performance.now();
    const req = request(url, { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 202 ? done(performance.now() - started) : fail(new Error(`answered ${res.statusCode}`))));
    });
    req.on('error', fail);
    req.end(body);
  });
}

const pause = () => new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

try {
  const known = DEMO_TENANTS.flatMap((t) => t.users.map((u) => u.email));
  await timeForgot(`warm-up.${randomUUID()}@example.test`);
  const times = { known: [] as number[], unknown: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    times.known.push(await timeForgot(known[round % known.length]!));
    await pause();
    times.unknown.push(await timeForgot(`nobody.${randomUUID()}@example.test`));
    await pause();
  }
  const [k, u] = [median(times.known), median(times.unknown)];
  console.log(`forgot-password, ${ROUNDS} rounds: known ${k.toFixed(1)} ms, unknown ${u.toFixed(1)} ms (median), known/unknown ${(k / u).toFixed(2)}`);
} finally {
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
