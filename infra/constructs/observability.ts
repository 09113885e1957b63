import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation, type TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Alias } from 'aws-cdk-lib/aws-kms';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { StageConfig } from '../stage.ts';

/** Alarms on function errors and throttles, dead letters and table throttling, sent to one topic. */
export class Observability extends Construct {
  readonly alarmTopic: Topic;

  constructor(scope: Construct, id: string, props: { stage: StageConfig; functions: NodejsFunction[]; table: TableV2; deadLetterQueues: Queue[] }) {
    super(scope, id);
    this.alarmTopic = new Topic(this, 'Alarms', { enforceSSL: true, masterKey: Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns') });
    if (props.stage.alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(props.stage.alarmEmail));

    const alarm = (name: string, metric: IMetric, threshold: number) =>
      new Alarm(this, name, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }).addAlarmAction(new SnsAction(this.alarmTopic));

    const period = Duration.minutes(5);
    for (const fn of props.functions) {
      // Owner + function: the HTTP context `notifications` and the consumer `notifications` differ.
      const name = `${fn.node.scope?.node.id ?? ''}${fn.node.id.replace(/Function$/, '')}`;
      alarm(`${name}Errors`, fn.metricErrors({ period }), 5);
      alarm(`${name}Throttles`, fn.metricThrottles({ period }), 1);
    }
    // CloudWatch math takes at most 10 metrics: the operations the handlers use.
    const operations = [Operation.GET_ITEM, Operation.PUT_ITEM, Operation.UPDATE_ITEM, Operation.DELETE_ITEM, Operation.QUERY, Operation.BATCH_GET_ITEM, Operation.TRANSACT_WRITE_ITEMS];
    // Anything in a dead-letter queue is an event that reached nobody: someone must look.
    for (const queue of props.deadLetterQueues) alarm(`${queue.node.id}Depth`, queue.metricApproximateNumberOfMessagesVisible({ period }), 1);
    alarm('TableThrottles', props.table.metricThrottledRequestsForOperations({ operations, period }), 1);
  }
}
