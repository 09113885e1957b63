import { Stack } from 'aws-cdk-lib';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { CONTEXTS, OPERATIONS, type Context } from '../../shared/api/operations.ts';
import type { StageConfig } from '../stage.ts';
import type { Auth } from './auth.ts';
import { portalFunction } from './lambda.ts';
import { acknowledge, arnRef } from './nag.ts';

/** What each context's function may touch: least privilege, granted per context. */
const TABLE_ACCESS: Record<Context, 'none' | 'read' | 'readWrite'> = { access: 'readWrite', analytics: 'read', audit: 'read', auth: 'readWrite', availability: 'read', 'booking-desk': 'readWrite', 'booking-link': 'readWrite', 'booking-moves': 'readWrite', 'booking-plans': 'none', bookings: 'readWrite', catalog: 'readWrite', 'guest-booking': 'readWrite', identity: 'readWrite', notifications: 'readWrite', platform: 'read', requests: 'readWrite', signup: 'readWrite', system: 'read', tasks: 'readWrite', team: 'read', workflow: 'readWrite' };

/** The planner signs series plans and booking-desk checks them (ADR 0011): they share one generated key. */
const PLAN_KEY_HOLDERS: readonly Context[] = ['booking-plans', 'booking-desk'];

/** The user-pool administration each context needs, and nothing more. */
const POOL_ACTIONS: Partial<Record<Context, string[]>> = {
  // Finds an identity for a reset; sets the chosen password (reset, invitation) and verifies the email.
  auth: ['cognito-idp:AdminGetUser', 'cognito-idp:AdminSetUserPassword', 'cognito-idp:AdminUpdateUserAttributes'],
  // Creates invited identities, moves them between role groups, disables and enables them.
  identity: [
    'cognito-idp:AdminCreateUser',
    'cognito-idp:AdminGetUser',
    'cognito-idp:AdminAddUserToGroup',
    'cognito-idp:AdminRemoveUserFromGroup',
    'cognito-idp:AdminDisableUser',
    'cognito-idp:AdminEnableUser',
  ],
  // Creates the identity of a client who signs up; finds whether an address already has one.
  signup: ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminGetUser', 'cognito-idp:AdminAddUserToGroup'],
};

/**
 * The HTTP API: one Lambda per bounded context, one route per manifest operation. Routes that
 * are not public sit behind the Cognito JWT authorizer; the handlers check again and decide
 * permissions from the user record.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly functions = new Map<Context, NodejsFunction>();
  private readonly authorizer: HttpJwtAuthorizer;
  private readonly props: { stage: StageConfig; auth: Auth; table: TableV2 };

  constructor(scope: Construct, id: string, props: { stage: StageConfig; auth: Auth; table: TableV2 }) {
    super(scope, id);
    this.props = props;
    this.httpApi = new HttpApi(this, 'Http', { createDefaultStage: false });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.stage.isProd ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs) },
      throttle: { rateLimit: 200, burstLimit: 400 },
    });
    const { userPool, webClient } = props.auth;
    const issuer = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${userPool.userPoolId}`;
    this.authorizer = new HttpJwtAuthorizer('Cognito', issuer, { jwtAudience: [webClient.userPoolClientId] });
  }

  /** Builds the functions and routes; `publicUrl` is the site origin used in emailed links. */
  addRoutes(publicUrl: string): void {
    const { stage, auth, table } = this.props;
    const region = Stack.of(this).region;
    const planKey = new Secret(this, 'PlanSigningKey', { description: 'Signs series plans (ADR 0011)', generateSecretString: { passwordLength: 64, excludePunctuation: true } });
    acknowledge(planKey, 'SMG4', 'A plan lives 30 minutes; rotating only makes plans in flight fail with “plan the series again”, so the key is rotated by replacing it on deploy.');
    for (const context of CONTEXTS) {
      const fn = portalFunction(this, `${context}Function`, {
        entry: `functions/${context}/index.ts`,
        stage,
        environment: {
          TABLE_NAME: table.tableName,
          USER_POOL_ID: auth.userPool.userPoolId,
          USER_POOL_CLIENT_ID: auth.webClient.userPoolClientId,
          JWT_ISSUER: `https://cognito-idp.${region}.amazonaws.com/${auth.userPool.userPoolId}`,
          PUBLIC_URL: publicUrl,
          POWERTOOLS_SERVICE_NAME: context,
        },
      });
      if (TABLE_ACCESS[context] === 'readWrite') table.grantReadWriteData(fn);
      else if (TABLE_ACCESS[context] === 'read') table.grantReadData(fn);
      // A dynamic reference: the key is resolved at deploy time, never written into the template.
      if (PLAN_KEY_HOLDERS.includes(context)) fn.addEnvironment('PLAN_SIGNING_KEY', planKey.secretValue.unsafeUnwrap());
      const poolActions = POOL_ACTIONS[context];
      if (poolActions) auth.userPool.grant(fn, ...poolActions);
      this.functions.set(context, fn);

      const integration = new HttpLambdaIntegration(`${context}Integration`, fn);
      for (const op of OPERATIONS.filter((o) => o.context === context)) {
        this.httpApi.addRoutes({
          path: op.path,
          methods: [HttpMethod[op.method]],
          integration,
          ...(op.access !== 'public' && { authorizer: this.authorizer }),
        });
      }
      if (TABLE_ACCESS[context] !== 'none') acknowledge(fn, 'IAM5', 'Queries use the table’s GSIs, so grants cover `index/*` of this one table.', `Resource::${arnRef(table)}/index/*`);
    }
    acknowledge(this.httpApi, 'APIG4', 'Sign-in, refresh, sign-up, invitation and reset links, public booking, series plans, health and the OpenAPI document are public by design; every other route has the JWT authorizer.');
  }

  /** Request exports: the analytics function hands out links to objects under `exports/` (signing needs read access). */
  offerExportsFrom(bucket: IBucket): void {
    const fn = this.functions.get('analytics')!;
    fn.addEnvironment('UPLOADS_BUCKET', bucket.bucketName);
    fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [bucket.arnForObjects('exports/*')] }));
    acknowledge(fn, 'IAM5', 'Reads only objects under the exports/ prefix of the uploads bucket.', `Resource::${arnRef(bucket)}/exports/*`);
  }

  /** What the system health route asks (system function): read-only describe calls on each part. */
  reportHealthOf(parts: { bus: IEventBus; deadLetterQueues: Map<string, Queue>; mailFrom: string }): void {
    const fn = this.functions.get('system')!;
    const { table } = this.props;
    fn.addEnvironment('EVENT_BUS_NAME', parts.bus.eventBusName);
    fn.addEnvironment('MAIL_FROM', parts.mailFrom);
    fn.addEnvironment('DEAD_LETTER_QUEUES', Stack.of(this).toJsonString(Object.fromEntries([...parts.deadLetterQueues].map(([name, q]) => [name, q.queueUrl]))));
    fn.addToRolePolicy(new PolicyStatement({ actions: ['dynamodb:DescribeTable'], resources: [table.tableArn] }));
    fn.addToRolePolicy(new PolicyStatement({ actions: ['events:DescribeEventBus'], resources: [parts.bus.eventBusArn] }));
    fn.addToRolePolicy(new PolicyStatement({ actions: ['sqs:GetQueueAttributes'], resources: [...parts.deadLetterQueues.values()].map((q) => q.queueArn) }));
    fn.addToRolePolicy(new PolicyStatement({ actions: ['ses:GetAccount'], resources: ['*'] }));
    acknowledge(fn, 'IAM5', 'SES GetAccount has no resource to scope to: it reads the account’s sending status.', 'Resource::*');
  }
}
