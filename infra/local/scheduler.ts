/**
 * The local stand-in for EventBridge Scheduler: fires each job of shared/schedules.ts at the
 * times its expression names (AWS cron in UTC via aws-cron-parser, or rate()), invoking the
 * job's deployed bundle with the input the deployed schedule sends. A failed run goes to the
 * jobs' dead-letter queue; the next run still happens.
 */
import awsCronParser from 'aws-cron-parser';
import { SCHEDULED_JOBS, SCHEDULES, type JobEvent, type JobResult, type JobSchedule } from '../../shared/schedules.ts';
import type { LocalLambda } from './lambda-runtime.ts';

const RATE_UNITS: Record<string, number> = { minute: 60_000, minutes: 60_000, hour: 3_600_000, hours: 3_600_000, day: 86_400_000, days: 86_400_000 };

/** The first time after `from` that an expression names. */
export function nextRun(expression: NonNullable<JobSchedule['expression']>, from: Date): Date {
  const rate = /^rate\((\d+) (\w+)\)$/.exec(expression);
  if (rate) {
    const unit = RATE_UNITS[rate[2]!];
    if (!unit) throw new Error(`unknown rate unit in ${expression}`);
    return new Date(from.getTime() + Number(rate[1]) * unit);
  }
  const cron = /^cron\((.+)\)$/.exec(expression);
  const next = cron && awsCronParser.next(awsCronParser.parse(cron[1]!), from);
  if (!next) throw new Error(`no next run for ${expression}`);
  return next;
}

/** The job's function and the input its schedule sends (`<aws.scheduler.scheduled-time>` filled in). */
export function jobInvocation(name: string, scheduledAt = new Date()): { functionName: string; event: JobEvent } {
  if (!SCHEDULES.some((s) => s.name === name)) throw new Error(`No job named ${name}. Jobs: ${SCHEDULES.map((s) => s.name).join(', ')}`);
  return { functionName: `jobs/${name}`, event: { job: name, scheduledAt: scheduledAt.toISOString().replace(/\.\d{3}Z$/, 'Z') } };
}

export function startScheduler(lambda: LocalLambda, log: (line: string) => void, deadLetter: (queue: string, body: unknown) => void): { stop: () => void } {
  const runJob = (name: string, at: Date) => {
    const { functionName, event } = jobInvocation(name, at);
    return lambda.invoke<JobResult>(functionName, event);
  };
  const timers = new Map<string, NodeJS.Timeout>();
  const plan = (schedule: (typeof SCHEDULED_JOBS)[number]) => {
    const at = nextRun(schedule.expression, new Date());
    const timer = setTimeout(
      () => {
        runJob(schedule.name, at)
          .then((result) => log(`job ${schedule.name}: ${JSON.stringify(result)}`))
          .catch((error: unknown) => {
            log(`job ${schedule.name} failed: ${String(error)}; dead-lettered`);
            deadLetter('jobs', { job: schedule.name, scheduledAt: at.toISOString(), error: String(error) });
          })
          .finally(() => plan(schedule));
      },
      Math.max(0, at.getTime() - Date.now()),
    );
    timer.unref();
    timers.set(schedule.name, timer);
  };
  SCHEDULED_JOBS.forEach(plan);
  return { stop: () => timers.forEach((t) => clearTimeout(t)) };
}
