import { App, NestedStack, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_LAMBDA_NAMES, OPERATIONS } from '../../shared/api/operations.ts';
import { RULES } from '../../shared/events/rules.ts';
import { SCHEDULED_JOBS } from '../../shared/schedules.ts';
import { LAMBDA_ENTRIES } from '../bundling/lambda.ts';
import { TABLE_INDEXES } from '../../shared/db/table.ts';
import { ROLES } from '../../shared/domain/identity/permissions.ts';
import { buildApp } from '../app.ts';
import { ACCOUNTS_POOL_ACTIONS } from '../constructs/events.ts';
import { FUNCTION_NAME_METADATA } from '../constructs/lambda.ts';
import { API_STACKS } from './portal-stack.ts';
import { Data } from '../constructs/data.ts';
import { readStage } from '../stage.ts';

/** Every template of a stage's app (the root stack's and each nested stack's), as CloudFormation gets them. */
function synthDir(stage: 'dev' | 'prod'): {
  dir: string;
  templates: Map<string, { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>; Outputs?: object; Parameters?: object }>;
} {
  const dir = mkdtempSync(join(tmpdir(), `portal-cdk-test-${stage}-`));
  buildApp(new App({ outdir: dir, context: { stage } })).app.synth();
  const files = readdirSync(dir).filter((f) => f.endsWith('.template.json'));
  return { dir, templates: new Map(files.map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8'))])) };
}

/** The resources of every stack as one template (logical ids are unique across them). */
function allResources(stage: 'dev' | 'prod'): Template {
  const { stack } = buildApp(new App({ context: { stage } }));
  const stacks = [stack, ...stack.node.findAll().filter((c): c is NestedStack => NestedStack.isNestedStack(c))];
  const resources: Record<string, unknown> = {};
  for (const s of stacks) {
    for (const [id, resource] of Object.entries(Template.fromStack(s).toJSON().Resources as Record<string, unknown>)) {
      if (id in resources) throw new Error(`${id} is in two stacks`);
      resources[id] = resource;
    }
  }
  return Template.fromJSON({ Resources: resources });
}

let dev: Template;
let prod: Template;
let synthesized: ReturnType<typeof synthDir>;
beforeAll(() => {
  dev = allResources('dev');
  prod = allResources('prod');
  synthesized = synthDir('dev');
});
afterAll(() => rmSync(synthesized.dir, { recursive: true, force: true }));

describe('room to grow (CloudFormation limits)', () => {
  const LIMITS = { resources: 500, outputs: 200, parameters: 200, templateBytes: 1_000_000, roleInlinePolicyChars: 10_240 };
  const SHARE = 0.6;

  it('keeps every stack under 60% of the resource, output, parameter and template size limits', () => {
    expect(synthesized.templates.size).toBeGreaterThan(1);
    for (const [file, template] of synthesized.templates) {
      const used = {
        resources: Object.keys(template.Resources).length,
        outputs: Object.keys(template.Outputs ?? {}).length,
        parameters: Object.keys(template.Parameters ?? {}).length,
        templateBytes: readFileSync(join(synthesized.dir, file)).length,
      };
      for (const [limit, value] of Object.entries(used)) expect(value, `${file}: ${limit}`).toBeLessThanOrEqual(LIMITS[limit as keyof typeof LIMITS] * SHARE);
    }
  });

  it('keeps every IAM role’s inline policies under the size limit', () => {
    for (const template of synthesized.templates.values()) {
      const byRole = new Map<string, number>();
      for (const resource of Object.values(template.Resources).filter((r) => r.Type === 'AWS::IAM::Policy')) {
        const { PolicyDocument, Roles = [] } = resource.Properties as { PolicyDocument: unknown; Roles?: unknown[] };
        for (const role of Roles) byRole.set(JSON.stringify(role), (byRole.get(JSON.stringify(role)) ?? 0) + JSON.stringify(PolicyDocument).length);
      }
      for (const [role, chars] of byRole) expect(chars, role).toBeLessThan(LIMITS.roleInlinePolicyChars);
    }
  });

  it('gives each API function one invoke permission for the whole API, not one per route', () => {
    const httpApiFunctions = Object.values(dev.findResources('AWS::Lambda::Permission'))
      .filter((p) => p.Properties.Principal === 'apigateway.amazonaws.com')
      .map((p) => p.Properties.FunctionName['Fn::GetAtt'][0] as string)
      .filter((fn) => fn.startsWith('Api'));
    expect(httpApiFunctions.length).toBe(API_LAMBDA_NAMES.length);
    expect(new Set(httpApiFunctions).size).toBe(API_LAMBDA_NAMES.length);
  });

  it('puts every context’s function in exactly one API stack', () => {
    expect(Object.values(API_STACKS).flat().sort()).toEqual([...API_LAMBDA_NAMES].sort());
  });

  it('passes cfn-lint with no errors', () => {
    const files = [...synthesized.templates.keys()].map((f) => join(synthesized.dir, f));
    const lint = spawnSync('cfn-lint', ['--format', 'parseable', ...files], { encoding: 'utf8' });
    if (lint.error) {
      console.warn('cfn-lint is not on this machine: the synthesized templates were not linted.');
      return;
    }
    // cfn-lint's exit code is a bit mask: 2 means errors (4 warnings, 8 informational).
    expect(
      lint.stdout.split('\n').filter((line) => /:E\d+:/.test(line)),
      lint.stderr,
    ).toEqual([]);
    expect(lint.status! & 2).toBe(0);
  });
});

describe('data', () => {
  it('builds the single table from shared/db/table.ts with stream, TTL and PITR', () => {
    dev.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: TABLE_INDEXES.map((i) => Match.objectLike({ IndexName: i.name })),
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
    });
  });

  it('builds only the first indexes when told to, for upgrades that add more than one (one index per CloudFormation update)', () => {
    const indexesWith = (context: Record<string, unknown>) => {
      const stack = new Stack();
      new Data(
        stack,
        'Data',
        readStage((key) => ({ stage: 'dev', ...context })[key]),
      );
      const [table] = Object.values(Template.fromStack(stack).findResources('AWS::DynamoDB::GlobalTable'));
      return (table!.Properties.GlobalSecondaryIndexes as { IndexName: string }[]).map((i) => i.IndexName);
    };
    expect(indexesWith({ tableIndexes: '6' })).toEqual(TABLE_INDEXES.slice(0, 6).map((i) => i.name));
    expect(indexesWith({})).toEqual(TABLE_INDEXES.map((i) => i.name));
    expect(() => indexesWith({ tableIndexes: String(TABLE_INDEXES.length + 1) })).toThrow(/tableIndexes/);
  });

  it('exports the prod table every day, natively from point-in-time recovery, into a bucket that keeps each export as configured; dev has none', () => {
    const exportsOf = (t: Template) =>
      Object.values(t.findResources('AWS::Scheduler::Schedule')).filter((s) =>
        JSON.stringify(s.Properties.Target.Arn).includes(':scheduler:::aws-sdk:dynamodb:exportTableToPointInTime'),
      );
    expect(exportsOf(dev)).toEqual([]);
    const [daily] = exportsOf(prod);
    expect(daily!.Properties).toMatchObject({ ScheduleExpression: 'cron(0 3 * * ? *)', ScheduleExpressionTimezone: 'Etc/UTC' });
    expect(JSON.stringify(daily!.Properties.Target.Input)).toMatch(/TableArn.*S3Bucket.*S3Prefix.*daily.*DYNAMODB_JSON/);
    // The scheduler's role may export this table and write under daily/ of that bucket, nothing else.
    const statements = Object.values(prod.findResources('AWS::IAM::Policy')).flatMap(
      (p) => p.Properties.PolicyDocument.Statement as { Action: unknown; Resource: unknown }[],
    );
    const exporting = statements.filter((s) => s.Action === 'dynamodb:ExportTableToPointInTime');
    expect(exporting).toHaveLength(1);
    expect(JSON.stringify(exporting[0]!.Resource)).toMatch(/Table.*Arn/);
    prod.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ ExpirationInDays: 35, Status: 'Enabled' })]) },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'backups/' }),
    });
    const longer = Template.fromStack(buildApp(new App({ context: { stage: 'prod', backupRetentionDays: '90' } })).stack);
    longer.hasResourceProperties('AWS::S3::Bucket', { LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ ExpirationInDays: 90 })]) } });
  });

  it('protects the prod table from deletion, not the dev one', () => {
    prod.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })] }),
    });
    dev.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Delete' });
  });
});

