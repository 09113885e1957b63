import { Duration } from 'aws-cdk-lib';
import { Architecture, Code, Function as LambdaFunction, LoggingFormat, Runtime, Tracing, type CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { lambdaBundles, type LambdaName } from '../bundling/lambda.ts';
import type { StageConfig } from '../stage.ts';
import { acknowledge, BASIC_EXECUTION_ROLE } from './nag.ts';

/** The template metadata key naming each function (infra/bundling/lambda.ts); the local stack finds functions by it. */
export const FUNCTION_NAME_METADATA = 'portal:function';

/**
 * Every function of the portal: Node 24 on arm64, JSON logs, its code the bundle
 * infra/bundling/lambda.ts built (the same file the local stack and the tests run).
 */
export function portalFunction(
  scope: Construct,
  id: string,
  props: { name: LambdaName; stage: StageConfig; environment: Record<string, string>; timeout?: Duration; memorySize?: number },
) {
  const fn = new LambdaFunction(scope, id, {
    code: Code.fromAsset(lambdaBundles().dirOf(props.name)),
    handler: 'index.handler',
    runtime: Runtime.NODEJS_24_X,
    architecture: Architecture.ARM_64,
    memorySize: props.memorySize ?? 512,
    timeout: props.timeout ?? Duration.seconds(10),
    loggingFormat: LoggingFormat.JSON,
    // X-Ray traces each invocation; the stream router carries its trace on to the bus and the consumers.
    tracing: Tracing.ACTIVE,
    logGroup: new LogGroup(scope, `${id}Logs`, { retention: props.stage.isProd ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH }),
    environment: { STAGE: props.stage.stage, NODE_OPTIONS: '--enable-source-maps', ...props.environment },
  });
  (fn.node.defaultChild as CfnFunction).addMetadata(FUNCTION_NAME_METADATA, props.name);
  acknowledge(fn, 'IAM4', 'AWSLambdaBasicExecutionRole only allows writing this function’s own logs.', BASIC_EXECUTION_ROLE);
  acknowledge(fn, 'IAM5', 'X-Ray’s PutTraceSegments and PutTelemetryRecords take no resource: this function sends its own traces.', 'Resource::*');
  return fn;
}
