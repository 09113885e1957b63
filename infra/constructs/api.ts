import { Stack } from 'aws-cdk-lib';
import {
  HttpAuthorizer,
  HttpIntegrationType,
  HttpMethod,
  HttpRoute,
  HttpRouteIntegration,
  HttpRouteKey,
  PayloadFormatVersion,
  type HttpRouteIntegrationConfig,
} from 'aws-cdk-lib/aws-apigatewayv2';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Documents } from './documents.ts';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { API_LAMBDAS, OPERATIONS, type ApiLambda } from '../../shared/api/operations.ts';
import type { StageConfig } from '../stage.ts';
import type { ApiGateway } from './api-gateway.ts';
import type { Auth } from './auth.ts';
import { portalFunction } from './lambda.ts';
import { acknowledge, arnRef } from './nag.ts';
import { CLOSING_PREFIX } from '../../shared/domain/platform/deletion.ts';

/** The planner signs series plans and booking-desk checks them (ADR 0011): they share one generated key. */
const PLAN_KEY_HOLDERS: readonly ApiLambda[] = ['booking-plans', 'booking-desk'];

/** The exports each function links to, by their keys in the uploads bucket. */
const EXPORTS_OFFERED = { analytics: 'exports/*', 'firm-data': 'exports/firms/*', firms: `${CLOSING_PREFIX}*` } as const;

/** The partition keys of firms' usage items (shared/db/entities/firm-usage.ts). */
const USAGE_PARTITIONS = 't#*#usage';

/** The user-pool administration each Lambda needs, and nothing more. */
const POOL_ACTIONS: Partial<Record<ApiLambda, string[]>> = {
  // Sets the chosen password (reset, invitation), verifies the email, ends sessions. Looking up a typed address is the accounts consumer's (ADR 0017).
  auth: ['cognito-idp:AdminSetUserPassword', 'cognito-idp:AdminUpdateUserAttributes', 'cognito-idp:AdminUserGlobalSignOut'],
  // Creates invited identities, moves them between role groups, disables and enables them.
  identity: [
    'cognito-idp:AdminCreateUser',
    'cognito-idp:AdminGetUser',
    'cognito-idp:AdminAddUserToGroup',
    'cognito-idp:AdminRemoveUserFromGroup',
    'cognito-idp:AdminDisableUser',
    'cognito-idp:AdminEnableUser',
    'cognito-idp:AdminUserGlobalSignOut',
  ],
  // Makes the first admin's identity of a new firm, in the admin group.
  firms: ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminGetUser', 'cognito-idp:AdminAddUserToGroup'],
  // A client's sign-up makes its identity in the accounts consumer, after the answer (ADR 0017).
};

/**
 * A Lambda proxy integration (payload 2.0) that adds no permission per route: the function
 * gets one permission for the whole API instead (CDK's HttpLambdaIntegration adds one per
 * route, 105 of the stack's 500 resources).
 */
class LambdaProxyIntegration extends HttpRouteIntegration {
  private readonly fn: LambdaFunction;

  constructor(id: string, fn: LambdaFunction) {
    super(id);
    this.fn = fn;
  }

  bind(): HttpRouteIntegrationConfig {
    return { type: HttpIntegrationType.AWS_PROXY, uri: this.fn.functionArn, payloadFormatVersion: PayloadFormatVersion.VERSION_2_0 };
  }
}

export interface ApiProps {
  stage: StageConfig;
  gateway: ApiGateway;
  auth: Auth;
  table: TableV2;
  publicUrl: string;
}

/**
 * Some Lambdas of the HTTP API, one route per manifest operation, on
 * the root stack's API. Routes that are not public sit behind the Cognito JWT authorizer; the
 * handlers decide permissions from the user record.
 */
export class Api extends Construct {
  readonly functions = new Map<ApiLambda, LambdaFunction>();

  constructor(scope: Construct, id: string, lambdas: readonly ApiLambda[], props: ApiProps) {
    super(scope, id);
    const { stage, auth, table, gateway } = props;
    const { httpApi } = gateway;
    const region = Stack.of(this).region;
    const authorizer = HttpAuthorizer.fromHttpAuthorizerAttributes(this, 'Cognito', { authorizerId: gateway.authorizer.authorizerId, authorizerType: 'JWT' });
    for (const lambda of lambdas) {
      const fn = portalFunction(this, `${lambda}Function`, {
        name: `api/${lambda}`,
        stage,
        environment: {
          TABLE_NAME: table.tableName,
          USER_POOL_ID: auth.userPool.userPoolId,
          USER_POOL_CLIENT_ID: auth.webClient.userPoolClientId,
          JWT_ISSUER: `https://cognito-idp.${region}.amazonaws.com/${auth.userPool.userPoolId}`,
          PUBLIC_URL: props.publicUrl,
          POWERTOOLS_SERVICE_NAME: lambda,
        },
      });
      if (API_LAMBDAS[lambda].table === 'readWrite') table.grantReadWriteData(fn);
      else if (API_LAMBDAS[lambda].table === 'read') {
        table.grantReadData(fn);
        // Every signed-in call counts in its firm's usage (functions/lib/usage.ts): an addition to the usage items, nothing else.
        fn.addToRolePolicy(
          new PolicyStatement({
            actions: ['dynamodb:UpdateItem'],
            resources: [table.tableArn],
            conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [USAGE_PARTITIONS] } },
          }),
        );
      }
      // A dynamic reference: the key is resolved at deploy time, never written into the template.
      if (PLAN_KEY_HOLDERS.includes(lambda)) fn.addEnvironment('PLAN_SIGNING_KEY', gateway.planKey.secretValue.unsafeUnwrap());
      fn.addEnvironment('ORIGIN_SECRET', gateway.originSecret.secretValue.unsafeUnwrap());
      const poolActions = POOL_ACTIONS[lambda];
      if (poolActions) auth.userPool.grant(fn, ...poolActions);
      this.functions.set(lambda, fn);