describe('auth', () => {
  it('has immutable tenant and claimed-account claims, optional TOTP MFA, a strong password policy and threat protection', () => {
    dev.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([Match.objectLike({ Name: 'tenantId', Mutable: false }), Match.objectLike({ Name: 'userId', Mutable: false })]),
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireSymbols: true }) },
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
  });

  it('has one group per role', () => {
    const groups = Object.values(dev.findResources('AWS::Cognito::UserPoolGroup')).map((g) => g.Properties.GroupName);
    expect(groups.sort()).toEqual([...ROLES].sort());
  });
});

describe('api', () => {
  it('has one route per manifest operation, JWT-protected unless public', () => {
    const routes = Object.values(dev.findResources('AWS::ApiGatewayV2::Route'))
      .map((r) => r.Properties)
      .filter((r) => !r.RouteKey.startsWith('$'));
    expect(routes.map((r) => r.RouteKey).sort()).toEqual(OPERATIONS.map((o) => `${o.method} ${o.path}`).sort());
    for (const op of OPERATIONS) {
      const route = routes.find((r) => r.RouteKey === `${op.method} ${op.path}`)!;
      expect(route.AuthorizationType ?? 'NONE').toBe(op.access === 'public' ? 'NONE' : 'JWT');
    }
  });

  it('runs every function on Node 24, arm64', () => {
    const functions = Object.entries(dev.findResources('AWS::Lambda::Function'))
      .filter(([id]) => /^(Api|Events|Realtime|Schedules)/.test(id))
      .map(([, f]) => f);
    // Every function of ours is measured by the bundle report.
    expect(functions.length).toBe(LAMBDA_ENTRIES.length);
    for (const f of functions) expect(f.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'] });
  });

  it('lets the platform function only read the table', () => {
    const policies = Object.entries(dev.findResources('AWS::IAM::Policy'));
    const actionsOf = (name: string) =>
      policies
        .filter(([id]) => id.startsWith(`Api${name}FunctionServiceRoleDefaultPolicy`))
        .flatMap(([, p]) => p.Properties.PolicyDocument.Statement.flatMap((s: { Action: string | string[] }) => s.Action));
    expect(actionsOf('platform')).toContain('dynamodb:GetItem');
    expect(actionsOf('platform')).not.toContain('dynamodb:PutItem');
    expect(actionsOf('identity')).toContain('dynamodb:PutItem');
    // The series planner touches no data at all: it only sends its traces.
    expect(new Set(actionsOf('bookingplans'))).toEqual(new Set(['xray:PutTraceSegments', 'xray:PutTelemetryRecords']));
  });

  it('lets the functions that only read the table add to firms’ usage items, and nothing else (ADR 0035)', () => {
    const statements = Object.entries(dev.findResources('AWS::IAM::Policy'))
      .filter(([id]) => /^Api(platform|system|audit)Function/.test(id))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as { Action: unknown; Condition?: unknown }[]);
    const writes = statements.filter((s) => s.Action === 'dynamodb:UpdateItem');
    expect(writes).toHaveLength(3);
    for (const s of writes) expect(s.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['t#*#usage'] } });
  });

  it('offers what `npm run bootstrap` reads as outputs of the stage’s stack', () => {
    const root = synthesized.templates.get('ServicePortal-dev.template.json')!;
    expect(Object.keys(root.Outputs ?? {})).toEqual(expect.arrayContaining(['TableName', 'UserPoolId', 'UserPoolClientId', 'PortalUrl', 'DocumentsBucket']));
  });

  it('lets the usage job list firms’ document keys, never read them', () => {
    const statements = Object.entries(dev.findResources('AWS::IAM::Policy')).flatMap(([id, p]) =>
      (p.Properties.PolicyDocument.Statement as { Action: unknown; Condition?: unknown }[]).map((s) => [id, s] as const),
    );
    const listing = statements.filter(([, s]) => s.Action === 's3:ListBucket');
    expect(listing.map(([id]) => id)).toEqual([expect.stringMatching(/^SchedulesmeasureusageFunction/)]);
    expect(listing[0]![1].Condition).toEqual({ StringLike: { 's3:prefix': ['t/*'] } });
  });

  it('gives the series-plan key, resolved from Secrets Manager at deploy, only to the planner and booking-desk', () => {
    const functions = Object.values(dev.findResources('AWS::Lambda::Function')).map((f) => f.Properties.Environment?.Variables ?? {});
    const holders = functions.filter((v) => v.PLAN_SIGNING_KEY).map((v) => v.POWERTOOLS_SERVICE_NAME);
    expect(holders.sort()).toEqual(['booking-desk', 'booking-plans']);
    const key = JSON.stringify(functions.find((v) => v.PLAN_SIGNING_KEY)!.PLAN_SIGNING_KEY);
    expect(key).toContain('{{resolve:secretsmanager:');
    dev.resourceCountIs('AWS::SecretsManager::Secret', 2); // and the origin secret
  });

  it('serves the API only through CloudFront: its origin secret reaches every API function, and CloudFront names the viewer (ADR 0015)', () => {
    const api = Object.values(dev.findResources('AWS::Lambda::Function'))
      .filter((f) => String(f.Metadata?.[FUNCTION_NAME_METADATA]).startsWith('api/'))
      .map((f) => f.Properties.Environment?.Variables ?? {});
    expect(api.length).toBeGreaterThanOrEqual(21);
    for (const variables of api)
      expect(JSON.stringify(variables.ORIGIN_SECRET), String(variables.POWERTOOLS_SERVICE_NAME)).toContain('{{resolve:secretsmanager:');
    const [distribution] = Object.values(dev.findResources('AWS::CloudFront::Distribution'));
    const config = distribution!.Properties.DistributionConfig as {
      CacheBehaviors: { PathPattern: string; TargetOriginId: string; FunctionAssociations?: unknown[] }[];
      Origins: { Id: string; OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[] }[];
    };
    const apiBehavior = config.CacheBehaviors.find((b) => b.PathPattern === '/api/*')!;
    const origin = config.Origins.find((o) => o.Id === apiBehavior.TargetOriginId)!;
    expect(origin.OriginCustomHeaders?.map((h) => [h.HeaderName, JSON.stringify(h.HeaderValue).includes('{{resolve:secretsmanager:')])).toEqual([
      ['x-origin-verify', true],
    ]);
    expect(apiBehavior.FunctionAssociations).toEqual([expect.objectContaining({ EventType: 'viewer-request' })]);
  });
});

