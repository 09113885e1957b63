/**
 * `npm run job -- <name>`: runs one scheduled job now against the running `npm start` stack
 * (its environment is in .local/stack.json), and prints what it did.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resetConfig } from '../../shared/config.ts';
import { SCHEDULES } from '../../shared/schedules.ts';
import { runJob } from './scheduler.ts';

const name = process.argv[2];
if (!name) {
  console.error(`Usage: npm run job -- <name>\nJobs: ${SCHEDULES.map((s) => `\n  ${s.name.padEnd(22)} ${s.expression}  ${s.description}`).join('')}`);
  process.exit(2);
}
const lockFile = join(resolve(import.meta.dirname, '../..'), '.local', 'stack.json');
if (!existsSync(lockFile)) {
  console.error('The portal is not running. Start it with `npm start` in another terminal, then run the job.');
  process.exit(1);
}
const { env } = JSON.parse(readFileSync(lockFile, 'utf8')) as { env: Record<string, string> };
Object.assign(process.env, env);
resetConfig();
try {
  console.log(`${name}: ${JSON.stringify(await runJob(name))}`);
} catch (error) {
  console.error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
