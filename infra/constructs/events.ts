import { Duration } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction as LambdaTarget } from 'aws-cdk-lib/aws-events-targets';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { ConfigurationSet, EmailIdentity, EmailSendingEvent, EventDestination, Identity } from 'aws-cdk-lib/aws-ses';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { CONSUMERS, OUTBOX_STREAM_FILTER, RULES, consumerFailures, type Consumer } from '../../shared/events/rules.ts';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { StageConfig } from '../stage.ts';
import { portalFunction } from './lambda.ts';
import type { Auth } from './auth.ts';
import type { Realtime } from './realtime.ts';
import { acknowledge, arnRef } from './nag.ts';
import { CLOSING_PREFIX } from '../../shared/domain/platform/deletion.ts';

/** Where the archives consumer writes: folder zips, firms' exports, and deleted firms' kept until their purge (ADR 0039). */
const ARCHIVE_PREFIXES = ['exports/zips/*', 'exports/firms/*', `${CLOSING_PREFIX}*`];

/** What the accounts consumer may do in the user pool: find an address's identity, and make a client's. */
export const ACCOUNTS_POOL_ACTIONS = ['cognito-idp:AdminGetUser', 'cognito-idp:AdminCreateUser', 'cognito-idp:AdminAddUserToGroup'];

/**
 * Outbox → stream router → EventBridge bus → one rule per shared/events/rules.ts entry →
 * consumers. Every hop retries and ends in a dead-letter queue; consumers are idempotent.
 */
export class Events extends Construct {
  readonly bus: EventBus;
  /** The verified sender address; whoever sends email is granted it. */
  readonly sender: EmailIdentity;
  /** By name, as shared/events/rules.ts DEAD_LETTER_QUEUES names them. */
  readonly deadLetterQueues = new Map<string, Queue>();
  readonly functions: LambdaFunction[] = [];