describe('events', () => {
  it('wakes the stream router only for new outbox items, retrying failed records into a DLQ', () => {
    dev.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { NewImage: { __edb_e__: { S: ['outbox'] } } } }) }] },
    });
  });

  it('has one rule per shared rule, each delivering with retries and a dead-letter queue', () => {
    const rules = Object.values(dev.findResources('AWS::Events::Rule')).map((r) => r.Properties);
    expect(rules.map((r) => r.EventPattern)).toEqual(RULES.map((r) => r.pattern));
    for (const rule of rules) expect(rule.Targets[0]).toMatchObject({ DeadLetterConfig: { Arn: expect.anything() }, RetryPolicy: { MaximumRetryAttempts: 8 } });
  });

  it('lets only the email senders send email (notifier, booking emails, notifications, reminders, digests, deadline alerts, conversation emails, overdue ticket alerts), and alarms on every dead-letter queue', () => {
    const sesPolicies = Object.entries(dev.findResources('AWS::IAM::Policy')).filter(([, p]) =>
      JSON.stringify(p.Properties.PolicyDocument).includes('ses:SendEmail'),
    );
    expect(sesPolicies.map(([id]) => id).sort()).toEqual([
      expect.stringMatching(/^Eventsbookingemails/),
      expect.stringMatching(/^EventsnotificationsFunction/),
      expect.stringMatching(/^EventsnotifierFunction/),
      expect.stringMatching(/^Schedulesalertoverduetickets/),
      expect.stringMatching(/^Schedulessendconversationemails/),
      expect.stringMatching(/^Schedulessenddeadlinealerts/),
      expect.stringMatching(/^Schedulessenddigests/),
      expect.stringMatching(/^Schedulessendreminders/),
    ]);
    const queues = Object.keys(dev.findResources('AWS::SQS::Queue')).length;
    const dlqAlarms = Object.values(dev.findResources('AWS::CloudWatch::Alarm')).filter(
      (a) => a.Properties.MetricName === 'ApproximateNumberOfMessagesVisible',
    );
    expect(dlqAlarms.length).toBe(queues);
  });
});

