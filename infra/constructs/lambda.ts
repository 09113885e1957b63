import { Duration } from 'aws-cdk-lib';
import { Architecture, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { resolve } from 'node:path';
import { LAMBDA_BUNDLING } from '../bundling/lambda.ts';
import type { StageConfig } from '../stage.ts';
import { acknowledge, BASIC_EXECUTION_ROLE } from './nag.ts';

const root = resolve(import.meta.dirname, '../..');

/** Every function of the portal: Node 24 on arm64, JSON logs, bundled as infra/bundling/lambda.ts says. */
export function portalFunction(scope: Construct, id: string, props: { entry: string; stage: StageConfig; environment: Record<string, string>; timeout?: Duration }) {
  const fn = new NodejsFunction(scope, id, {
    entry: resolve(root, props.entry),
    projectRoot: root,
    depsLockFilePath: resolve(root, 'package-lock.json'),
    runtime: Runtime.NODEJS_24_X,
    architecture: Architecture.ARM_64,
    memorySize: 512,
    timeout: props.timeout ?? Duration.seconds(10),
    loggingFormat: LoggingFormat.JSON,
    logGroup: new LogGroup(scope, `${id}Logs`, { retention: props.stage.isProd ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH }),
    bundling: {
      minify: LAMBDA_BUNDLING.minify,
      sourceMap: true,
      target: LAMBDA_BUNDLING.target,
      format: OutputFormat.ESM,
      mainFields: [...LAMBDA_BUNDLING.mainFields],
      externalModules: [...LAMBDA_BUNDLING.external],
      banner: LAMBDA_BUNDLING.banner,
      esbuildArgs: Object.fromEntries(Object.entries(LAMBDA_BUNDLING.alias).map(([from, to]) => [`--alias:${from}`, to])),
    },
    environment: { STAGE: props.stage.stage, NODE_OPTIONS: '--enable-source-maps', ...props.environment },
  });
  acknowledge(fn, 'IAM4', 'AWSLambdaBasicExecutionRole only allows writing this function’s own logs.', BASIC_EXECUTION_ROLE);
  return fn;
}