      fn.addPermission('InvokeFromHttpApi', {
        principal: new ServicePrincipal('apigateway.amazonaws.com'),
        sourceArn: Stack.of(this).formatArn({ service: 'execute-api', resource: httpApi.apiId, resourceName: '*' }),
      });
      const integration = new LambdaProxyIntegration(`${lambda}Integration`, fn);
      for (const op of OPERATIONS.filter((o) => o.lambda === lambda)) {
        new HttpRoute(this, `${op.operationId}Route`, {
          httpApi,
          routeKey: HttpRouteKey.with(op.path, HttpMethod[op.method]),
          integration,
          ...(op.access !== 'public' && { authorizer }),
        });
      }
      if (API_LAMBDAS[lambda].table !== 'none')
        acknowledge(fn, 'IAM5', 'Queries use the table’s GSIs, so grants cover `index/*` of this one table.', `Resource::${arnRef(table, fn)}/index/*`);
    }
    acknowledge(
      this,
      'APIG4',
      'Sign-in, refresh, sign-up, invitation and reset links, public booking, series plans, health and the OpenAPI document are public by design; every other route has the JWT authorizer.',
    );
  }

  /**
   * Links to exports (signing needs read access): requests' CSVs from the analytics function
   * (`exports/`), firms' whole exports from the firm-data function (`exports/firms/`, ADR 0038),
   * deleted firms' from the operators' firms function (`closing/`, ADR 0039).
   */
  offerExportsFrom(bucket: IBucket, lambda: keyof typeof EXPORTS_OFFERED): void {
    const objects = EXPORTS_OFFERED[lambda];
    const fn = this.functions.get(lambda)!;
    fn.addEnvironment('UPLOADS_BUCKET', bucket.bucketName);
    fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [bucket.arnForObjects(objects)] }));
    acknowledge(fn, 'IAM5', `Reads only objects under ${objects.slice(0, -1)} of the uploads bucket.`, `Resource::${arnRef(bucket, fn)}/${objects}`);
  }

  /**
   * Documents, on firms' keys (`t/…`) of the documents bucket only. The documents function signs
   * download links (GetObject) and deletes (DeleteObject); the quarantine console asks for scans
   * again. The uploads function signs POST forms and parts (PutObject, and PutObjectTagging: an
   * upload is tagged with the firm's retention), lists, aborts and completes parts, tells whether
   * a file arrived (GetObjectTagging) and deletes a cancelled one.
   */
  keepDocumentsIn(documents: Documents, uploads: IBucket): void {
    const { bucket } = documents;
    const firmsKeys = bucket.arnForObjects('t/*');
    const grant = (lambda: ApiLambda, actions: string[], why: string) => {
      const fn = this.functions.get(lambda)!;
      fn.addEnvironment('DOCUMENTS_BUCKET', bucket.bucketName);
      fn.addToRolePolicy(new PolicyStatement({ actions, resources: [firmsKeys] }));
      acknowledge(fn, 'IAM5', why, `Resource::${arnRef(bucket, fn)}/t/*`);
      return fn;
    };
    const fn = grant(
      'documents',
      ['s3:GetObject', 's3:DeleteObject'],
      'Signs downloads of firms’ documents only (keys under t/); the bucket policy refuses any read before a clean scan.',
    );
    documents.grantRescans(fn);
    // Links to the zips of folders, built into the uploads bucket.
    fn.addEnvironment('UPLOADS_BUCKET', uploads.bucketName);
    fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [uploads.arnForObjects('exports/zips/*')] }));
    acknowledge(fn, 'IAM5', 'Signs links to zips only (exports/zips/ of the uploads bucket).', `Resource::${arnRef(uploads, fn)}/exports/zips/*`);
    grant(
      'document-uploads',
      ['s3:PutObject', 's3:PutObjectTagging', 's3:GetObjectTagging', 's3:ListMultipartUploadParts', 's3:AbortMultipartUpload', 's3:DeleteObject'],
      'Signs uploads of firms’ documents only (keys under t/), whole or in parts; the bucket policy keeps the scan’s verdict tag to GuardDuty.',
    );
  }

  /** What the system health route asks (system function): read-only describe calls on each part. */
  reportHealthOf(parts: { table: TableV2; bus: IEventBus; deadLetterQueues: Map<string, Queue>; mailFrom: string }): void {
    const fn = this.functions.get('system')!;
    fn.addEnvironment('EVENT_BUS_NAME', parts.bus.eventBusName);
    fn.addEnvironment('MAIL_FROM', parts.mailFrom);
    fn.addEnvironment(
      'DEAD_LETTER_QUEUES',
      Stack.of(this).toJsonString(Object.fromEntries([...parts.deadLetterQueues].map(([name, q]) => [name, q.queueUrl]))),
    );
    fn.addToRolePolicy(new PolicyStatement({ actions: ['dynamodb:DescribeTable'], resources: [parts.table.tableArn] }));
    fn.addToRolePolicy(new PolicyStatement({ actions: ['events:DescribeEventBus'], resources: [parts.bus.eventBusArn] }));
    fn.addToRolePolicy(new PolicyStatement({ actions: ['sqs:GetQueueAttributes'], resources: [...parts.deadLetterQueues.values()].map((q) => q.queueArn) }));
    fn.addToRolePolicy(new PolicyStatement({ actions: ['ses:GetAccount'], resources: ['*'] }));
    acknowledge(fn, 'IAM5', 'SES GetAccount has no resource to scope to: it reads the account’s sending status.', 'Resource::*');
  }
}