describe('documents (ADR 0029)', () => {
  const documentsBucket = () => {
    const [id] = Object.entries(dev.findResources('AWS::S3::Bucket')).find(([id]) => id.startsWith('DocumentsBucket'))!;
    return id;
  };

  it('keeps them in a private, versioned, encrypted bucket whose removed files move to infrequent access and expire after their firm’s retention (10 years at most)', () => {
    dev.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      LifecycleConfiguration: {
        Rules: [
          Match.objectLike({
            NoncurrentVersionTransitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 30 }],
            NoncurrentVersionExpiration: { NoncurrentDays: 10 * 365 + 3 },
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
          }),
          // One rule for each shorter retention a firm may choose, by the tag each upload carries.
          ...Array.from({ length: 9 }, (_, i) =>
            Match.objectLike({
              Id: `RemovedFilesAfter${i + 1}Years`,
              TagFilters: [{ Key: 'PortalRetentionYears', Value: String(i + 1) }],
              NoncurrentVersionExpiration: { NoncurrentDays: (i + 1) * 365 + Math.ceil((i + 1) / 4) },
            }),
          ),
        ],
      },
    });
    expect(documentsBucket()).toBeDefined();
  });

  it('has GuardDuty Malware Protection scan and tag every new object, with a role only GuardDuty assumes', () => {
    const [plan] = Object.values(dev.findResources('AWS::GuardDuty::MalwareProtectionPlan'));
    expect(plan!.Properties).toMatchObject({
      Actions: { Tagging: { Status: 'ENABLED' } },
      ProtectedResource: { S3Bucket: { BucketName: { Ref: documentsBucket() } } },
      Role: { 'Fn::GetAtt': [expect.stringMatching(/^DocumentsMalwareProtectionRole/), 'Arn'] },
    });
    dev.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'malware-protection-plan.guardduty.amazonaws.com' } })] },
    });
  });

  it('refuses every read of an object its scan did not tag clean, to all but GuardDuty (even a presigned link we issued)', () => {
    const [policy] = Object.values(dev.findResources('AWS::S3::BucketPolicy')).filter((p) => JSON.stringify(p.Properties.Bucket).includes(documentsBucket()));
    const deny = (policy!.Properties.PolicyDocument.Statement as { Sid?: string }[]).find((s) => s.Sid === 'OnlyScannedCleanObjectsAreRead');
    expect(deny).toMatchObject({
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: ['s3:GetObject', 's3:GetObjectVersion'],
      Condition: {
        StringNotEquals: {
          's3:ExistingObjectTag/GuardDutyMalwareScanStatus': 'NO_THREATS_FOUND',
          'aws:PrincipalArn': { 'Fn::GetAtt': [expect.stringMatching(/^DocumentsMalwareProtectionRole/), 'Arn'] },
        },
      },
    });
  });

  it('lets nobody but GuardDuty write the scan’s verdict tag: not an upload, not a tagging call', () => {
    const [policy] = Object.values(dev.findResources('AWS::S3::BucketPolicy')).filter((p) => JSON.stringify(p.Properties.Bucket).includes(documentsBucket()));
    const deny = (policy!.Properties.PolicyDocument.Statement as { Sid?: string }[]).find((s) => s.Sid === 'OnlyTheScanTagsItsVerdict');
    expect(deny).toMatchObject({
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: ['s3:PutObject', 's3:PutObjectTagging', 's3:PutObjectVersionTagging'],
      Condition: {
        'ForAnyValue:StringEquals': { 's3:RequestObjectTagKeys': ['GuardDutyMalwareScanStatus'] },
        StringNotEquals: { 'aws:PrincipalArn': { 'Fn::GetAtt': [expect.stringMatching(/^DocumentsMalwareProtectionRole/), 'Arn'] } },
      },
    });
  });

  it('sends GuardDuty’s scan results, from the default bus, to the document-scans consumer, which reads only the documents bucket', () => {
    const rules = Object.values(dev.findResources('AWS::Events::Rule')).map((r) => r.Properties);
    const scans = rules.find((r) => r.EventPattern?.source?.[0] === 'aws.guardduty')!;
    expect(scans.EventPattern).toEqual({
      source: ['aws.guardduty'],
      'detail-type': ['GuardDuty Malware Protection Object Scan Result'],
      detail: { resourceType: ['S3_OBJECT'] },
    });
    expect(scans.EventBusName).toBeUndefined();
    expect(JSON.stringify(scans.Targets[0].Arn)).toMatch(/documentscans/);
    // Only AWS services' events (these scans, SES's feedback) are heard on the default bus; the portal's own go on its bus.
    for (const rule of rules.filter((r) => !String(r.EventPattern?.source?.[0]).startsWith('aws.'))) expect(rule.EventBusName).toBeDefined();
  });

  it('retries failed scans every 30 minutes: the rescan job reads tags of firms’ keys and asks GuardDuty, as the quarantine console does', () => {
    const schedules = Object.values(dev.findResources('AWS::Scheduler::Schedule')).map((r) => r.Properties);
    const rescan = schedules.find((s) => JSON.parse(s.Target.Input).job === 'rescan-documents');
    expect(rescan?.ScheduleExpression).toBe('rate(30 minutes)');
    const statements = Object.values(dev.findResources('AWS::IAM::Policy')).flatMap(
      (p) => p.Properties.PolicyDocument.Statement as { Action: unknown; Resource: unknown }[],
    );
    const asking = statements.filter((s) => s.Action === 'guardduty:SendObjectMalwareScan');
    const tagReading = statements.filter((s) => s.Action === 's3:GetObjectTagging');
    // The rescan job and the documents API, nobody else.
    expect(asking).toHaveLength(2);
    expect(tagReading).toHaveLength(2);
    for (const s of tagReading) expect(JSON.stringify(s.Resource)).toMatch(/"\/t\/\*"\]\]\}$/);
  });

  it('takes parts of large files (ADR 0032): the site may PUT them and read their ETag, and only the uploads function signs, lists or aborts them, on firms’ keys', () => {
    dev.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: {
        CorsRules: [Match.objectLike({ AllowedMethods: ['POST', 'PUT'], ExposedHeaders: ['ETag'] })],
      },
    });
    const statements = Object.entries(dev.findResources('AWS::IAM::Policy')).flatMap(([id, p]) =>
      (p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]).map((s) => ({ id, ...s })),
    );
    const multipart = statements.filter(
      (s) =>
        JSON.stringify(s.Resource).includes('DocumentsBucket') &&
        [s.Action].flat().some((a) => a === 's3:AbortMultipartUpload' || a === 's3:ListMultipartUploadParts'),
    );
    expect(multipart.map((s) => s.id)).toEqual([expect.stringMatching(/^ApidocumentuploadsFunction/)]);
    expect(JSON.stringify(multipart[0]!.Resource)).toMatch(/"\/t\/\*"\]\]\}$/);
    // Downloads and uploads are signed apart: the documents function writes nothing but deletions.
    const documentsWrites = statements.filter((s) => /^ApidocumentsFunction/.test(s.id) && [s.Action].flat().some((a) => a.startsWith('s3:Put')));
    expect(documentsWrites).toEqual([]);
  });
});

