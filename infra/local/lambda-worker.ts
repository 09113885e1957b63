/**
 * One Lambda execution environment of the local stack: a worker thread with the function's
 * own environment that imports the deployed bundle once (the cold start) and then runs one
 * invocation at a time, as the Lambda Node.js runtime does. Events and results cross as JSON.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

interface Setup {
  handlerFile: string;
  functionName: string;
  memoryMb: number;
}
interface Invocation {
  requestId: string;
  event: string;
  deadline: number;
}
type Handler = (event: unknown, context: unknown) => Promise<unknown>;

const { handlerFile, functionName, memoryMb } = workerData as Setup;
const port = parentPort!;
if (process.env.NODE_OPTIONS?.includes('--enable-source-maps')) process.setSourceMapsEnabled(true);

const errorOf = (error: unknown) =>
  error instanceof Error
    ? { errorType: error.name, errorMessage: error.message, stack: error.stack?.split('\n') ?? [] }
    : { errorType: 'Error', errorMessage: String(error), stack: [] };

let handler: Handler;
try {
  handler = ((await import(pathToFileURL(handlerFile).href)) as { handler: Handler }).handler;
  if (typeof handler !== 'function') throw new TypeError(`${functionName}: index.handler is not a function`);
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ ready: false, error: errorOf(error) });
}

port.on('message', ({ requestId, event, deadline }: Invocation) => {
  const context = {
    awsRequestId: requestId,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${process.env.AWS_REGION}:000000000000:function:${functionName}`,
    memoryLimitInMB: String(memoryMb),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
  Promise.resolve()
    .then(() => handler(JSON.parse(event), context))
    // Lambda serializes what the handler returns; undefined becomes null.
    .then((result) => port.postMessage({ requestId, result: JSON.stringify(result ?? null) }))
    .catch((error: unknown) => port.postMessage({ requestId, error: errorOf(error) }));
});
