/**
 * `npm start`: the whole portal on this machine. Data persists in .local/data between runs;
 * `npm start -- --fresh` starts empty. Ctrl-C stops every child, Java included.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEMO_PASSWORD, DEMO_TENANTS } from './seed.ts';
import { portInUse } from './process.ts';
import { startStack } from './stack.ts';

const root = resolve(import.meta.dirname, '../..');
const localDir = join(root, '.local');
const lockFile = join(localDir, 'stack.json');
const siteDir = join(root, 'web/dist');
const port = Number(process.env.PORT ?? 3000);
const inboxPort = Number(process.env.INBOX_PORT ?? 1080);
const started = Date.now();

function runningInstance(): { pid: number; portalUrl: string } | undefined {
  if (!existsSync(lockFile)) return undefined;
  const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as { pid: number; portalUrl: string };
  try {
    process.kill(lock.pid, 0);
    return lock;
  } catch {
    return undefined; // stale lock from a run that was killed
  }
}

const other = runningInstance();
if (other) {
  console.error(`Service Portal is already running at ${other.portalUrl} (pid ${other.pid}). Stop it first, or use that one.`);
  process.exit(1);
}
for (const [name, p] of [
  ['PORT', port],
  ['INBOX_PORT', inboxPort],
] as const) {
  if (await portInUse(p)) {
    console.error(`Port ${p} is taken by another program. Free it or start with ${name}=<another port>.`);
    process.exit(1);
  }
}
if (!existsSync(join(siteDir, 'index.html'))) {
  console.error('The web site is not built (web/dist). Run `npm start`, which builds it first.');
  process.exit(1);
}

mkdirSync(localDir, { recursive: true });
const stack = await startStack({
  dataDir: join(localDir, 'data'),
  persist: true,
  fresh: process.argv.includes('--fresh'),
  port,
  inboxPort,
  siteDir,
  log: (line) => console.error(line),
}).catch((error: unknown) => {
  console.error(`Could not start the local stack:\n${String(error)}`);
  process.exit(1);
});
// `npm run job` reads the environment from here (local endpoints and dummy credentials only).
writeFileSync(lockFile, JSON.stringify({ pid: process.pid, portalUrl: stack.portalUrl, env: stack.env }));

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  await stack.stop();
  rmSync(lockFile, { force: true });
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

const logins = DEMO_TENANTS.flatMap(({ tenant, users }) => users.map((u) => `  ${tenant.name.padEnd(20)} ${u.role.padEnd(12)} ${u.email}`));
console.log(`
Service Portal is running (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)

  Portal    ${stack.portalUrl}
  Inbox     ${stack.inboxUrl}   (every email the portal sends)
  API docs  ${stack.portalUrl}/api/openapi.json
  Booking   ${stack.portalUrl}/book/?firm=designpi   (public booking page; promo code WELCOME10)

Demo logins (password for all: ${DEMO_PASSWORD}):
${logins.join('\n')}

Press Ctrl-C to stop.`);