describe('schedules', () => {
  it('has one UTC schedule per shared job, invoking its Lambda with the scheduled time, retrying into a dead-letter queue', () => {
    const schedules = Object.values(dev.findResources('AWS::Scheduler::Schedule')).map((r) => r.Properties);
    expect(schedules.map((s) => [s.ScheduleExpression, s.ScheduleExpressionTimezone])).toEqual(SCHEDULED_JOBS.map((s) => [s.expression, 'Etc/UTC']));
    for (const [i, schedule] of schedules.entries()) {
      expect(JSON.parse(schedule.Target.Input)).toEqual({ job: SCHEDULED_JOBS[i]!.name, scheduledAt: '<aws.scheduler.scheduled-time>' });
      expect(schedule.Target).toMatchObject({ DeadLetterConfig: { Arn: expect.anything() }, RetryPolicy: { MaximumRetryAttempts: 3 } });
    }
  });
});

describe('realtime', () => {
  it('authorizes $connect with the one-time ticket and serves the stage under /ws behind CloudFront', () => {
    dev.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { AuthorizerType: 'REQUEST', IdentitySource: ['route.request.querystring.ticket'] });
    dev.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$connect', AuthorizationType: 'CUSTOM' });
    dev.hasResourceProperties('AWS::ApiGatewayV2::Stage', { StageName: 'ws' });
    dev.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ CacheBehaviors: Match.arrayWith([Match.objectLike({ PathPattern: '/ws', ViewerProtocolPolicy: 'https-only' })]) }),
    });
  });

  it('lets only the WebSocket routes and the consumers that push live (notifications, KPI counters, exports, conversations) post to connections', () => {
    const posting = Object.entries(dev.findResources('AWS::IAM::Policy'))
      .filter(([, p]) => JSON.stringify(p.Properties.PolicyDocument).includes('execute-api:ManageConnections'))
      .map(([id]) => id.replace(/ServiceRoleDefaultPolicy.*/, ''));
    expect(posting.sort()).toEqual([
      'EventsconversationliveFunction',
      'EventsexportsFunction',
      'EventskpisFunction',
      'EventsnotificationsFunction',
      'RealtimeRoutesFunction',
    ]);
  });
});

