import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api } from '../constructs/api.ts';
import { Auth } from '../constructs/auth.ts';
import { Data } from '../constructs/data.ts';
import { Events } from '../constructs/events.ts';
import { Observability } from '../constructs/observability.ts';
import { Realtime } from '../constructs/realtime.ts';
import { Schedules } from '../constructs/schedules.ts';
import { Storage } from '../constructs/storage.ts';
import { Web } from '../constructs/web.ts';
import type { StageConfig } from '../stage.ts';

/** The whole portal for one stage. */
export class PortalStack extends Stack {
  readonly api: Api;
  readonly web: Web;

  constructor(scope: Construct, id: string, stage: StageConfig, props?: StackProps) {
    super(scope, id, props);
    const data = new Data(this, 'Data', stage);
    const auth = new Auth(this, 'Auth', stage);
    const storage = new Storage(this, 'Storage', stage);
    this.api = new Api(this, 'Api', { stage, auth, table: data.table });
    const realtime = new Realtime(this, 'Realtime', { stage, table: data.table });
    this.web = new Web(this, 'Web', { stage, site: storage.site, logs: storage.logs, api: this.api.httpApi, websocket: realtime.api });
    const publicUrl = `https://${this.web.distribution.distributionDomainName}`;
    this.api.addRoutes(publicUrl);
    const events = new Events(this, 'Events', { stage, table: data.table, publicUrl, realtime, uploads: storage.uploads });
    this.api.offerExportsFrom(storage.uploads);
    const schedules = new Schedules(this, 'Schedules', { stage, table: data.table, publicUrl, sender: events.sender });
    this.api.reportHealthOf({ bus: events.bus, deadLetterQueues: new Map([...events.deadLetterQueues, ['jobs', schedules.deadLetterQueue]]), mailFrom: stage.mailFrom });
    new Observability(this, 'Observability', {
      stage,
      functions: [...this.api.functions.values(), ...events.functions, ...realtime.functions, ...schedules.functions],
      table: data.table,
      deadLetterQueues: [...events.deadLetterQueues.values(), schedules.deadLetterQueue],
    });

    new CfnOutput(this, 'PortalUrl', { value: `https://${this.web.distribution.distributionDomainName}` });
    new CfnOutput(this, 'UserPoolId', { value: auth.userPool.userPoolId });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
  }
}
