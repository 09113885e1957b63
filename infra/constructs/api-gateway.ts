import { Stack } from 'aws-cdk-lib';
import { HttpApi, HttpAuthorizer, HttpAuthorizerType, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { StageConfig } from '../stage.ts';
import type { Auth } from './auth.ts';
import { acknowledge } from './nag.ts';

/**
 * The HTTP API itself (its stage, access logs and Cognito JWT authorizer) and the series-plan
 * key, in the root stack: the site's distribution points at it, and each API stack
 * (infra/constructs/api.ts) adds its functions and routes to it.
 */
export class ApiGateway extends Construct {
  readonly httpApi: HttpApi;
  readonly authorizer: HttpAuthorizer;
  /** Signs series plans (ADR 0011): the planner signs, booking-desk checks. */
  readonly planKey: Secret;
  /** CloudFront adds it to every API request; the functions refuse requests without it (ADR 0015). */
  readonly originSecret: Secret;

  constructor(scope: Construct, id: string, props: { stage: StageConfig; auth: Auth }) {
    super(scope, id);
    this.httpApi = new HttpApi(this, 'Http', { createDefaultStage: false });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.stage.isProd ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs) },
      throttle: { rateLimit: 200, burstLimit: 400 },
      // Calls, errors and latency per route: each operation's figures, measured where callers meet the API.
      detailedMetricsEnabled: true,
    });
    const { userPool, webClient } = props.auth;
    this.authorizer = new HttpAuthorizer(this, 'Cognito', {
      httpApi: this.httpApi,
      type: HttpAuthorizerType.JWT,
      identitySource: ['$request.header.Authorization'],
      jwtIssuer: `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${userPool.userPoolId}`,
      jwtAudience: [webClient.userPoolClientId],
    });
    this.planKey = new Secret(this, 'PlanSigningKey', {
      description: 'Signs series plans (ADR 0011)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    this.originSecret = new Secret(this, 'OriginSecret', {
      description: 'Proves an API request came through CloudFront (ADR 0015)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    acknowledge(
      this.originSecret,
      'SMG4',
      'CloudFront and the functions read it at deploy time; rotating means a deploy, which replaces it on both sides at once.',
    );
    acknowledge(
      this.planKey,
      'SMG4',
      'A plan lives 30 minutes; rotating only makes plans in flight fail with “plan the series again”, so the key is rotated by replacing it on deploy.',
    );
    acknowledge(
      this.httpApi,
      'APIG4',
      'Sign-in, refresh, sign-up, invitation and reset links, public booking, series plans, health and the OpenAPI document are public by design; every other route has the JWT authorizer.',
    );
  }
}