  constructor(
    scope: Construct,
    id: string,
    props: { stage: StageConfig; table: TableV2; publicUrl: string; realtime: Realtime; uploads: IBucket; documents: IBucket; auth: Auth },
  ) {
    super(scope, id);
    const { stage, table } = props;
    this.bus = new EventBus(this, 'Bus');

    const router = portalFunction(this, 'StreamRouterFunction', {
      name: 'events/stream-router',
      stage,
      environment: { TABLE_NAME: table.tableName, EVENT_BUS_NAME: this.bus.eventBusName, POWERTOOLS_SERVICE_NAME: 'stream-router' },
    });
    this.bus.grantPutEventsTo(router);
    router.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 50,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 5,
        onFailure: new SqsDlq(this.deadLetterQueue('stream-router', 'StreamRouterDlq')),
        // Only new outbox items wake the router.
        filters: [FilterCriteria.filter(OUTBOX_STREAM_FILTER)],
      }),
    );
    this.functions.push(router);

    // Every email goes out through this configuration set: SES reports bounces and complaints to the account's default bus (ADR 0036).
    const feedback = new ConfigurationSet(this, 'MailFeedback');
    feedback.addEventDestination('Bus', {
      destination: EventDestination.eventBus(EventBus.fromEventBusName(this, 'DefaultBus', 'default')),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
    const sender = (this.sender = new EmailIdentity(this, 'MailFrom', { identity: Identity.email(stage.mailFrom), configurationSet: feedback }));
    const consumers = new Map<Consumer, LambdaFunction>();
    for (const consumer of CONSUMERS) {
      const fn = portalFunction(this, `${consumer}Function`, {
        name: `events/${consumer}`,
        stage,
        // An archive (a folder's zip up to 2 GB, a firm's export) takes minutes; it holds one file and one 8 MB part at a time, and a firm's records.
        ...(consumer === 'archives' ? { timeout: Duration.minutes(15), memorySize: 2048 } : { timeout: Duration.seconds(30) }),
        environment: { TABLE_NAME: table.tableName, PUBLIC_URL: props.publicUrl, MAIL_FROM: stage.mailFrom, POWERTOOLS_SERVICE_NAME: consumer },
      });
      table.grantReadWriteData(fn);
      if (consumer === 'notifier' || consumer === 'booking-emails' || consumer === 'notifications') sender.grantSendEmail(fn);
      // Sign-ups and resets asked for an address: it looks the address up and makes sign-up identities (ADR 0017).
      // SES's feedback names an address: it looks up whose sign-in address it is (ADR 0036).
      if (consumer === 'accounts' || consumer === 'email-feedback')
        props.auth.administerFrom(fn, ...(consumer === 'accounts' ? ACCOUNTS_POOL_ACTIONS : ['cognito-idp:AdminGetUser']));
      if (consumer === 'notifications' || consumer === 'kpis' || consumer === 'exports' || consumer === 'conversation-live') props.realtime.grantPush(fn);
      if (consumer === 'document-scans') {
        fn.addEnvironment('DOCUMENTS_BUCKET', props.documents.bucketName);
        fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [props.documents.arnForObjects('*')] }));
        acknowledge(
          fn,
          'IAM5',
          'Reads the first bytes of documents; the bucket policy refuses any object not scanned clean.',
          `Resource::${arnRef(props.documents, fn)}/*`,
        );
      }
      // Zips of a folder, and firms' whole exports (ADR 0038): read firms' documents, write the archive in parts.
      if (consumer === 'archives') {
        fn.addEnvironment('DOCUMENTS_BUCKET', props.documents.bucketName);
        fn.addEnvironment('UPLOADS_BUCKET', props.uploads.bucketName);
        fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [props.documents.arnForObjects('t/*')] }));
        const archives = ARCHIVE_PREFIXES.map((prefix) => props.uploads.arnForObjects(prefix));
        fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject', 's3:AbortMultipartUpload'], resources: archives }));
        acknowledge(
          fn,
          'IAM5',
          'Reads firms’ documents (keys under t/); the bucket policy refuses any not scanned clean.',
          `Resource::${arnRef(props.documents, fn)}/t/*`,
        );
        for (const prefix of ARCHIVE_PREFIXES)
          acknowledge(
            fn,
            'IAM5',
            'Writes only archives, under exports/zips/, exports/firms/ and closing/ of the uploads bucket.',
            `Resource::${arnRef(props.uploads, fn)}/${prefix}`,
          );
      }
      if (consumer === 'exports') {
        fn.addEnvironment('UPLOADS_BUCKET', props.uploads.bucketName);
        fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: [props.uploads.arnForObjects('exports/*')] }));
        acknowledge(fn, 'IAM5', 'Writes only objects under the exports/ prefix of the uploads bucket.', `Resource::${arnRef(props.uploads, fn)}/exports/*`);
      }
      acknowledge(fn, 'IAM5', 'Consumers read the table’s GSIs, so grants cover `index/*` of this one table.', `Resource::${arnRef(table, fn)}/index/*`);
      // The bus invokes asynchronously: an event the consumer fails on is retried by Lambda, then kept here.
      fn.configureAsyncInvoke({
        retryAttempts: 2,
        maxEventAge: Duration.hours(6),
        onFailure: new SqsDestination(this.deadLetterQueue(consumerFailures(consumer), `${consumer}FailuresDlq`)),
      });
      consumers.set(consumer, fn);
      this.functions.push(fn);
    }

    for (const rule of RULES) {
      new Rule(this, `Rule-${rule.name}`, {
        // Without a bus: the account's default one, where AWS services put their events.
        ...(rule.bus !== 'default' && { eventBus: this.bus }),
        description: rule.description,
        eventPattern: rule.pattern as Record<string, string[]>,
        targets: [
          new LambdaTarget(consumers.get(rule.consumer)!, {
            deadLetterQueue: this.deadLetterQueue(rule.name, `${rule.name}Dlq`),
            retryAttempts: 8,
            maxEventAge: Duration.hours(6),
          }),
        ],
      });
    }
  }

  private deadLetterQueue(name: string, id: string): Queue {
    const queue = new Queue(this, id, { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    acknowledge(queue, 'SQS3', 'This queue is itself a dead-letter queue; its depth is alarmed.');
    this.deadLetterQueues.set(name, queue);
    return queue;
  }
}
