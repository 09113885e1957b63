import { Duration, Stack, TimeZone } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { EmailIdentity } from 'aws-cdk-lib/aws-ses';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { SCHEDULES } from '../../shared/schedules.ts';
import { CLOSING_PREFIX } from '../../shared/domain/platform/deletion.ts';
import type { StageConfig } from '../stage.ts';
import type { Auth } from './auth.ts';
import type { Documents } from './documents.ts';
import { portalFunction } from './lambda.ts';
import { acknowledge, arnRef } from './nag.ts';

/**
 * One job Lambda per shared/schedules.ts entry and, for those with an expression, one EventBridge Scheduler schedule invoking it
 * with `{ job, scheduledAt }`. Failed invocations retry, then land in one dead-letter queue.
 */
export class Schedules extends Construct {
  readonly functions: LambdaFunction[] = [];
  readonly deadLetterQueue: Queue;
  private readonly byName = new Map<string, LambdaFunction>();

  constructor(scope: Construct, id: string, props: { stage: StageConfig; table: TableV2; publicUrl: string; sender: EmailIdentity }) {
    super(scope, id);
    const { stage, table } = props;
    this.deadLetterQueue = new Queue(this, 'JobsDlq', { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    acknowledge(this.deadLetterQueue, 'SQS3', 'This queue is itself a dead-letter queue; its depth is alarmed.');

    for (const job of SCHEDULES) {
      const fn = portalFunction(this, `${job.name}Function`, {
        name: `jobs/${job.name}`,
        stage,
        timeout: Duration.minutes(5),
        environment: {
          TABLE_NAME: table.tableName,
          POWERTOOLS_SERVICE_NAME: job.name,
          ...('sendsEmail' in job && { PUBLIC_URL: props.publicUrl, MAIL_FROM: stage.mailFrom }),
        },
      });
      table.grantReadWriteData(fn);
      if ('sendsEmail' in job) props.sender.grantSendEmail(fn);
      acknowledge(fn, 'IAM5', 'Jobs query the table’s GSIs, so grants cover `index/*` of this one table.', `Resource::${arnRef(table, fn)}/index/*`);
      this.functions.push(fn);
      this.byName.set(job.name, fn);
      // A job without an expression is run by hand (a migration: ADR 0023).
      if (!('expression' in job)) continue;
      new Schedule(this, `${job.name}Schedule`, {
        description: job.description,
        schedule: ScheduleExpression.expression(job.expression, TimeZone.ETC_UTC),
        target: new LambdaInvoke(fn, {
          input: ScheduleTargetInput.fromObject({ job: job.name, scheduledAt: ContextAttribute.scheduledTime }),
          deadLetterQueue: this.deadLetterQueue,
          retryAttempts: 3,
          maxEventAge: Duration.hours(1),
        }),
      });
      // The Scheduler role's grant is CDK's standard one: the function and its versions.
      acknowledge(Stack.of(this), 'IAM5', 'The Scheduler role may invoke exactly this job function (`:*` covers its versions).', `Resource::${arnRef(fn)}:*`);
    }
  }

  /** The usage job (ADR 0035): lists firms' document keys (never reads them) to measure what each holds. */
  measureStorageIn(documents: Documents): void {
    const fn = this.byName.get('measure-usage')!;
    fn.addEnvironment('DOCUMENTS_BUCKET', documents.bucket.bucketName);
    fn.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:ListBucket'], resources: [documents.bucket.bucketArn], conditions: { StringLike: { 's3:prefix': ['t/*'] } } }),
    );
  }

  /**
   * The purge of deleted firms (ADR 0039): every version of their files (documents bucket, under
   * t/) and their closing exports (uploads bucket, under closing/), and their people's identities.
   */
  purgeFirmsIn(documents: Documents, uploads: IBucket, auth: Auth): void {
    const fn = this.byName.get('purge-firms')!;
    fn.addEnvironment('DOCUMENTS_BUCKET', documents.bucket.bucketName);
    fn.addEnvironment('UPLOADS_BUCKET', uploads.bucketName);
    for (const [bucket, prefix] of [
      [documents.bucket, 't/'],
      [uploads, CLOSING_PREFIX],
    ] as const) {
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['s3:ListBucketVersions', 's3:ListBucket'],
          resources: [bucket.bucketArn],
          conditions: { StringLike: { 's3:prefix': [`${prefix}*`] } },
        }),
      );
      fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:DeleteObject', 's3:DeleteObjectVersion'], resources: [bucket.arnForObjects(`${prefix}*`)] }));
      acknowledge(fn, 'IAM5', `Purges deleted firms' objects only, under ${prefix} of its bucket.`, `Resource::${arnRef(bucket, fn)}/${prefix}*`);
    }
    auth.administerFrom(fn, 'cognito-idp:AdminGetUser', 'cognito-idp:AdminDeleteUser');
  }

  /** The rescan job (ADR 0029): sees whether files arrived and asks GuardDuty to scan them again. */
  rescanDocumentsIn(documents: Documents): void {
    const fn = this.byName.get('rescan-documents')!;
    fn.addEnvironment('DOCUMENTS_BUCKET', documents.bucket.bucketName);
    documents.grantRescans(fn);
  }
}