describe('user pool access', () => {
  it('lets, of everything but the API, only the accounts consumer look up and make identities, the email-feedback consumer look one up, and the firm purge delete them, and nothing more (ADR 0017, 0036, 0039)', () => {
    const outside = Object.entries(dev.findResources('AWS::IAM::Policy'))
      .filter(([id]) => !id.startsWith('Api'))
      .flatMap(([id, p]) =>
        (p.Properties.PolicyDocument.Statement as { Action: string | string[] }[])
          .flatMap((st) => [st.Action].flat())
          .filter((a) => a.startsWith('cognito-idp:'))
          .map((a) => `${id.replace(/ServiceRoleDefaultPolicy.*/, '')} ${a}`),
      );
    expect(outside.sort()).toEqual(
      [
        ...ACCOUNTS_POOL_ACTIONS.map((a) => `EventsaccountsFunction ${a}`),
        'EventsemailfeedbackFunction cognito-idp:AdminGetUser',
        'SchedulespurgefirmsFunction cognito-idp:AdminGetUser',
        'SchedulespurgefirmsFunction cognito-idp:AdminDeleteUser',
      ].sort(),
    );
  });

  it('sends every email through a configuration set that reports bounces and complaints to the default bus, whence the email-feedback consumer hears them', () => {
    dev.hasResourceProperties('AWS::SES::EmailIdentity', { ConfigurationSetAttributes: { ConfigurationSetName: Match.anyValue() } });
    dev.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({ Enabled: true, MatchingEventTypes: ['bounce', 'complaint'], EventBridgeDestination: Match.anyValue() }),
    });
    const rules = Object.values(dev.findResources('AWS::Events::Rule')).map((r) => r.Properties);
    const feedback = rules.find((r) => r.Description?.startsWith('SES’s bounces'));
    expect(feedback?.EventBusName).toBeUndefined();
    expect(feedback?.EventPattern).toEqual({ source: ['aws.ses'], 'detail-type': ['Email Bounced', 'Email Complaint Received'] });
  });
});

