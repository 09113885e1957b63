/**
 * `npm run lock:complete`, after any `npm install`: the registry mirror this project installs
 * from lacks some other-platform builds of native optional packages (Astro's compiler
 * bindings, Tailwind's oxide), so npm leaves them out of package-lock.json and `npm ci` then
 * refuses the lockfile. This adds the entries npm writes with a full registry: name, exact
 * version, platform and `optional`. npm never fetches another platform's optional package.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

interface LockEntry {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  optionalDependencies?: Record<string, string>;
  os?: string[];
  cpu?: string[];
  libc?: string[];
}

const lockPath = resolve(import.meta.dirname, '../../package-lock.json');
const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as { packages: Record<string, LockEntry> };

/** `darwin-arm64`, `linux-arm64-gnu`, `win32-x64-msvc`, `wasm32-wasi` → os/cpu/libc. */
function platformOf(name: string): Pick<LockEntry, 'os' | 'cpu' | 'libc'> {
  const parts = name.split('/').pop()!.split('-');
  const os = parts.find((p) => ['android', 'darwin', 'freebsd', 'linux', 'win32', 'openbsd', 'sunos', 'aix'].includes(p));
  const cpu = parts.find((p) => ['arm', 'arm64', 'ia32', 'x64', 'wasm32', 'riscv64', 's390x', 'ppc64', 'loong64'].includes(p));
  const libc = parts.includes('musl') ? ['musl'] : parts.some((p) => p === 'gnu' || p === 'gnueabihf') ? ['glibc'] : undefined;
  return { ...(os && { os: [os] }), ...(cpu && { cpu: [cpu] }), ...(libc && { libc }) };
}

let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const hoisted = `node_modules/${name}`;
    const nested = `${path}/node_modules/${name}`;
    if (lock.packages[hoisted] || lock.packages[nested]) continue;
    if (!/^\d+\.\d+\.\d+/.test(spec)) {
      console.warn(`skipped ${name}@${spec} (not an exact version)`);
      continue;
    }
    lock.packages[hoisted] = { version: spec, ...(entry.dev && { dev: true }), optional: true, ...platformOf(name) };
    added++;
  }
}

lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added ? `package-lock.json: added ${added} other-platform optional package(s)` : 'package-lock.json: complete');
