import { describe, expect, it } from 'vitest';
import { SCHEDULED_JOBS } from '../../shared/schedules.ts';
import { nextRun } from './scheduler.ts';

describe('the local scheduler', () => {
  it('reads AWS cron in UTC, as EventBridge Scheduler does', () => {
    expect(nextRun('cron(15 3 * * ? *)', new Date('2026-11-21T10:00:00Z')).toISOString()).toBe('2026-11-22T03:15:00.000Z');
    expect(nextRun('cron(15 3 * * ? *)', new Date('2026-11-22T03:14:00Z')).toISOString()).toBe('2026-11-22T03:15:00.000Z');
    expect(nextRun('cron(0/5 * * * ? *)', new Date('2026-11-21T10:02:30Z')).toISOString()).toBe('2026-11-21T10:05:00.000Z');
  });

  it('reads rate() expressions', () => {
    expect(nextRun('rate(5 minutes)', new Date('2026-11-21T10:00:00Z')).toISOString()).toBe('2026-11-21T10:05:00.000Z');
    expect(nextRun('rate(1 day)', new Date('2026-11-21T10:00:00Z')).toISOString()).toBe('2026-11-22T10:00:00.000Z');
    expect(() => nextRun('rate(5 fortnights)', new Date())).toThrow('unknown rate unit');
  });

  it('understands every schedule the stack deploys', () => {
    for (const s of SCHEDULED_JOBS) expect(nextRun(s.expression, new Date()).getTime()).toBeGreaterThan(Date.now());
  });
});
