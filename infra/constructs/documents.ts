import { Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import { CfnMalwareProtectionPlan } from 'aws-cdk-lib/aws-guardduty';
import { AnyPrincipal, Effect, PolicyStatement, Role, ServicePrincipal, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, StorageClass, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct, type IConstruct } from 'constructs';
import { CLEAN, SCAN_TAG } from '../../shared/domain/documents/scans.ts';
import { RETENTION_TAG, RETENTION_YEARS } from '../../shared/domain/documents/retention.ts';
import type { StageConfig } from '../stage.ts';
import { acknowledge, arnRef } from './nag.ts';

/** A removed file's lifetime: whole years (a leap day more every four). */
export const retentionOf = (years: number) => Duration.days(years * 365 + Math.ceil(years / 4));
/** The retentions below the longest, each with its lifecycle rule. */
export const SHORTER_RETENTIONS = Array.from({ length: RETENTION_YEARS.max - RETENTION_YEARS.min }, (_, i) => RETENTION_YEARS.min + i);

/**
 * The documents bucket's name: set, not generated, so that the site's CSP can name it without
 * depending on the bucket (whose CORS rule names the site).
 */
export const documentsBucketName = (scope: Construct, stage: StageConfig) => `service-portal-${stage.stage}-documents-${Stack.of(scope).account}`;

/** Where browsers send documents: the bucket's endpoints (regional, and the global one of us-east-1). */
export const documentsOrigins = (scope: Construct, stage: StageConfig) => {
  const name = documentsBucketName(scope, stage);
  return [`https://${name}.s3.${Stack.of(scope).region}.amazonaws.com`, `https://${name}.s3.amazonaws.com`];
};

/** The rule GuardDuty manages to hear of the bucket's new objects (its name is GuardDuty's). */
const GUARDDUTY_RULE_PREFIX = 'DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*';

/**
 * Customers' documents (ADR 0029): a private, versioned, encrypted, TLS-only bucket whose every
 * new object GuardDuty Malware Protection scans and tags. The bucket policy refuses any read of
 * an object whose scan tag is not NO_THREATS_FOUND, to everyone but GuardDuty's own role, so a
 * presigned link to an unscanned or infected file fails even if our code issued one.
 */
export class Documents extends Construct {
  readonly bucket: Bucket;
  readonly scannerRole: Role;
  readonly plan: CfnMalwareProtectionPlan;

  constructor(scope: Construct, id: string, props: { stage: StageConfig; logs: IBucket; publicUrl: string }) {
    super(scope, id);
    const { stage } = props;
    this.bucket = new Bucket(this, 'Bucket', {
      bucketName: documentsBucketName(this, stage),
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: props.logs,
      serverAccessLogsPrefix: 'documents/',
      // The portal's pages send files straight here (presigned POST).
      // POST: a whole file's form; PUT: a part, whose ETag the page reads to know it arrived.
      cors: [
        {
          allowedMethods: [HttpMethods.POST, HttpMethods.PUT],
          allowedOrigins: [props.publicUrl],
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag'],
          maxAge: 3600,
        },
      ],
      lifecycleRules: [
        {
          abortIncompleteMultipartUploadAfter: Duration.days(1),
          // Removed files: infrequent access after a month, gone after the longest retention a firm may choose.
          noncurrentVersionTransitions: [{ storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) }],
          noncurrentVersionExpiration: retentionOf(RETENTION_YEARS.max),
          expiredObjectDeleteMarker: true,
        },
        // A file tagged with a shorter retention (its firm's when uploaded) goes after that: S3 applies the earliest expiry of the rules that match.
        ...SHORTER_RETENTIONS.map((years) => ({
          id: `RemovedFilesAfter${years}Years`,
          tagFilters: { [RETENTION_TAG]: String(years) },
          noncurrentVersionExpiration: retentionOf(years),
        })),
      ],
      ...(stage.isProd ? { removalPolicy: RemovalPolicy.RETAIN } : { removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true }),
    });

    const { region, account } = Stack.of(this);
    this.scannerRole = new Role(this, 'MalwareProtectionRole', {
      assumedBy: new ServicePrincipal('malware-protection-plan.guardduty.amazonaws.com'),
      description: "GuardDuty Malware Protection for S3: scans and tags the documents bucket's new objects",
    });
    const ruleArn = `arn:${Stack.of(this).partition}:events:${region}:${account}:rule/${GUARDDUTY_RULE_PREFIX}`;
    this.scannerRole.addToPolicy(
      new PolicyStatement({
        actions: ['events:PutRule', 'events:DeleteRule', 'events:PutTargets', 'events:RemoveTargets'],
        resources: [ruleArn],
        conditions: { StringLike: { 'events:ManagedBy': 'malware-protection-plan.guardduty.amazonaws.com' } },
      }),
    );
    this.scannerRole.addToPolicy(new PolicyStatement({ actions: ['events:DescribeRule', 'events:ListTargetsByRule'], resources: [ruleArn] }));
    this.scannerRole.addToPolicy(
      new PolicyStatement({
        actions: ['s3:PutBucketNotification', 's3:GetBucketNotification', 's3:GetBucketNotificationConfiguration', 's3:ListBucket'],
        resources: [this.bucket.bucketArn],
      }),
    );
    this.scannerRole.addToPolicy(
      new PolicyStatement({
        actions: [
          's3:GetObject',
          's3:GetObjectVersion',
          's3:GetObjectTagging',
          's3:GetObjectVersionTagging',
          's3:PutObjectTagging',
          's3:PutObjectVersionTagging',
        ],
        resources: [this.bucket.arnForObjects('*')],
      }),
    );
    // cdk-nag names the rule's ARN with CloudFormation's pseudo parameters where they are not known at synth.
    const named = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value);
    acknowledge(
      this.scannerRole,
      'IAM5',
      'GuardDuty manages its own rule, named by its documented prefix.',
      `Resource::arn:<AWS::Partition>:events:${named(region, 'Region')}:${named(account, 'AccountId')}:rule/${GUARDDUTY_RULE_PREFIX}`,
    );
    acknowledge(this.scannerRole, 'IAM5', 'GuardDuty scans and tags every object of this one bucket.', `Resource::${arnRef(this.bucket, this.scannerRole)}/*`);

    // Nobody but GuardDuty writes the scan's verdict tag: a signed upload or a tagging call carrying it is refused.
    this.bucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'OnlyTheScanTagsItsVerdict',
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        actions: ['s3:PutObject', 's3:PutObjectTagging', 's3:PutObjectVersionTagging'],
        resources: [this.bucket.arnForObjects('*')],
        conditions: {
          'ForAnyValue:StringEquals': { 's3:RequestObjectTagKeys': [SCAN_TAG] },
          StringNotEquals: { 'aws:PrincipalArn': this.scannerRole.roleArn },
        },
      }),
    );
    // Nobody but GuardDuty reads an object before its scan has tagged it clean.
    this.bucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'OnlyScannedCleanObjectsAreRead',
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [this.bucket.arnForObjects('*')],
        conditions: {
          StringNotEquals: { [`s3:ExistingObjectTag/${SCAN_TAG}`]: CLEAN, 'aws:PrincipalArn': this.scannerRole.roleArn },
        },
      }),
    );

    this.plan = new CfnMalwareProtectionPlan(this, 'MalwareProtectionPlan', {
      role: this.scannerRole.roleArn,
      protectedResource: { s3Bucket: { bucketName: this.bucket.bucketName } },
      actions: { tagging: { status: 'ENABLED' } },
    });
    this.plan.node.addDependency(this.scannerRole);
  }

  /**
   * Lets `fn` tell whether a file arrived (its tags: readable before the scan, unlike the file)
   * and ask GuardDuty to scan it again on demand, which GuardDuty does with the plan's own role.
   */
  grantRescans(fn: IGrantable & IConstruct): void {
    fn.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:GetObjectTagging'], resources: [this.bucket.arnForObjects('t/*')] }));
    fn.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: ['guardduty:SendObjectMalwareScan'], resources: ['*'] }));
    acknowledge(fn, 'IAM5', 'Reads the tags of firms’ documents only (keys under t/).', `Resource::${arnRef(this.bucket, fn)}/t/*`);
    acknowledge(fn, 'IAM5', 'SendObjectMalwareScan has no resource to scope it to; GuardDuty scans only buckets under a protection plan.', 'Resource::*');
  }
}
