/**
 * The whole portal on loopback: DynamoDB Local, cognito-local, s3rver, maildev, the event bus,
 * the scheduler and the gateway. Every function runs from the bundle CDK deploys, with the
 * environment the synthesized template gives it (infra/local/deployed-functions.ts), in
 * execution environments of its own (infra/local/lambda-runtime.ts). Used by `npm start` and
 * by the tests.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { resetConfig } from '../../shared/config.ts';
import { startCognito } from './cognito.ts';
import { deployedFunctions, type DeployedFunction } from './deployed-functions.ts';
import { ensureTable, LOCAL_AWS, startDynamo } from './dynamo.ts';
import { startEventBus } from './event-bus.ts';
import { startGateway } from './gateway.ts';
import { startLambdaApi } from './lambda-api.ts';
import { startTableGuard, type TableGrant } from './table-access.ts';
import { LocalLambda } from './lambda-runtime.ts';
import { attachWebSocket } from './websocket.ts';
import { freePort, stopChild, type Child } from './process.ts';
import { seedDemoData } from './seed.ts';
import { startSes } from './ses.ts';
import { startQueues } from './sqs.ts';
import { DOCUMENTS_BUCKET, startMail, startS3, UPLOADS_BUCKET } from './storage.ts';
import { ensureClamav, startScanner, type Scanner } from './scanner.ts';
import { jobInvocation, startScheduler } from './scheduler.ts';
import { startStreamPoller } from './streams.ts';

export interface StackOptions {
  /** Where data persists between runs; null keeps DynamoDB in memory (tests). */
  dataDir: string;
  persist: boolean;
  fresh: boolean;
  port: number;
  inboxPort?: number;
  siteDir: string;
  log: (line: string) => void;
}

export interface RunningStack {
  portalUrl: string;
  inboxUrl: string;
  env: Record<string, string>;
  /** Every deployed function, as the synthesized templates describe it. */
  deployed: DeployedFunction[];
  /** What the Lambda runtime gives every function locally (region, credentials, stand-in endpoints). */
  runtimeEnv: Record<string, string>;
  stop: () => Promise<void>;
}

const TABLE_NAME = 'service-portal-local';

/**
 * Where the cloud assembly goes: a folder whose only packages are the AWS SDK, as the Lambda
 * runtime provides it, so a bundle that imports anything else fails here as it would in AWS.
 */
