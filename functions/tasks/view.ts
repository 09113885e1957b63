/** A task as the API shows it, the task of the path (if the caller may see it), and saving a change. */
import type { CreateEntityItem, EntityItem } from 'electrodb';
import { notFound, validationFailed } from '../../shared/api/errors.ts';
import type { EventOf } from '../../shared/events/catalogue.ts';
import type { TaskView } from '../../shared/api/schemas/tasks.ts';
import { NO_DUE_DATE, NO_REQUEST, UNASSIGNED, type Task } from '../../shared/db/entities/task.ts';
import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import type { FieldChange } from '../../shared/domain/audit/diff.ts';
import { isStaff } from '../../shared/domain/identity/permissions.ts';
import { hasPermission } from '../../shared/domain/identity/policy.ts';
import { holdsASkill, openTaskDeltas, TASK_ROLES, type TaskRef } from '../../shared/domain/tasks/tasks.ts';
import type { AuthenticatedActor } from '../lib/auth.ts';
import { changeContext } from '../lib/change-context.ts';
import type { SignedInRequest, WithParams } from '../lib/http.ts';
import { readableRequest } from '../requests/request-access.ts';
import { database } from './db.ts';

export type TaskItem = EntityItem<typeof Task>;

/** The API says "no request" and "nobody" by leaving the field out. */
export function toView(t: TaskItem): TaskView {
  const { tenantId: _t, requestId, assigneeId, ...rest } = t;
  return { ...rest, ...(requestId !== NO_REQUEST && { requestId }), ...(assigneeId !== UNASSIGNED && { assigneeId }) };
}

export const refOf = (t: TaskItem): TaskRef => ({ tenantId: t.tenantId, status: t.status, assigneeId: t.assigneeId === UNASSIGNED ? undefined : t.assigneeId });

/** The request a task may hang off: the caller must see it (404 otherwise, as for the request itself). */
export const requestFor = (actor: AuthenticatedActor, requestId: string) => readableRequest(database().entities, actor, requestId);

/** Leads and admins see every task; others theirs, and those of requests they may see. */
export async function taskOf(req: SignedInRequest & WithParams<'taskId'>): Promise<TaskItem> {
  const { actor } = req;
  const { data } = await database().entities.task.get({ tenantId: actor.tenantId, taskId: req.params.taskId }).go();
  if (!data) throw notFound('Task');
  if (hasPermission(actor, 'tasks.read.all') || data.assigneeId === actor.userId) return data;
  if (data.requestId !== NO_REQUEST) {
    await requestFor(actor, data.requestId).catch(() => {
      throw notFound('Task');
    });
    return data;
  }
  throw notFound('Task');
}

/** An active member of the firm's staff who may hold a task needing these skills. */
export async function assigneeFor(tenantId: string, assigneeId: string, requiredSkills: readonly string[]) {
  const { data: person } = await database().entities.user.get({ tenantId, userId: assigneeId }).go();
  if (!person || !isStaff(person.role) || !TASK_ROLES.includes(person.role) || person.status !== 'active') {
    throw validationFailed([{ field: 'assigneeId', message: 'is not an active team member of this firm' }]);
  }
  if (!holdsASkill(requiredSkills, person.skills ?? [])) {
    throw validationFailed([{ field: 'assigneeId', message: `does not hold any of the skills this task needs (${requiredSkills.join(', ')})` }]);
  }
  return person;
}

/** The derived index keys, from the fields they are made of. */
const withKeys = (t: TaskItem): CreateEntityItem<typeof Task> => ({
  ...t,
  state: t.status === 'done' ? 'done' : 'open',
  dueKey: t.dueDate ?? NO_DUE_DATE,
  searchText: t.title.toLowerCase(),
});

export interface TaskChange {
  action: EventOf<'task'>;
  changes?: FieldChange[];
}

/**
 * One transaction: the task (created, or put whole and guarded by the version seen), the open-task
 * count of whoever it moves onto or off, the audit entry and the event that tells those concerned.
 */
export async function saveTask(req: SignedInRequest, before: TaskItem | undefined, next: TaskItem, change: TaskChange): Promise<TaskItem> {
  const saved = before ? { ...next, version: before.version + 1 } : next;
  const stored = withKeys(saved);
  const loads = openTaskDeltas(before && refOf(before), refOf(saved));
  await commitTransaction(
    database(),
    (entities) => [
      before
        ? entities.task
            .put(stored)
            .where((a, op) => op.eq(a.version, before.version))
            .commit()
        : entities.task.create(stored).commit(),
      ...[...loads].map(([userId, delta]) => entities.workload.update({ tenantId: saved.tenantId, userId }).add({ openTasks: delta }).commit()),
      ...auditAndEvent(entities, changeContext(req), {
        ...change,
        entityType: 'task',
        entityId: saved.taskId,
        event: { type: change.action, detail: eventDetail(req, before, saved) },
      }),
    ],
    `“${saved.title}” was changed by someone else meanwhile. Reload to see those changes, then try again.`,
  );
  return saved;
}

/** Enough for consumers to know whom it concerns without reading the task. */
export function eventDetail(req: SignedInRequest, before: TaskItem | undefined, t: TaskItem) {
  const holder = (x: TaskItem | undefined) => (x && x.assigneeId !== UNASSIGNED ? x.assigneeId : null);
  return {
    taskId: t.taskId,
    title: t.title,
    status: t.status,
    requestId: t.requestId === NO_REQUEST ? null : t.requestId,
    reference: t.requestReference ?? null,
    assigneeId: holder(t),
    previousAssigneeId: holder(before),
    createdBy: t.createdBy,
    actorName: req.actor.name,
  };
}
