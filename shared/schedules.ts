/**
 * Jobs: CDK creates one EventBridge Scheduler schedule per entry with an expression, invoking
 * `functions/<context>/jobs/<name>.ts`; locally infra/local/scheduler.ts fires the same expressions, and
 * `npm run job -- <name>` runs one now. Expressions are AWS cron (UTC) or rate(). A job without
 * one runs only when asked (a migration: ADR 0023).
 */
import type { BoundedContext } from './contexts.ts';

export interface JobSchedule {
  name: string;
  description: string;
  /** The bounded context whose folder holds the job. */
  context: BoundedContext;
  /** When it runs; none: only when asked. */
  expression?: `cron(${string})` | `rate(${string})`;
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
  {
    name: 'send-digests',
    context: 'notifications',
    description: 'Sends the hourly and daily digests of notifications that have fallen due, each exactly once',
    expression: 'cron(0 * * * ? *)',
    sendsEmail: true,
  },
  {
    name: 'send-deadline-alerts',
    context: 'notifications',
    description: 'Warns assignees and leads, in the bell and by email, of requests and tasks due within a day or overdue, each once',
    expression: 'cron(0 6 * * ? *)',
    sendsEmail: true,
  },
  {
    name: 'rescan-documents',
    context: 'documents',
    description: 'Sends document files whose malware scan failed, or whose result never came, to be scanned again (the third failure makes one unscannable)',
    expression: 'rate(30 minutes)',
  },
  {
    name: 'send-conversation-emails',
    context: 'conversations',
    description: 'Emails people who were away the conversation messages they missed: one a conversation, at most every 10 minutes, each once',
    expression: 'rate(1 minute)',
    sendsEmail: true,
  },
  {
    name: 'alert-overdue-tickets',
    context: 'conversations',
    description: 'Tells a ticket’s assignee and the leads, in the bell and by email, that it missed its SLA (first answer or resolution), each once',
    expression: 'rate(15 minutes)',
    sendsEmail: true,
  },
  {
    name: 'remind-document-requests',
    context: 'documents',
    description: 'Reminds customers of documents they were asked for and have not sent (due within 3 days, then every 3 days), each day once',
    expression: 'cron(0 7 * * ? *)',
  },
  {
    name: 'measure-usage',
    context: 'platform',
    description: 'Measures what each firm holds (people who may sign in, bytes of documents) for the platform’s operators; safe to run again',
    expression: 'cron(30 2 * * ? *)',
  },
  {
    name: 'purge-firms',
    context: 'platform',
    description:
      'Purges each firm whose deletion has come (a month after an operator asked, not cancelled): its items, files and sign-in identities; its address stays claimed',
    expression: 'cron(45 3 * * ? *)',
  },
  {
    name: 'migrate-customers',
    context: 'customers',
    description: 'Gives every client user without a customer one (shared by company), and their requests and bookings its id; safe to run again',
  },
  {
    name: 'index-request-orders',
    context: 'requests',
    description: 'Gives requests written before the deadline and priority orders their sort keys (ADR 0028); safe to run again',
  },
  {
    name: 'migrate-attachments',
    context: 'requests',
    description: 'Makes the file names typed on requests before documents existed their attachments, as named only (ADR 0031); safe to run again',
  },
] as const satisfies readonly JobSchedule[];

export type JobName = (typeof SCHEDULES)[number]['name'];

type Scheduled = Extract<(typeof SCHEDULES)[number], { expression: string }>;
/** The jobs that run on a schedule. */
export const SCHEDULED_JOBS = SCHEDULES.filter((job): job is Scheduled => 'expression' in job);

/** What a job receives: the time it was scheduled for (Scheduler's <aws.scheduler.scheduled-time>). */
export interface JobEvent {
  job: string;
  scheduledAt: string;
}

/** What a job reports, for its log line and `npm run job`. */
export type JobResult = Record<string, number>;
