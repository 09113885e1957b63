/**
 * Scheduled jobs: CDK creates one EventBridge Scheduler schedule per entry, invoking
 * `functions/<context>/jobs/<name>.ts`; locally infra/local/scheduler.ts fires the same expressions, and
 * `npm run job -- <name>` runs one now. Expressions are AWS cron (UTC) or rate().
 */
import type { BoundedContext } from './contexts.ts';

export interface JobSchedule {
  name: string;
  description: string;
  /** The bounded context whose folder holds the job. */
  context: BoundedContext;
  expression: `cron(${string})` | `rate(${string})`;
  /** Sends email: gets the sender permission and the portal's URL for links. */
  sendsEmail?: true;
}

export const SCHEDULES = [
  {
    name: 'expire-invitations',
    context: 'identity',
    description: 'Marks pending invitations whose link ran out as expired, audited',
    expression: 'cron(15 3 * * ? *)',
  },
  {
    name: 'send-reminders',
    context: 'bookings',
    description: 'Sends booking reminders that have fallen due, each exactly once',
    expression: 'rate(5 minutes)',
    sendsEmail: true,
  },
] as const satisfies readonly JobSchedule[];

export type JobName = (typeof SCHEDULES)[number]['name'];

/** What a job receives: the time it was scheduled for (Scheduler's <aws.scheduler.scheduled-time>). */
export interface JobEvent {
  job: string;
  scheduledAt: string;
}

/** What a job reports, for its log line and `npm run job`. */
export type JobResult = Record<string, number>;
