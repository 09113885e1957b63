import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation, type TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Alias } from 'aws-cdk-lib/aws-kms';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { StageConfig } from '../stage.ts';

const PERIOD = Duration.minutes(5);

/**
 * Alarms sent to one topic: table throttling here; two per function (errors, throttles) and
 * one per dead-letter queue, each made beside what it watches so it lives in that stack. None
 * is made per route.
 */
export class Observability extends Construct {
  readonly alarmTopic: Topic;

  constructor(scope: Construct, id: string, props: { stage: StageConfig; table: TableV2 }) {
    super(scope, id);
    this.alarmTopic = new Topic(this, 'Alarms', { enforceSSL: true, masterKey: Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns') });
    if (props.stage.alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(props.stage.alarmEmail));
    // CloudWatch math takes at most 10 metrics: the operations the handlers use.
    const operations = [
      Operation.GET_ITEM,
      Operation.PUT_ITEM,
      Operation.UPDATE_ITEM,
      Operation.DELETE_ITEM,
      Operation.QUERY,
      Operation.BATCH_GET_ITEM,
      Operation.TRANSACT_WRITE_ITEMS,
    ];
    this.alarm(this, 'TableThrottles', props.table.metricThrottledRequestsForOperations({ operations, period: PERIOD }), 1);
  }

  watchFunctions(functions: Iterable<LambdaFunction>): void {
    for (const fn of functions) {
      this.alarm(fn, 'Errors', fn.metricErrors({ period: PERIOD }), 5);
      this.alarm(fn, 'Throttles', fn.metricThrottles({ period: PERIOD }), 1);
    }
  }

  /** Anything in a dead-letter queue is an event that reached nobody: someone must look. */
  watchDeadLetterQueues(queues: Iterable<Queue>): void {
    for (const queue of queues) this.alarm(queue, 'Depth', queue.metricApproximateNumberOfMessagesVisible({ period: PERIOD }), 1);
  }

  private alarm(scope: Construct, id: string, metric: IMetric, threshold: number): void {
    new Alarm(scope, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(new SnsAction(this.alarmTopic));
  }
}
