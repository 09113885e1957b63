import { Duration, RemovalPolicy, Stack, TimeZone } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { Universal } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import type { StageConfig } from '../stage.ts';
import { acknowledge } from './nag.ts';

/**
 * Prod's daily backup (issue 19): DynamoDB's native export of the whole table, from point-in-time
 * recovery (no read capacity taken), into a bucket of its own that keeps each export
 * `backupRetentionDays`. EventBridge Scheduler calls the export itself: no function to run,
 * nothing the local stack could only pretend to do. Restoring is in docs/runbook.md.
 */
export class Backups extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: { stage: StageConfig; table: TableV2; logs: IBucket }) {
    super(scope, id);
    const { stage, table } = props;
    this.bucket = new Bucket(this, 'Exports', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
      serverAccessLogsBucket: props.logs,
      serverAccessLogsPrefix: 'backups/',
      lifecycleRules: [{ expiration: Duration.days(stage.backupRetentionDays), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
    });
    const exportsTo = this.bucket.arnForObjects('daily/*');
    new Schedule(this, 'Daily', {
      description: 'Exports the whole table to S3 from point-in-time recovery, once a day',
      schedule: ScheduleExpression.expression('cron(0 3 * * ? *)', TimeZone.ETC_UTC),
      target: new Universal({
        service: 'dynamodb',
        action: 'exportTableToPointInTime',
        input: ScheduleTargetInput.fromObject({ TableArn: table.tableArn, S3Bucket: this.bucket.bucketName, S3Prefix: 'daily', ExportFormat: 'DYNAMODB_JSON' }),
        policyStatements: [
          new PolicyStatement({ actions: ['dynamodb:ExportTableToPointInTime'], resources: [table.tableArn] }),
          new PolicyStatement({ actions: ['s3:PutObject', 's3:AbortMultipartUpload', 's3:PutObjectAcl'], resources: [exportsTo] }),
        ],
        retryAttempts: 3,
      }),
    });
    acknowledge(
      Stack.of(this),
      'IAM5',
      'The export writes its files under daily/ of the backup bucket only.',
      `Resource::<${Stack.of(this).getLogicalId(this.bucket.node.defaultChild as never)}.Arn>/daily/*`,
    );
  }
}
