import { Duration, Fn, Stack } from 'aws-cdk-lib';
import type { HttpApi, WebSocketApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { contentSecurityPolicy } from '../../shared/web/security-headers.ts';
import type { StageConfig } from '../stage.ts';
import { acknowledge, arnRef, BASIC_EXECUTION_ROLE } from './nag.ts';

const siteDir = resolve(import.meta.dirname, '../../web/dist');

/** CloudFront: the static site, with `/api/*` on the same origin, strict headers and WAF. */
export class Web extends Construct {
  readonly distribution: Distribution;

  constructor(
    scope: Construct,
    id: string,
    props: { stage: StageConfig; site: Bucket; logs: Bucket; api: HttpApi; originSecret: Secret; websocket: WebSocketApi; uploadOrigins: string[] },
  ) {
    super(scope, id);
    const { stage, site, logs, api, originSecret, websocket } = props;

    const firewall = new CfnWebACL(this, 'Firewall', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'portal-waf', sampledRequestsEnabled: true },
      rules: [
        {
          name: 'rate-limit-per-ip',
          priority: 0,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: stage.rateLimitPer5Min, aggregateKeyType: 'IP' } },
          visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'rate-limit', sampledRequestsEnabled: true },
        },
        {
          name: 'aws-common',
          priority: 1,
          overrideAction: { none: {} },
          statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesCommonRuleSet' } },
          visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'aws-common', sampledRequestsEnabled: true },
        },
      ],
    });

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(props.uploadOrigins), override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, preload: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
    });

    // Astro writes /login/index.html; S3 origins do not resolve directory indexes themselves.
    const directoryIndex = new CloudFrontFunction(this, 'DirectoryIndex', {
      code: FunctionCode.fromInline(
        "function handler(event){var r=event.request;if(r.uri.endsWith('/')){r.uri+='index.html';}else if(r.uri.lastIndexOf('.')<r.uri.lastIndexOf('/')){r.uri+='/index.html';}return r;}",
      ),
    });

    // The viewer's address, written by CloudFront over whatever header the client sent (ADR 0015).
    const viewerAddress = new CloudFrontFunction(this, 'ViewerAddress', {
      code: FunctionCode.fromInline("function handler(event){event.request.headers['x-viewer-address']={value:event.viewer.ip};return event.request;}"),
    });

    const apiDomain = Fn.select(2, Fn.split('/', api.apiEndpoint));
    this.distribution = new Distribution(this, 'Distribution', {
      defaultRootObject: 'index.html',
      webAclId: firewall.attrArn,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(site),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: headers,
        functionAssociations: [{ function: directoryIndex, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          // The secret proves to the functions that a request came through here; it replaces any a client sends.
          origin: new HttpOrigin(apiDomain, { customHeaders: { 'x-origin-verify': originSecret.secretValue.unsafeUnwrap() } }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
          functionAssociations: [{ function: viewerAddress, eventType: FunctionEventType.VIEWER_REQUEST }],
        },
        // The WebSocket API's stage is named `ws`: `/ws?ticket=…` reaches it as is.
        '/ws': {
          origin: new HttpOrigin(Fn.select(2, Fn.split('/', websocket.apiEndpoint))),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
      },
      errorResponses: [{ httpStatus: 404, responseHttpStatus: 404, responsePagePath: '/404.html' }],
    });

    // The built site ships with the stack when it exists (`npm run synth` builds it first).
    if (existsSync(resolve(siteDir, 'index.html'))) {
      const deployment = new BucketDeployment(this, 'DeploySite', {
        sources: [Source.asset(siteDir)],
        destinationBucket: site,
        distribution: this.distribution,
        memoryLimit: 512,
      });
      const providerWildcards = [
        ...['GetObject*', 'GetBucket*', 'List*', 'DeleteObject*', 'Abort*'].map((a) => `Action::s3:${a}`),
        `Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${Stack.of(this).region}/*`,
        `Resource::${arnRef(site)}/*`,
        'Resource::*', // cloudfront:CreateInvalidation takes no resource narrower than *
      ];
      // CDK makes the deployment's provider function once per stack, outside this construct.
      const provider = Stack.of(this).node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
      for (const target of [deployment, provider].filter((c) => c !== undefined)) {
        acknowledge(target, 'L1', 'The BucketDeployment provider’s runtime is chosen by CDK; it runs only during deployments.');
        acknowledge(target, 'IAM4', 'CDK’s BucketDeployment provider writes its logs with the basic execution role.', BASIC_EXECUTION_ROLE);
        for (const detail of providerWildcards) {
          acknowledge(target, 'IAM5', 'CDK’s BucketDeployment provider copies and prunes the site’s objects and invalidates the distribution.', detail);
        }
      }
    }

    acknowledge(this.distribution, 'CFR1', 'Firms serve clients worldwide; no geographic restriction is wanted.');
    acknowledge(
      this.distribution,
      'CFR4',
      'Uses the default *.cloudfront.net certificate, whose minimum TLS CloudFront fixes; a custom domain sets TLSv1.2_2021.',
    );
  }
}
