/**
 * The local Lambda Invoke API (`POST /2015-03-31/functions/{name}/invocations`, loopback only):
 * tests and `npm run job` invoke a deployed bundle directly, as `aws lambda invoke` would. A
 * function error answers 200 with `X-Amz-Function-Error: Unhandled` and the error payload.
 */
import { createServer } from 'node:http';
import { FunctionError, type LocalLambda } from './lambda-runtime.ts';

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

export function startLambdaApi(port: number, lambda: LocalLambda): Promise<{ endpoint: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const match = INVOKE_PATH.exec(req.url ?? '');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'POST' || !match) return reply(404, { Type: 'User', message: 'Not an invoke path' });
      const name = decodeURIComponent(match[1]!);
      let fn;
      try {
        fn = lambda.get(name);
      } catch (error) {
        return reply(404, { Type: 'User', message: String(error) }, { 'x-amzn-errortype': 'ResourceNotFoundException' });
      }
      const payload = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      fn.invoke(payload).then(
        (result) => reply(200, result),
        (error: unknown) =>
          error instanceof FunctionError
            ? reply(200, { errorType: error.errorType, errorMessage: error.message }, { 'x-amz-function-error': 'Unhandled' })
            : reply(500, { message: String(error) }),
      );
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({ endpoint: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) }));
  });
}

/** Invokes a function of a running local stack through its Invoke API; a function error rejects. */
export async function invokeFunction<T = unknown>(endpoint: string, name: string, event: unknown): Promise<T> {
  const response = await fetch(`${endpoint}/2015-03-31/functions/${encodeURIComponent(name)}/invocations`, { method: 'POST', body: JSON.stringify(event) });
  const body = (await response.json()) as T & { errorMessage?: string };
  if (response.status !== 200 || response.headers.get('x-amz-function-error')) throw new Error(`${name} failed: ${body.errorMessage ?? JSON.stringify(body)}`);
  return body;
}
