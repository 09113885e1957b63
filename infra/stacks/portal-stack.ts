import { CfnOutput, NestedStack, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { API_LAMBDA_NAMES, API_LAMBDAS, type ApiLambda, type ApiLambdaDef } from '../../shared/api/operations.ts';
import { Api } from '../constructs/api.ts';
import { ApiGateway } from '../constructs/api-gateway.ts';
import { Auth } from '../constructs/auth.ts';
import { Data } from '../constructs/data.ts';
import { Events } from '../constructs/events.ts';
import { Observability } from '../constructs/observability.ts';
import { Backups } from '../constructs/backups.ts';
import { Realtime } from '../constructs/realtime.ts';
import { Schedules } from '../constructs/schedules.ts';
import { Storage } from '../constructs/storage.ts';
import { Documents, documentsOrigins } from '../constructs/documents.ts';
import { Web } from '../constructs/web.ts';
import type { StageConfig } from '../stage.ts';

/** The API's nested stacks, each with the Lambdas that name it (shared/api/operations.ts API_LAMBDAS). */
export const API_STACKS = Object.groupBy(API_LAMBDA_NAMES, (lambda) => API_LAMBDAS[lambda].stack) as Record<ApiLambdaDef['stack'], ApiLambda[]>;

/**
 * The whole portal for one stage. The root stack holds what keeps data or an address (table,
 * user pool, buckets, the HTTP API and the distribution) at the logical ids they always had;
 * functions, routes, rules and schedules live in nested stacks by concern, so each stays far
 * from CloudFormation's limits (ADR 0013).
 */
export class PortalStack extends Stack {
  constructor(scope: Construct, id: string, stage: StageConfig, props?: StackProps) {
    super(scope, id, props);
    const { table } = new Data(this, 'Data', stage);
    const auth = new Auth(this, 'Auth', stage);
    const storage = new Storage(this, 'Storage', stage);
    const gateway = new ApiGateway(this, 'Api', { stage, auth });
    const observability = new Observability(this, 'Observability', { stage, table });
    if (stage.isProd) new Backups(this, 'Backups', { stage, table, logs: storage.logs });

    const realtime = new Realtime(new NestedStack(this, 'RealtimeStack'), 'Realtime', { stage, table });
    const web = new Web(this, 'Web', {
      stage,
      site: storage.site,
      logs: storage.logs,
      api: gateway.httpApi,
      originSecret: gateway.originSecret,
      websocket: realtime.api,
      uploadOrigins: documentsOrigins(this, stage),
    });
    const publicUrl = `https://${web.distribution.distributionDomainName}`;

    const apis = Object.entries(API_STACKS).map(
      ([name, lambdas]) => new Api(new NestedStack(this, `${name}Stack`), 'Api', lambdas, { stage, gateway, auth, table, publicUrl }),
    );
    const apiOf = (lambda: ApiLambda) => apis.find((api) => api.functions.has(lambda))!;
    const documents = new Documents(this, 'Documents', { stage, logs: storage.logs, publicUrl });
    const events = new Events(new NestedStack(this, 'EventsStack'), 'Events', {
      stage,
      table,
      publicUrl,
      realtime,
      uploads: storage.uploads,
      documents: documents.bucket,
      auth,
    });
    const schedules = new Schedules(new NestedStack(this, 'SchedulesStack'), 'Schedules', { stage, table, publicUrl, sender: events.sender });
    apiOf('analytics').offerExportsFrom(storage.uploads, 'analytics');
    apiOf('firm-data').offerExportsFrom(storage.uploads, 'firm-data');
    apiOf('documents').keepDocumentsIn(documents, storage.uploads);
    schedules.rescanDocumentsIn(documents);
    schedules.measureStorageIn(documents);
    schedules.purgeFirmsIn(documents, storage.uploads, auth);
    apiOf('firms').offerExportsFrom(storage.uploads, 'firms');
    const deadLetterQueues = new Map([...events.deadLetterQueues, ['jobs', schedules.deadLetterQueue]]);
    apiOf('system').reportHealthOf({ table, bus: events.bus, deadLetterQueues, mailFrom: stage.mailFrom });

    const stacks = [
      ...Object.keys(API_STACKS).map((name, i) => ({ name, functions: [...apis[i]!.functions.values()] })),
      { name: 'Events', functions: events.functions },
      { name: 'Realtime', functions: realtime.functions },
      { name: 'Schedules', functions: schedules.functions },
    ];
    observability.watchFunctions(stacks.flatMap((s) => s.functions));
    observability.watchDeadLetterQueues(deadLetterQueues.values());
    observability.watchApi(gateway.httpApi);
    observability.showDashboard({ name: id, api: gateway.httpApi, webSocket: realtime.api, table, stacks, queues: [...deadLetterQueues.values()] });

    new CfnOutput(this, 'PortalUrl', { value: publicUrl });
    new CfnOutput(this, 'UserPoolId', { value: auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: auth.webClient.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'DocumentsBucket', { value: documents.bucket.bucketName });
    new CfnOutput(this, 'SourceVersion', { value: stage.sourceVersion });
  }
}