describe('storage and web', () => {
  it('lets only the export and zip builders write, the analytics, firm-data, firms and documents functions read, and the firm purge delete, exports and zips, which expire', () => {
    const touching = Object.entries(dev.findResources('AWS::IAM::Policy')).flatMap(([id, p]) =>
      (p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[])
        .filter((st) => JSON.stringify(st.Resource).includes('StorageUploads'))
        .flatMap((st) => [st.Action].flat().map((a) => `${id.replace(/ServiceRoleDefaultPolicy.*/, '')} ${a}`)),
    );
    expect(touching.sort()).toEqual([
      'ApianalyticsFunction s3:GetObject',
      'ApidocumentsFunction s3:GetObject',
      'ApifirmdataFunction s3:GetObject',
      'ApifirmsFunction s3:GetObject',
      'EventsarchivesFunction s3:AbortMultipartUpload',
      'EventsarchivesFunction s3:PutObject',
      'EventsexportsFunction s3:PutObject',
      'SchedulespurgefirmsFunction s3:DeleteObject',
      'SchedulespurgefirmsFunction s3:DeleteObjectVersion',
      'SchedulespurgefirmsFunction s3:ListBucket',
      'SchedulespurgefirmsFunction s3:ListBucketVersions',
    ]);
    // The archives' only: their builder and their links reach no other export; the firm's export links reach only firms' exports.
    const uploadsResources = (functions: RegExp) =>
      Object.entries(dev.findResources('AWS::IAM::Policy'))
        .filter(([id]) => functions.test(id))
        .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as { Resource: unknown }[])
        .map((st) => JSON.stringify(st.Resource))
        .filter((resource) => resource.includes('StorageUploads'));
    for (const resource of uploadsResources(/^(Apidocuments|Eventsarchives)Function/)) expect(resource).toMatch(/\/(exports\/zips|exports\/firms|closing)\/\*/);
    expect(uploadsResources(/^ApifirmdataFunction/)).toEqual([expect.stringContaining('/exports/firms/*')]);
    // A deleted firm's export: offered to the operators, kept until the purge, which alone deletes (listing only its prefix).
    expect(uploadsResources(/^ApifirmsFunction/)).toEqual([expect.stringContaining('/closing/*')]);
    const purge = uploadsResources(/^SchedulespurgefirmsFunction/);
    expect(purge).toHaveLength(2);
    expect(purge.filter((r) => r.includes('/closing/*'))).toHaveLength(1);
    const purgeListing = Object.entries(dev.findResources('AWS::IAM::Policy'))
      .filter(([id]) => id.startsWith('SchedulespurgefirmsFunction'))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as { Action: unknown; Condition?: unknown }[])
      .filter((st) => JSON.stringify(st.Action).includes('s3:List'));
    expect(purgeListing.map((st) => st.Condition)).toEqual([{ StringLike: { 's3:prefix': ['t/*'] } }, { StringLike: { 's3:prefix': ['closing/*'] } }]);
    dev.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([Match.objectLike({ Prefix: 'exports/', ExpirationInDays: 1 }), Match.objectLike({ Prefix: 'closing/', ExpirationInDays: 35 })]),
      },
    });
  });

  it('keeps every bucket private, encrypted and TLS-only', () => {
    const buckets = dev.findResources('AWS::S3::Bucket');
    for (const b of Object.values(buckets)) {
      expect(b.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(b.Properties.BucketEncryption).toBeDefined();
    }
    const tlsOnly = Object.values(dev.findResources('AWS::S3::BucketPolicy')).filter((p) =>
      p.Properties.PolicyDocument.Statement.some(
        (s: { Condition?: { Bool?: Record<string, string> } }) => s.Condition?.Bool?.['aws:SecureTransport'] === 'false',
      ),
    );
    expect(tlsOnly.length).toBe(Object.keys(buckets).length);
  });

  it('serves the API on the site origin with the strict CSP, HSTS and a rate-limiting WAF', () => {
    dev.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: Match.arrayWith([Match.objectLike({ PathPattern: '/api/*', ViewerProtocolPolicy: 'https-only' })]),
      }),
    });
    dev.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          // The strict CSP, reaching beyond the site only to the documents bucket (uploads: ADR 0029).
          ContentSecurityPolicy: {
            ContentSecurityPolicy: {
              'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp("connect-src 'self' https://service-portal-dev-documents-")])],
            },
            Override: true,
          },
          StrictTransportSecurity: Match.objectLike({ IncludeSubdomains: true, Preload: true }),
        }),
      }),
    });
    dev.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      Rules: Match.arrayWith([Match.objectLike({ Statement: { RateBasedStatement: { Limit: 2000, AggregateKeyType: 'IP' } } })]),
    });
  });

  it('alarms on function errors and throttles', () => {
    expect(Object.keys(dev.findResources('AWS::CloudWatch::Alarm')).length).toBeGreaterThanOrEqual(5);
  });
});

