import { Stack } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroupLogDestination, WebSocketApi, WebSocketStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketLambdaAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { StageConfig } from '../stage.ts';
import { portalFunction } from './lambda.ts';
import { acknowledge, arnRef, cfnRef } from './nag.ts';

/** The stage is named `ws`, so CloudFront's `/ws` path reaches it unchanged on the site's origin. */
export const WEBSOCKET_STAGE = 'ws';

/** Live updates: a WebSocket API whose `$connect` needs a one-time ticket (functions/notifications/ws). */
export class Realtime extends Construct {
  readonly api: WebSocketApi;
  readonly stage: WebSocketStage;
  readonly functions: LambdaFunction[];

  constructor(scope: Construct, id: string, props: { stage: StageConfig; table: TableV2 }) {
    super(scope, id);
    const { stage, table } = props;
    const environment = { TABLE_NAME: table.tableName };
    const authorizerFn = portalFunction(this, 'AuthorizerFunction', {
      name: 'ws/authorizer',
      stage,
      environment: { ...environment, POWERTOOLS_SERVICE_NAME: 'ws-authorizer' },
    });
    const routesFn = portalFunction(this, 'RoutesFunction', {
      name: 'ws/routes',
      stage,
      environment: { ...environment, POWERTOOLS_SERVICE_NAME: 'ws-routes' },
    });
    this.functions = [authorizerFn, routesFn];

    const integration = new WebSocketLambdaIntegration('Routes', routesFn);
    this.api = new WebSocketApi(this, 'Api', {
      connectRouteOptions: {
        integration,
        authorizer: new WebSocketLambdaAuthorizer('Ticket', authorizerFn, { identitySource: ['route.request.querystring.ticket'] }),
      },
      disconnectRouteOptions: { integration },
      defaultRouteOptions: { integration },
    });
    this.stage = new WebSocketStage(this, 'Stage', {
      webSocketApi: this.api,
      stageName: WEBSOCKET_STAGE,
      autoDeploy: true,
      throttle: { rateLimit: 100, burstLimit: 200 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(
          new LogGroup(this, 'AccessLogs', { retention: stage.isProd ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH }),
        ),
      },
    });

    // The authorizer consumes tickets (a conditional delete); routes record connections and answer pings.
    table.grantReadWriteData(authorizerFn);
    table.grantReadWriteData(routesFn);
    this.grantPush(routesFn);
    for (const fn of this.functions) acknowledge(fn, 'IAM5', 'Grants cover `index/*` of this one table.', `Resource::${arnRef(table, fn)}/index/*`);
    acknowledge(this.api, 'APIG4', 'Only $connect can carry an authorizer in API Gateway; $default and $disconnect run on the connection it authorized.');
  }

  /** The `@connections` endpoint handlers post to. */
  get managementEndpoint(): string {
    return this.stage.callbackUrl;
  }

  /** Lets `fn` post to and close connections of this API (and nothing else), and tells it where. */
  grantPush(fn: LambdaFunction): void {
    this.stage.grantManagementApiAccess(fn);
    fn.addEnvironment('WS_MANAGEMENT_ENDPOINT', this.managementEndpoint);
    acknowledge(
      fn,
      'IAM5',
      'Connection ids are only known at run time; access is limited to this API’s stage.',
      `Resource::arn:<AWS::Partition>:execute-api:${Stack.of(this).region}:<AWS::AccountId>:${cfnRef(this.api, fn)}/${WEBSOCKET_STAGE}/*/@connections/*`,
    );
  }
}
