/**
 * The local Lambda service: each function runs from its deployed bundle in execution
 * environments of its own (worker threads, infra/local/lambda-worker.ts). An idle environment
 * is reused warm; when all are busy a new one starts cold, up to a concurrency limit beyond
 * which invocations wait, as with reserved concurrency. A handler error or a timeout ends the
 * invocation with Lambda's error shape; a timed-out or crashed environment is discarded.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DeployedFunction } from './deployed-functions.ts';

const WORKER = join(import.meta.dirname, 'lambda-worker.ts');
/**
 * Enough to race real concurrent requests, few enough for two cores: every environment of
 * every function shares them. With ten, a burst of fifty bookings (and the consumers its
 * events wake) starved single invocations past their 10 s timeout in CI; in AWS each
 * environment has a CPU of its own. Invocations beyond it wait, as with reserved concurrency.
 */
const MAX_CONCURRENCY = 4;

export interface LambdaErrorShape {
  errorType: string;
  errorMessage: string;
  stack?: string[];
}

/** An invocation that failed: the handler threw, the environment crashed, or time ran out. */
export class FunctionError extends Error {
  readonly errorType: string;
  constructor(functionName: string, shape: LambdaErrorShape) {
    super(`${functionName}: ${shape.errorType}: ${shape.errorMessage}`);
    this.errorType = shape.errorType;
  }
}

interface Environment {
  worker: Worker;
  ready: Promise<void>;
  busy: boolean;
}

export class LocalFunction {
  private readonly environments = new Set<Environment>();
  private readonly waiting: Array<() => void> = [];

  readonly deployed: DeployedFunction;
  /** What the runtime adds to the function's own environment (region, credentials, local endpoints). */
  private readonly runtimeEnv: Record<string, string>;

  /** Where its output goes, as CloudWatch Logs keeps a function's: one file per function. */
  private readonly logFile: string;

  constructor(deployed: DeployedFunction, runtimeEnv: Record<string, string>, logDir: string) {
    this.deployed = deployed;
    this.runtimeEnv = runtimeEnv;
    this.logFile = join(logDir, `${deployed.name.replaceAll('/', '-')}.log`);
  }

  get name(): string {
    return this.deployed.name;
  }

  /** Invokes the handler with `event` (as JSON, the way Lambda delivers it) and resolves with its parsed result. */
  async invoke<T = unknown>(event: unknown): Promise<T> {
    const environment = await this.acquire();
    try {
      return (await this.run(environment, event)) as T;
    } finally {
      environment.busy = false;
      this.waiting.shift()?.();
    }
  }

  async stop(): Promise<void> {
    await Promise.allSettled([...this.environments].map((e) => e.worker.terminate()));
    this.environments.clear();
  }

  private async acquire(): Promise<Environment> {
    for (;;) {
      const idle = [...this.environments].find((e) => !e.busy);
      if (idle) {
        idle.busy = true;
        await idle.ready.catch((error: unknown) => {
          this.discard(idle);
          throw error;
        });
        return idle;
      }
      if (this.environments.size < MAX_CONCURRENCY) {
        const fresh = this.start();
        fresh.busy = true;
        await fresh.ready.catch((error: unknown) => {
          this.discard(fresh);
          throw error;
        });
        return fresh;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private start(): Environment {
    const { name, handlerFile, memoryMb } = this.deployed;
    const worker = new Worker(WORKER, {
      workerData: { handlerFile, functionName: name, memoryMb },
      env: {
        ...this.deployed.environment,
        ...this.runtimeEnv,
        AWS_LAMBDA_FUNCTION_NAME: name,
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(memoryMb),
        AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
        AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
      },
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
      stdout: true,
      stderr: true,
    });
    worker.unref();
    // Logs and metrics (EMF) to the function's log file; what it writes to stderr shows here too.
    const log = createWriteStream(this.logFile, { flags: 'a' });
    worker.stdout.pipe(log);
    worker.stderr.on('data', (chunk: Buffer) => {
      log.write(chunk);
      process.stderr.write(chunk);
    });
    const environment: Environment = {
      worker,
      busy: false,
      ready: new Promise((resolve, reject) => {
        worker.once('message', (message: { ready: boolean; error?: LambdaErrorShape }) => {
          if (message.ready) resolve();
          else reject(new FunctionError(name, message.error!));
        });
        worker.once('error', (error) => reject(new FunctionError(name, { errorType: 'Runtime.ExitError', errorMessage: String(error) })));
      }),
    };
    this.environments.add(environment);
    return environment;
  }

  private discard(environment: Environment): void {
    this.environments.delete(environment);
    void environment.worker.terminate();
    // Its place is free: a waiting invocation may start a new one.
    this.waiting.shift()?.();
  }

  private run(environment: Environment, event: unknown): Promise<unknown> {
    const { worker } = environment;
    const requestId = randomUUID();
    const timeoutMs = this.deployed.timeoutSeconds * 1000;
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onCrash);
      };
      const fail = (shape: LambdaErrorShape, discard: boolean) => {
        done();
        if (discard) this.discard(environment);
        reject(new FunctionError(this.name, shape));
      };
      const onMessage = (message: { requestId?: string; result?: string; error?: LambdaErrorShape }) => {
        if (message.requestId !== requestId) return;
        done();
        if (message.error) reject(new FunctionError(this.name, message.error));
        else resolve(JSON.parse(message.result!));
      };
      const onCrash = (error: Error) => fail({ errorType: 'Runtime.ExitError', errorMessage: String(error) }, true);
      const timer = setTimeout(
        () => fail({ errorType: 'Sandbox.Timedout', errorMessage: `Task timed out after ${this.deployed.timeoutSeconds.toFixed(2)} seconds` }, true),
        timeoutMs,
      );
      worker.on('message', onMessage);
      worker.once('error', onCrash);
      worker.postMessage({ requestId, event: JSON.stringify(event), deadline: Date.now() + timeoutMs });
    });
  }
}

/** Every function of the synthesized app, by name, ready to invoke. */
export class LocalLambda {
  private readonly functions = new Map<string, LocalFunction>();

  /** `runtimeEnvOf` gives what the runtime adds to each function's environment (its endpoints may be its own). */
  constructor(deployed: Iterable<DeployedFunction>, runtimeEnvOf: (fn: DeployedFunction) => Record<string, string>, logDir: string) {
    mkdirSync(logDir, { recursive: true });
    for (const fn of deployed) this.functions.set(fn.name, new LocalFunction(fn, runtimeEnvOf(fn), logDir));
  }

  get(name: string): LocalFunction {
    const fn = this.functions.get(name);
    if (!fn) throw new Error(`No deployed function named ${name}. Deployed: ${[...this.functions.keys()].join(', ')}`);
    return fn;
  }

  invoke<T = unknown>(name: string, event: unknown): Promise<T> {
    return this.get(name).invoke<T>(event);
  }

  all(): LocalFunction[] {
    return [...this.functions.values()];
  }

  async stop(): Promise<void> {
    await Promise.allSettled(this.all().map((f) => f.stop()));
  }
}