describe('seeing what production does (issue 19)', () => {
  const alarms = () => Object.values(dev.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);

  it('sends every alarm to the one topic, with the runbook section that says what to do, which the runbook has', () => {
    const runbook = readFileSync(new URL('../../docs/runbook.md', import.meta.url), 'utf8');
    const sections = new Set([...runbook.matchAll(/^## ([a-z-]+)$/gm)].map((m) => m[1]!));
    const linked = new Set<string>();
    for (const alarm of alarms()) {
      expect(alarm.AlarmActions).toHaveLength(1);
      const [, section] = /^What it means and what to do: docs\/runbook\.md#([a-z-]+)$/.exec(alarm.AlarmDescription) ?? [];
      expect(sections, alarm.AlarmDescription).toContain(section);
      linked.add(section!);
    }
    expect([...sections].filter((s) => !linked.has(s))).toEqual([]);
    // API errors and latency, the table, email reputation: each alarmed.
    for (const metric of ['5xx', 'Latency', 'Reputation.BounceRate', 'Reputation.ComplaintRate'])
      expect(alarms().some((a) => a.MetricName === metric)).toBe(true);
  });

  it('links the deployed commit’s runbook when the workflow names it, and mails and relays alarms as the stage says', () => {
    const { stack } = buildApp(
      new App({
        context: {
          stage: 'dev',
          alarmEmail: 'ops@example.com',
          alarmWebhookUrl: 'https://chat.example.com/hooks/alarms',
          runbookUrl: 'https://github.com/acme/portal/blob/abc/docs/runbook.md',
        },
      }),
    );
    const root = Template.fromStack(stack);
    root.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com' });
    root.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'https', Endpoint: 'https://chat.example.com/hooks/alarms' });
    root.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmDescription: 'What it means and what to do: https://github.com/acme/portal/blob/abc/docs/runbook.md#table-throttles',
    });
    expect(() => buildApp(new App({ context: { stage: 'dev', alarmWebhookUrl: 'http://chat.example.com' } }))).toThrow(/alarmWebhookUrl/);
  });

  it('shows the stage on one dashboard: the API, each stack’s functions, the table, dead letters, email and live connections', () => {
    const dashboards = Object.values(dev.findResources('AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0]!.Properties.DashboardBody);
    for (const title of ['API latency (ms)', 'API answers', 'Table: consumed capacity', 'Dead-letter queues', 'Email', 'Live connections'])
      expect(body).toContain(title);
    for (const name of [...Object.keys(API_STACKS), 'Events', 'Realtime', 'Schedules']) {
      expect(body).toContain(`${name}: duration p99 (ms), errors`);
      expect(body).toContain(`${name}: cold starts`);
    }
    for (const metric of ['ConsumedReadCapacityUnits', 'ApproximateNumberOfMessagesVisible', 'Bounce', 'ConnectCount', 'initDurationMs'])
      expect(body).toContain(metric);
  });

  it('traces every function with X-Ray, and measures the API per route', () => {
    for (const fn of Object.values(dev.findResources('AWS::Lambda::Function')).filter((f) => f.Metadata?.[FUNCTION_NAME_METADATA]))
      expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
    dev.hasResourceProperties('AWS::ApiGatewayV2::Stage', { StageName: '$default', DefaultRouteSettings: Match.objectLike({ DetailedMetricsEnabled: true }) });
  });
});

describe('cdk-nag (AwsSolutions)', () => {
  it('passes the portal stack with every suppression reasoned', () => {
    const { app } = buildApp(new App({ context: { stage: 'prod' } }));
    expect(() => app.synth()).not.toThrow();
  });

  it('is really checking: an unencrypted, non-TLS bucket fails synthesis', () => {
    const { app } = buildApp(new App({ context: { stage: 'dev' } }));
    new Bucket(new Stack(app, 'Careless', { env: { region: 'us-east-1' } }), 'Loose');
    expect(() => app.synth()).toThrow();
  });

  it('refuses an unknown stage', () => {
    expect(() => buildApp(new App({ context: { stage: 'staging' } }))).toThrow(/Invalid CDK context: stage/);
  });
});
