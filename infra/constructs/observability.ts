import { Duration } from 'aws-cdk-lib';
import type { HttpApi, WebSocketApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  LogQueryWidget,
  Metric,
  TextWidget,
  TreatMissingData,
  type IMetric,
  type IWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation, type TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Alias } from 'aws-cdk-lib/aws-kms';
import type { CfnFunction, Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription, UrlSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { StageConfig } from '../stage.ts';
import { FUNCTION_NAME_METADATA } from './lambda.ts';

const PERIOD = Duration.minutes(5);

/** What each alarm means is a section of docs/runbook.md; the alarm names it (a test holds the two together). */
export const RUNBOOK_SECTIONS = {
  functionErrors: 'function-errors',
  functionThrottles: 'function-throttles',
  deadLetters: 'dead-letter-queue',
  tableThrottles: 'table-throttles',
  apiErrors: 'api-server-errors',
  apiLatency: 'api-latency',
  bounces: 'email-bounces',
  complaints: 'email-complaints',
} as const;
type RunbookSection = keyof typeof RUNBOOK_SECTIONS;

/** A nested stack's functions, shown together on the dashboard. */
export interface WatchedStack {
  name: string;
  functions: readonly LambdaFunction[];
}

const nameOf = (fn: LambdaFunction) => String((fn.node.defaultChild as CfnFunction).getMetadata(FUNCTION_NAME_METADATA) ?? fn.node.id);

/**
 * Alarms sent to one topic (email, and a chat webhook if the stage names one), each with the
 * runbook section that says what it means and what to do: table throttling and the API's
 * errors and latency here; two per function (errors, throttles) and one per dead-letter queue,
 * each made beside what it watches so it lives in that stack. And one dashboard of the stage.
 */
export class Observability extends Construct {
  readonly alarmTopic: Topic;
  private readonly runbook: string;

  constructor(scope: Construct, id: string, props: { stage: StageConfig; table: TableV2 }) {
    super(scope, id);
    this.runbook = props.stage.runbookUrl ?? 'docs/runbook.md';
    this.alarmTopic = new Topic(this, 'Alarms', { enforceSSL: true, masterKey: Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns') });
    if (props.stage.alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(props.stage.alarmEmail));
    if (props.stage.alarmWebhookUrl) this.alarmTopic.addSubscription(new UrlSubscription(props.stage.alarmWebhookUrl));
    this.alarm(this, 'TableThrottles', 'tableThrottles', tableThrottles(props.table), 1);
    // SES's account reputation: sending is paused by AWS near 10% bounces or 0.5% complaints, so warn well before.
    this.alarm(
      this,
      'BounceRate',
      'bounces',
      new Metric({ namespace: 'AWS/SES', metricName: 'Reputation.BounceRate', statistic: 'Maximum', period: PERIOD }),
      0.05,
    );
    this.alarm(
      this,
      'ComplaintRate',
      'complaints',
      new Metric({ namespace: 'AWS/SES', metricName: 'Reputation.ComplaintRate', statistic: 'Maximum', period: PERIOD }),
      0.001,
    );
  }

  watchApi(api: HttpApi): void {
    this.alarm(api, 'ServerErrors', 'apiErrors', api.metricServerError({ period: PERIOD, statistic: 'Sum' }), 10);
    this.alarm(api, 'Latency', 'apiLatency', api.metricLatency({ period: PERIOD, statistic: 'p99' }), 3000, 3);
  }

  watchFunctions(functions: Iterable<LambdaFunction>): void {
    for (const fn of functions) {
      this.alarm(fn, 'Errors', 'functionErrors', fn.metricErrors({ period: PERIOD }), 5);
      this.alarm(fn, 'Throttles', 'functionThrottles', fn.metricThrottles({ period: PERIOD }), 1);
    }
  }

  /** Anything in a dead-letter queue is an event that reached nobody: someone must look. */
  watchDeadLetterQueues(queues: Iterable<Queue>): void {
    for (const queue of queues) this.alarm(queue, 'Depth', 'deadLetters', queue.metricApproximateNumberOfMessagesVisible({ period: PERIOD }), 1);
  }

  /**
   * The stage on one page: the API (latency p50/p99, errors, calls per route), each stack's
   * functions (duration p99, errors, cold starts), the table (capacity, throttles), dead
   * letters, email (sent, bounced, complaints) and live connections.
   */
  showDashboard(parts: {
    name: string;
    api: HttpApi;
    webSocket: WebSocketApi;
    table: TableV2;
    stacks: readonly WatchedStack[];
    queues: readonly Queue[];
  }): Dashboard {
    const { api, webSocket, table } = parts;
    const graph = (title: string, left: IMetric[], right: IMetric[] = []) => new GraphWidget({ title, left, right, width: 12, height: 6 });
    const email = (metricName: string) => new Metric({ namespace: 'AWS/SES', metricName, statistic: 'Sum', period: PERIOD, label: metricName });
    const sockets = (metricName: string) =>
      new Metric({ namespace: 'AWS/ApiGateway', metricName, dimensionsMap: { ApiId: webSocket.apiId }, statistic: 'Sum', period: PERIOD, label: metricName });
    const widgets: IWidget[][] = [
      [new TextWidget({ markdown: `# ${parts.name}\nWhat each alarm means and what to do: [the runbook](${this.runbook})`, width: 24, height: 2 })],
      [
        graph('API latency (ms)', [api.metricLatency({ statistic: 'p50', label: 'p50' }), api.metricLatency({ statistic: 'p99', label: 'p99' })]),
        graph('API answers', [api.metricCount({ label: 'calls' })], [api.metricClientError({ label: '4xx' }), api.metricServerError({ label: '5xx' })]),
      ],
      ...parts.stacks.map((stack) => [
        graph(
          `${stack.name}: duration p99 (ms), errors`,
          stack.functions.map((fn) => fn.metricDuration({ statistic: 'p99', label: nameOf(fn) })),
          stack.functions.map((fn) => fn.metricErrors({ label: `${nameOf(fn)} errors` })),
        ),
        // The functions log as JSON, so Lambda's report of each invocation is `platform.report`; a cold one has its init time.
        new LogQueryWidget({
          title: `${stack.name}: cold starts`,
          logGroupNames: stack.functions.map((fn) => fn.logGroup.logGroupName),
          queryLines: [
            'filter type = "platform.report"',
            'stats count(record.metrics.initDurationMs) as coldStarts, avg(record.metrics.initDurationMs) as initMs by bin(5m)',
          ],
          width: 12,
          height: 6,
        }),
      ]),
      [
        graph(
          'Table: consumed capacity',
          [
            table.metricConsumedReadCapacityUnits({ label: 'read', statistic: 'Sum' }),
            table.metricConsumedWriteCapacityUnits({ label: 'write', statistic: 'Sum' }),
          ],
          [tableThrottles(table)],
        ),
        graph(
          'Dead-letter queues (anything here needs someone)',
          parts.queues.map((q) => q.metricApproximateNumberOfMessagesVisible({ label: q.node.scope?.node.id ?? q.node.id })),
        ),
      ],
      [
        graph('Email', [email('Send'), email('Delivery')], [email('Bounce'), email('Complaint')]),
        graph('Live connections', [sockets('ConnectCount'), sockets('MessageCount')]),
      ],
    ];
    const dashboard = new Dashboard(this, 'Dashboard', { dashboardName: parts.name, defaultInterval: Duration.hours(6) });
    for (const row of widgets) dashboard.addWidgets(...row);
    return dashboard;
  }

  private alarm(scope: Construct, id: string, section: RunbookSection, metric: IMetric, threshold: number, evaluationPeriods = 1): void {
    new Alarm(scope, id, {
      metric,
      threshold,
      evaluationPeriods,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: `What it means and what to do: ${this.runbook}#${RUNBOOK_SECTIONS[section]}`,
    }).addAlarmAction(new SnsAction(this.alarmTopic));
  }
}

/** Throttled requests of the operations the handlers use (CloudWatch math takes at most 10 metrics). */
function tableThrottles(table: TableV2): IMetric {
  const operations = [
    Operation.GET_ITEM,
    Operation.PUT_ITEM,
    Operation.UPDATE_ITEM,
    Operation.DELETE_ITEM,
    Operation.QUERY,
    Operation.BATCH_GET_ITEM,
    Operation.TRANSACT_WRITE_ITEMS,
  ];
  return table.metricThrottledRequestsForOperations({ operations, period: PERIOD });
}
