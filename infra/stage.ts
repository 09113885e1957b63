/** Deployment stage settings, read from CDK context and validated: bad context fails synth. */
import * as z from 'zod/mini';
import { TABLE_INDEXES } from '../shared/db/table.ts';

const stageSchema = z.object({
  stage: z.enum(['dev', 'prod']),
  /** Where alarms are emailed; optional in dev. */
  alarmEmail: z.optional(z.email()),
  /** An HTTPS endpoint that also gets the alarms (a chat's webhook relay); it must confirm SNS's subscription. */
  alarmWebhookUrl: z.optional(z.url({ protocol: /^https$/ })),
  /** Where docs/runbook.md is read (the deploy workflow passes the repository's); each alarm links its section. Without it, alarms name the file in the repository. */
  runbookUrl: z.optional(z.url({ protocol: /^https$/ })),
  /** The verified SES identity mail is sent from. */
  mailFrom: z._default(z.email(), 'no-reply@example.com'),
  /** Days each daily table export is kept (prod only makes them). */
  backupRetentionDays: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(3650)), 35),
  /** Requests per 5 minutes per IP before WAF blocks. */
  rateLimitPer5Min: z._default(z.coerce.number().check(z.int(), z.minimum(100)), 2000),
  /**
   * Only the first N of the table's indexes: CloudFormation adds one index per update, so a
   * stage a release gives several new ones is upgraded one deploy per index (README).
   */
  tableIndexes: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(TABLE_INDEXES.length))),
  /** The commit deployed (the deploy workflow passes it), kept as an output so a failed release can be rolled back to it. */
  sourceVersion: z._default(z.string().check(z.regex(/^([0-9a-f]{40}|local)$/)), 'local'),
});

export type StageConfig = z.infer<typeof stageSchema> & { isProd: boolean };

export function readStage(context: (key: string) => unknown): StageConfig {
  const parsed = stageSchema.safeParse({
    stage: context('stage'),
    alarmEmail: context('alarmEmail'),
    alarmWebhookUrl: context('alarmWebhookUrl'),
    runbookUrl: context('runbookUrl'),
    mailFrom: context('mailFrom'),
    rateLimitPer5Min: context('rateLimitPer5Min'),
    backupRetentionDays: context('backupRetentionDays'),
    tableIndexes: context('tableIndexes'),
    sourceVersion: context('sourceVersion'),
  });
  if (!parsed.success) {
    throw new Error(`Invalid CDK context: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return { ...parsed.data, isProd: parsed.data.stage === 'prod' };
}
