/** Helpers to run the local stand-ins as children: free ports, readiness polling, clean stop. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(true));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(false)));
  });
}

/** Polls `check` until it resolves truthy; readiness is observed, never slept for. */
export async function waitUntil(what: string, check: () => Promise<unknown>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (e) {
      lastError = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} was not ready within ${timeoutMs} ms${lastError ? `: ${String(lastError)}` : ''}`);
}

export interface Child {
  name: string;
  process: ChildProcess;
  output: () => string;
}

/** Spawns a child that is killed with us; keeps its last output for error messages. */
export function startChild(name: string, command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Child {
  const proc = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  return { name, process: proc, output: () => tail };
}

export function stopChild(child: Child, graceMs = 3000): Promise<void> {
  const proc = child.process;
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => proc.kill('SIGKILL'), graceMs);
    proc.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    proc.kill('SIGTERM');
  });
}

/** Waits for a just-spawned child to be ready; if it never is, stops it before failing. */
export async function readyOrStopped(child: Child, check: () => Promise<unknown>, timeoutMs = 30_000): Promise<void> {
  try {
    await waitUntil(child.name, check, timeoutMs);
  } catch (error) {
    await stopChild(child);
    throw new Error(`${String(error)}\n${child.name} said:\n${child.output()}`, { cause: error });
  }
}
