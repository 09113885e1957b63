/**
 * Daily: warns assignees and leads of open requests whose deadline, and open tasks whose due
 * date, is today or tomorrow in the firm's zone (soon) or has passed. Each warning is claimed
 * first with a conditional create of its marker (subject, kind, date), so two runs, at once or
 * one after the other, warn once; a moved date is warned of again. Requests are read per open
 * status (one Query each), tasks from the firm's open tasks by due date (one Query).
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { DeadlineAlert } from '../../../shared/db/entities/deadline-alert.ts';
import { ServiceRequest, UNASSIGNED } from '../../../shared/db/entities/service-request.ts';
import { NO_DUE_DATE, Task } from '../../../shared/db/entities/task.ts';
import { Tenant } from '../../../shared/db/entities/tenant.ts';
import { User } from '../../../shared/db/entities/user.ts';
import { allPages } from '../../../shared/db/pagination.ts';
import { databaseOf } from '../../../shared/db/service.ts';
import { daysAround, deadlineState } from '../../../shared/domain/notifications/deadlines.ts';
import { PLANNABLE_STATUSES } from '../../../shared/domain/requests/workflow.ts';
import type { JobEvent, JobResult } from '../../../shared/schedules.ts';
import { activeIdsWithRoles } from '../../team/staff-load.ts';
import { claimAlert } from '../alert-claim.ts';
import { deliverNotices } from '../email-delivery.ts';

const database = databaseOf({ tenant: Tenant, request: ServiceRequest, task: Task, user: User, alert: DeadlineAlert });
const logger = new Logger({ serviceName: 'send-deadline-alerts' });

interface Due {
  subject: string;
  kind: 'request' | 'task';
  due: string;
  assigneeId: string | undefined;
  values: Record<string, string>;
  link: string;
}

async function dueRequests(tenantId: string, tomorrow: string): Promise<Due[]> {
  const { request } = database().entities;
  const found = await Promise.all(
    PLANNABLE_STATUSES.map((status) =>
      request.query
        .byStatus({ tenantId, status })
        .where((a, op) => `${op.exists(a.deadline)} AND ${op.lte(a.deadline, tomorrow)} AND ${op.notExists(a.deletedAt)}`)
        .go({ pages: 'all' }),
    ),
  );
  return found
    .flatMap((r) => r.data)
    .map((r) => ({
      subject: `request#${r.requestId}`,
      kind: 'request' as const,
      due: r.deadline!,
      assigneeId: r.assigneeId === UNASSIGNED ? undefined : r.assigneeId,
      values: { reference: r.reference, title: r.title, due: r.deadline! },
      link: `/request/?id=${r.requestId}`,
    }));
}

async function dueTasks(tenantId: string, tomorrow: string): Promise<Due[]> {
  const { data } = await database()
    .entities.task.query.byFirm({ tenantId, state: 'open' })
    .lte({ dueKey: `${tomorrow}~` })
    .go({ pages: 'all' });
  return data
    .filter((t) => t.dueDate && t.dueDate !== NO_DUE_DATE)
    .map((t) => ({
      subject: `task#${t.taskId}`,
      kind: 'task' as const,
      due: t.dueDate!,
      assigneeId: t.assigneeId,
      values: { title: t.title, reference: t.requestReference ?? '', due: t.dueDate! },
      link: `/task/?id=${t.taskId}`,
    }));
}

export async function handler(event: JobEvent): Promise<JobResult> {
  const now = Date.parse(event.scheduledAt);
  const at = new Date(now).toISOString();
  const result = { firms: 0, due: 0, warned: 0, takenElsewhere: 0 };
  for await (const firms of allPages((cursor) => database().entities.tenant.query.directory({}).go({ cursor, limit: 100 }))) {
    for (const firm of firms.filter((f) => f.status === 'active')) {
      result.firms++;
      const days = daysAround(now, firm.timeZone);
      const [requests, tasks, leads] = await Promise.all([
        dueRequests(firm.tenantId, days.tomorrow),
        dueTasks(firm.tenantId, days.tomorrow),
        activeIdsWithRoles(database().entities, firm.tenantId, ['TEAM_LEAD']),
      ]);
      for (const item of [...requests, ...tasks]) {
        const state = deadlineState(item.due, days);
        if (!state) continue;
        result.due++;
        if (!(await claimAlert(database().entities.alert, { tenantId: firm.tenantId, subject: item.subject, kind: state, due: item.due }, now))) {
          result.takenElsewhere++;
          continue;
        }
        const kind = `${item.kind}.${state === 'soon' ? 'due_soon' : 'overdue'}`;
        const people = [...new Set([item.assigneeId, ...leads].filter((u): u is string => Boolean(u)))];
        await deliverNotices(
          firm.tenantId,
          people.map((userId) => ({ userId, kind })),
          { values: item.values, link: item.link },
          at,
          `alert-${item.subject.replace('#', '-')}-${state}-${item.due}`,
        );
        result.warned++;
      }
    }
  }
  logger.info('deadline alerts', { scheduledAt: event.scheduledAt, ...result });
  return result;
}
