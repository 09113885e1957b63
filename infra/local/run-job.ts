/**
 * `npm run job -- <name>`: invokes one scheduled job's deployed bundle now in the running
 * `npm start` stack (its endpoints are in .local/stack.json), and prints what it did.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SCHEDULES, type JobResult } from '../../shared/schedules.ts';
import { invokeFunction } from './lambda-api.ts';
import { jobInvocation } from './scheduler.ts';

const name = process.argv[2];
if (!name) {
  console.error(
    `Usage: npm run job -- <name>\nJobs: ${SCHEDULES.map((s) => `\n  ${s.name.padEnd(22)} ${'expression' in s ? s.expression : 'on demand'}  ${s.description}`).join('')}`,
  );
  process.exit(2);
}
const lockFile = join(resolve(import.meta.dirname, '../..'), '.local', 'stack.json');
if (!existsSync(lockFile)) {
  console.error('The portal is not running. Start it with `npm start` in another terminal, then run the job.');
  process.exit(1);
}
const { env } = JSON.parse(readFileSync(lockFile, 'utf8')) as { env: Record<string, string> };
try {
  const { functionName, event } = jobInvocation(name);
  console.log(`${name}: ${JSON.stringify(await invokeFunction<JobResult>(env.LAMBDA_ENDPOINT!, functionName, event))}`);
} catch (error) {
  console.error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