function lambdaRuntimeRoot(): string {
  const dir = mkdtempSync(join(tmpdir(), 'portal-lambda-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(resolve(import.meta.dirname, '../../node_modules/@aws-sdk'), join(dir, 'node_modules/@aws-sdk'));
  return dir;
}

export async function startStack(options: StackOptions): Promise<RunningStack> {
  const { dataDir, log } = options;
  if (options.fresh) rmSync(dataDir, { recursive: true, force: true });
  const children: Child[] = [];
  const closers: Array<() => Promise<void>> = [];
  const stop = async () => {
    await Promise.allSettled([...closers.map((c) => c()), ...children.map((c) => stopChild(c))]);
  };

  let scanner: Scanner | undefined;
  try {
    ensureClamav(log);
    const [dynamoPort, cognitoPort, s3Port, smtpPort, inboxPort] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
      options.inboxPort ?? freePort(),
    ]);
    // allSettled, not all: when one fails, the others must have finished starting to be stopped.
    const started = await Promise.allSettled([
      startDynamo(dynamoPort, options.persist ? join(dataDir, 'dynamodb') : null).then((d) => (children.push(d.child), d)),
      startCognito(cognitoPort, join(dataDir, 'cognito')).then((c) => (children.push(c.child), c)),
      // Each new document is scanned as GuardDuty would scan it, once the scanner has started (below).
      startS3(
        s3Port,
        join(dataDir, 's3'),
        `http://localhost:${options.port}`,
        (key) => void scanner?.scan(DOCUMENTS_BUCKET, key).catch((error: unknown) => log(`scanner: ${key} was not scanned: ${String(error)}`)),
      ).then((s) => (closers.push(() => s.server.close()), s)),
      startMail(smtpPort, inboxPort).then((m) => (children.push(m.child), m)),
    ] as const);
    const failure = started.find((r) => r.status === 'rejected');
    if (failure) throw failure.reason;
    const [dynamo, cognito, s3, mail] = started.map((r) => (r as PromiseFulfilledResult<unknown>).value) as [
      Awaited<ReturnType<typeof startDynamo>>,
      Awaited<ReturnType<typeof startCognito>>,
      Awaited<ReturnType<typeof startS3>>,
      Awaited<ReturnType<typeof startMail>>,
    ];
    await ensureTable(dynamo.endpoint, TABLE_NAME);
    const [busPort, sesPort, wsManagementPort, sqsPort, lambdaPort, scannerPort] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
      freePort(),
      freePort(),
    ]);
    const smtpUrl = `smtp://127.0.0.1:${smtpPort}`;
    const queues = await startQueues(sqsPort);
    closers.push(queues.close);
    const portalUrl = `http://localhost:${options.port}`;

    // What the local CloudFront adds to API requests: new each start, like the plan key below.
    const originSecret = randomBytes(32).toString('base64url');
    // The local value of each variable whose deployed value the stack computes (a resource's name, URL or key).
    const deployTimeValues: Record<string, string> = {
      TABLE_NAME,
      USER_POOL_ID: cognito.poolId,
      USER_POOL_CLIENT_ID: cognito.clientId,
      JWT_ISSUER: cognito.issuer,
      UPLOADS_BUCKET,
      DOCUMENTS_BUCKET,
      EVENT_BUS_NAME: 'service-portal-local',
      WS_MANAGEMENT_ENDPOINT: `http://127.0.0.1:${wsManagementPort}`,
      DEAD_LETTER_QUEUES: JSON.stringify(queues.urls),
      PUBLIC_URL: portalUrl,
      // A new key each start: a series plan made before a restart is simply made again.
      PLAN_SIGNING_KEY: randomBytes(32).toString('base64url'),
      ORIGIN_SECRET: originSecret,
    };
    const [busEndpoint, sesEndpoint] = [`http://127.0.0.1:${busPort}`, `http://127.0.0.1:${sesPort}`];
    // What the Lambda runtime provides (region, credentials) and where the local stand-ins listen.
    const runtimeEnv: Record<string, string> = {
      AWS_REGION: LOCAL_AWS.region,
      AWS_DEFAULT_REGION: LOCAL_AWS.region,
      AWS_ACCESS_KEY_ID: LOCAL_AWS.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_AWS.credentials.secretAccessKey,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      COGNITO_ENDPOINT: cognito.endpoint,
      S3_ENDPOINT: s3.endpoint,
      EVENTBRIDGE_ENDPOINT: busEndpoint,
      SES_ENDPOINT: sesEndpoint,
      SQS_ENDPOINT: queues.endpoint,
      GUARDDUTY_ENDPOINT: `http://127.0.0.1:${scannerPort}`,
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    };
    const runtimeRoot = lambdaRuntimeRoot();
    closers.push(async () => rmSync(runtimeRoot, { recursive: true, force: true }));
    const deployed = deployedFunctions(join(runtimeRoot, 'cdk.out'), deployTimeValues);
    // Each function reaches the table through a guard holding it to its role's grants, one guard per set of grants.
    const guards = new Map<string, Promise<string>>();
    const guardFor = (grants: TableGrant[]) => {
      const key = JSON.stringify(grants);
      if (!guards.has(key))
        guards.set(
          key,
          startTableGuard(dynamo.endpoint, grants, (why) => log(`table access refused: ${why}`)).then((guard) => (closers.push(guard.close), guard.endpoint)),
        );
      return guards.get(key)!;
    };
    const tableEndpoints = new Map(await Promise.all(deployed.map(async (fn) => [fn.name, await guardFor(fn.tableGrants)] as const)));
    const lambda = new LocalLambda(deployed, (fn) => ({ ...runtimeEnv, DYNAMODB_ENDPOINT: tableEndpoints.get(fn.name)! }), join(dataDir, 'logs'));
    closers.push(() => lambda.stop());
    const lambdaApi = await startLambdaApi(lambdaPort, lambda);
    closers.push(lambdaApi.close);

    const [bus, ses] = await Promise.all([startEventBus(busPort, lambda, log, queues.deadLetter), startSes(sesPort, smtpUrl, busEndpoint)]);
    closers.push(bus.close, ses.close);
    scanner = await startScanner({ port: scannerPort, protectedBucket: DOCUMENTS_BUCKET, s3Endpoint: s3.endpoint, busEndpoint, dataDir, log });
    closers.push(scanner.close);

    // For the seed, the tests and `npm run job`, which read and write the local services directly.
    const env: Record<string, string> = {
      STAGE: 'local',
      ...deployTimeValues,
      ...runtimeEnv,
      MAIL_FROM: 'no-reply@service-portal.local',
      LAMBDA_ENDPOINT: lambdaApi.endpoint,
    };
    Object.assign(process.env, env);
    resetConfig();

    await seedDemoData(cognito);
    // What the seeded firms hold, measured as the nightly job does (its own bundle), so the platform's list starts true.
    const measure = jobInvocation('measure-usage');
    await lambda.invoke(measure.functionName, measure.event);
    const poller = await startStreamPoller(dynamo.endpoint, TABLE_NAME, lambda, log, queues.deadLetter);
    closers.push(async () => poller.stop());
    const scheduler = startScheduler(lambda, log, queues.deadLetter);
    closers.push(async () => scheduler.stop());
    const gateway: Server = await startGateway(options.port, options.siteDir, lambda, originSecret, s3.endpoint, log);
    const websocket = await attachWebSocket(gateway, wsManagementPort, lambda, log);
    closers.push(websocket.close, () => new Promise((resolve) => gateway.close(() => resolve())));
    return { portalUrl, inboxUrl: mail.inboxUrl, env, deployed, runtimeEnv, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
