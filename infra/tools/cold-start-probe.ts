/**
 * One cold start, in a fresh process as Lambda starts one: imports a handler module (module
 * init), then invokes it once with the event on stdin (first invocation). Prints both in ms.
 * Run by infra/tools/bench-cold-start.ts with the function's environment.
 */
import { randomUUID } from 'node:crypto';
import { text } from 'node:stream/consumers';
import { pathToFileURL } from 'node:url';

const event = JSON.parse(await text(process.stdin)) as unknown;
const started = performance.now();
const { handler } = (await import(pathToFileURL(process.argv[2]!).href)) as { handler: (event: unknown, context: unknown) => Promise<unknown> };
const initMs = performance.now() - started;
const context = { awsRequestId: randomUUID(), functionName: process.env.AWS_LAMBDA_FUNCTION_NAME, getRemainingTimeInMillis: () => 10_000 };
const invoked = performance.now();
const result = await handler(event, context);
const firstMs = performance.now() - invoked;
const status = (result as { statusCode?: number } | null)?.statusCode;
// Exit as soon as the answer is out: open keep-alive sockets would hold the process.
process.stdout.write(JSON.stringify({ initMs, firstMs, status }), () => process.exit(0));
