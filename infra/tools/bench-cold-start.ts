/**
 * `npm run bench:cold-start`: each deployed function's cold start against the local stack.
 * For every function of the synthesized app (its bundle from the cloud assembly, with its
 * template's environment), and for a reference handler that imports only the DynamoDB
 * document client, it runs fresh processes and takes the median module-init time and the
 * median time of the first invocation of one real event (infra/local/sample-events.ts).
 * Each is reported as a ratio to the reference measured in the same run, interleaved round by
 * round, since the machine is noisy. Prints a table and writes bench/cold-start.json.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ApiLambda } from '../../shared/api/operations.ts';
import { verifiedClaims } from '../../functions/lib/jwt-verifier.ts';
import { claimsAsPassed } from '../local/gateway.ts';
import { freePort } from '../local/process.ts';
import { SAMPLE_CALLER, sampleEvent, sampleHttpEvent, sampleRoute } from '../local/sample-events.ts';
import { DEMO_PASSWORD } from '../local/seed.ts';
import { startStack } from '../local/stack.ts';

const RUNS = Number(process.env.RUNS ?? 7);
/** The target: a function's init at most this multiple of the reference's. */
const TARGET_RATIO = 1.5;
const root = resolve(import.meta.dirname, '../..');
const probe = join(import.meta.dirname, 'cold-start-probe.ts');
const reference = join(import.meta.dirname, 'cold-start-reference.ts');
const runProbe = promisify(execFile);

const dataDir = mkdtempSync(join(tmpdir(), 'portal-bench-'));
const stack = await startStack({ dataDir, persist: false, fresh: false, port: await freePort(), siteDir: join(root, 'web/dist'), log: () => undefined });

interface Subject {
  name: string;
  file: string;
  env: Record<string, string>;
  event: unknown;
  bytes: number;
}
interface Sample {
  initMs: number;
  firstMs: number;
}

try {
  const login = await fetch(`${stack.portalUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: SAMPLE_CALLER, password: DEMO_PASSWORD }),
  });
  const claims = claimsAsPassed(await verifiedClaims(((await login.json()) as { token: string }).token));

  const eventFor = (name: string) => {
    if (!name.startsWith('api/')) return sampleEvent(name);
    const route = sampleRoute(name.slice(4) as ApiLambda);
    return sampleHttpEvent(route, route.op.access === 'public' ? undefined : claims);
  };
  const subjects: Subject[] = [
    { name: 'reference', file: reference, env: { TABLE_NAME: stack.env.TABLE_NAME! }, event: {}, bytes: 0 },
    ...stack.deployed.map((fn) => ({
      name: fn.name,
      file: fn.handlerFile,
      env: fn.environment,
      event: eventFor(fn.name),
      bytes: statSync(fn.handlerFile).size,
    })),
  ];

  const samples = new Map<string, Sample[]>(subjects.map((s) => [s.name, []]));
  for (let round = 1; round <= RUNS; round++) {
    process.stderr.write(`round ${round}/${RUNS}\r`);
    for (const subject of subjects) {
      // Asynchronously: the stand-ins the function calls (bus, SES, queues) answer from this process.
      const child = runProbe(process.execPath, [probe, subject.file], {
        env: { PATH: process.env.PATH, ...subject.env, ...stack.runtimeEnv, AWS_LAMBDA_FUNCTION_NAME: subject.name },
        timeout: 30_000,
      });
      child.child.stdin!.end(JSON.stringify(subject.event));
      const run = await child.catch((error: Error & { stderr?: string }) => {
        throw new Error(`${subject.name} failed: ${error.message}\n${error.stderr ?? ''}`);
      });
      // The probe's figures are the last line: the function's own log lines (a job's summary, say) come before.
      const sample = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Sample & { status?: number };
      if (sample.status !== undefined && sample.status >= 500) throw new Error(`${subject.name} answered ${sample.status}`);
      samples.get(subject.name)!.push(sample);
    }
  }

  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  const ref = samples.get('reference')!;
  const [refInit, refFirst] = [median(ref.map((s) => s.initMs)), median(ref.map((s) => s.firstMs))];
  const rows = subjects.map((s) => {
    const own = samples.get(s.name)!;
    const [initMs, firstMs] = [median(own.map((x) => x.initMs)), median(own.map((x) => x.firstMs))];
    return {
      name: s.name,
      kb: Math.round(s.bytes / 102.4) / 10,
      initMs: Math.round(initMs),
      initRatio: Math.round((initMs / refInit) * 100) / 100,
      firstMs: Math.round(firstMs),
      firstRatio: Math.round((firstMs / refFirst) * 100) / 100,
    };
  });

  console.log(`\nCold starts: median of ${RUNS} fresh processes each; ratios to the reference (DynamoDB document client only) of the same run.\n`);
  console.log(`${'function'.padEnd(24)}${'KB'.padStart(7)}${'init ms'.padStart(10)}${'× ref'.padStart(8)}${'1st call ms'.padStart(13)}${'× ref'.padStart(8)}`);
  for (const r of rows) {
    const flag = r.name !== 'reference' && r.initRatio > TARGET_RATIO ? '  ✗' : '';
    console.log(
      `${r.name.padEnd(24)}${String(r.kb || '').padStart(7)}${String(r.initMs).padStart(10)}${r.initRatio.toFixed(2).padStart(8)}${String(r.firstMs).padStart(13)}${r.firstRatio.toFixed(2).padStart(8)}${flag}`,
    );
  }
  const over = rows.filter((r) => r.name !== 'reference' && r.initRatio > TARGET_RATIO);
  console.log(
    over.length
      ? `\n${over.length} function(s) start slower than ${TARGET_RATIO}× the reference.`
      : `\nEvery function starts within ${TARGET_RATIO}× the reference.`,
  );
  mkdirSync(join(root, 'bench'), { recursive: true });
  writeFileSync(
    join(root, 'bench/cold-start.json'),
    `${JSON.stringify({ runs: RUNS, targetRatio: TARGET_RATIO, measuredAt: new Date().toISOString(), functions: rows }, null, 2)}\n`,
  );
} finally {
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
