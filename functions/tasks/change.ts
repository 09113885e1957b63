/** Making, changing, handing over, ticking, commenting on and deleting tasks. */
import { randomUUID } from 'node:crypto';
import { AppError, conflict, forbidden, notFound, validationFailed } from '../../shared/api/errors.ts';
import { NO_REQUEST, UNASSIGNED } from '../../shared/db/entities/task.ts';
import { auditAndEvent, commitTransaction } from '../../shared/db/mutation.ts';
import { diffFields } from '../../shared/domain/audit/diff.ts';
import { PLANNABLE_STATUSES } from '../../shared/domain/requests/workflow.ts';
import { checklistOf, mayChangeTask, openTaskDeltas, tick } from '../../shared/domain/tasks/tasks.ts';
import { changeContext } from '../lib/change-context.ts';
import type { ReplyOf, RequestOf, SignedInRequest } from '../lib/http.ts';
import { database } from './db.ts';
import { assigneeFor, eventDetail, requestFor, refOf, saveTask, taskOf, toView, type TaskItem } from './view.ts';

export async function createTask(req: RequestOf<'createTask'>): Promise<ReplyOf<'createTask'>> {
  const actor = req.actor;
  const input = req.body;
  const template = input.templateId
    ? (await database().entities.template.get({ tenantId: actor.tenantId, templateId: input.templateId }).go()).data
    : undefined;
  if (input.templateId && !template) throw validationFailed([{ field: 'templateId', message: 'is not a task template of this firm' }]);
  const request = input.requestId
    ? await requestFor(actor, input.requestId).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'not_found') throw validationFailed([{ field: 'requestId', message: 'is not a request you can see' }]);
        throw error;
      })
    : undefined;
  if (request && !PLANNABLE_STATUSES.includes(request.status))
    throw conflict(`${request.reference} is ${request.status}: tasks can be added from submission until completion.`);
  const requiredSkills = template?.requiredSkills ?? [];
  const assignee = input.assigneeId ? await assigneeFor(actor.tenantId, input.assigneeId, requiredSkills) : undefined;
  const now = new Date().toISOString();
  const estimatedHours = input.estimatedHours ?? template?.estimatedHours;
  const task: TaskItem = {
    tenantId: actor.tenantId,
    taskId: randomUUID(),
    requestId: request?.requestId ?? NO_REQUEST,
    ...(request && { requestReference: request.reference, requestTitle: request.title }),
    ...(template && { templateId: template.templateId }),
    title: input.title ?? template!.name,
    description: input.description ?? template?.description ?? '',
    status: 'todo',
    priority: input.priority,
    ...(input.dueDate && { dueDate: input.dueDate }),
    assigneeId: assignee?.userId ?? UNASSIGNED,
    ...(assignee && { assigneeName: assignee.name }),
    checklist: checklistOf(input.checklist ?? template?.checklist ?? []),
    ...(estimatedHours !== undefined && { estimatedHours }),
    requiredSkills,
    createdBy: actor.userId,
    createdByName: actor.name,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const saved = await saveTask(req, undefined, task, {
    action: 'task.created',
    changes: diffFields(
      {},
      { title: task.title, request: task.requestReference, assignee: task.assigneeName, dueDate: task.dueDate, template: template?.name },
    ),
  });
  return { status: 201, body: toView(saved) };
}

const stale = (task: TaskItem, version: number) => {
  if (version !== task.version) throw conflict(`“${task.title}” was changed by someone else meanwhile. Reload to see those changes, then try again.`);
};

const mayChange = (req: SignedInRequest, task: TaskItem) => {
  if (!mayChangeTask(req.actor, refOf(task))) throw forbidden('Only the task’s assignee or a lead can change it.');
};

export async function updateTask(req: RequestOf<'updateTask'>): Promise<ReplyOf<'updateTask'>> {
  const task = await taskOf(req);
  mayChange(req, task);
  const { version, dueDate, estimatedHours, ...fields } = req.body;
  stale(task, version);
  const next: TaskItem = { ...task, ...fields };
  if (dueDate !== undefined) next.dueDate = dueDate ?? undefined;
  if (estimatedHours !== undefined) next.estimatedHours = estimatedHours ?? undefined;
  if (fields.status && fields.status !== task.status) next.completedAt = fields.status === 'done' ? new Date().toISOString() : undefined;
  const pick = (t: TaskItem) => ({
    status: t.status,
    title: t.title,
    description: t.description,
    priority: t.priority,
    dueDate: t.dueDate,
    estimatedHours: t.estimatedHours,
  });
  const changes = diffFields(pick(task), pick(next));
  if (!changes.length) return { body: toView(task) };
  const onlyStatus = changes.length === 1 && changes[0]!.field === 'status';
  const saved = await saveTask(req, task, next, { action: onlyStatus ? 'task.status_changed' : 'task.updated', changes });
  return { body: toView(saved) };
}

export async function assignTask(req: RequestOf<'assignTask'>): Promise<ReplyOf<'assignTask'>> {
  const task = await taskOf(req);
  stale(task, req.body.version);
  const person = await assigneeFor(task.tenantId, req.body.assigneeId, task.requiredSkills);
  if (person.userId === task.assigneeId) return { body: toView(task) };
  const saved = await saveTask(
    req,
    task,
    { ...task, assigneeId: person.userId, assigneeName: person.name },
    {
      action: 'task.assigned',
      changes: [{ field: 'assignee', from: task.assigneeName ?? null, to: person.name }],
    },
  );
  return { body: toView(saved) };
}

/** Two people ticking different items at once both land: a lost race is retried on the fresh task. */
export async function checkTaskItem(req: RequestOf<'checkTaskItem'>): Promise<ReplyOf<'checkTaskItem'>> {
  const actor = req.actor;
  for (let attempt = 1; ; attempt++) {
    const task = await taskOf(req);
    mayChange(req, task);
    const item = task.checklist.find((c) => c.itemId === req.params.itemId);
    if (!item) throw notFound('Checklist item');
    if (item.done === req.body.done) return { body: toView(task) };
    const checklist = tick(task.checklist, item.itemId, req.body.done, actor.name, new Date().toISOString())!;
    try {
      const saved = await saveTask(
        req,
        task,
        { ...task, checklist },
        { action: 'task.checked', changes: [{ field: item.text, from: item.done, to: req.body.done }] },
      );
      return { body: toView(saved) };
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'conflict') || attempt === 3) throw error;
    }
  }
}

export async function commentOnTask(req: RequestOf<'commentOnTask'>): Promise<ReplyOf<'commentOnTask'>> {
  const actor = req.actor;
  const task = await taskOf(req);
  const comment = {
    tenantId: task.tenantId,
    taskId: task.taskId,
    commentId: randomUUID(),
    at: new Date().toISOString(),
    authorId: actor.userId,
    authorName: actor.name,
    text: req.body.text,
  };
  await commitTransaction(database(), (entities) => [
    entities.comment.create(comment).commit(),
    ...auditAndEvent(entities, changeContext(req), {
      action: 'task.commented',
      entityType: 'task',
      entityId: task.taskId,
      event: { type: 'task.commented', detail: eventDetail(req, task, task) },
    }),
  ]);
  const { tenantId: _t, taskId: _k, ...view } = comment;
  return { status: 201, body: view };
}

/** Admins only. The task and then its comments go; the audit keeps what it was. */
export async function deleteTask(req: RequestOf<'deleteTask'>): Promise<ReplyOf<'deleteTask'>> {
  const task = await taskOf(req);
  const loads = openTaskDeltas(refOf(task), { ...refOf(task), assigneeId: undefined });
  await commitTransaction(
    database(),
    (entities) => [
      entities.task
        .delete({ tenantId: task.tenantId, taskId: task.taskId })
        .where((a, op) => op.eq(a.version, task.version))
        .commit(),
      ...[...loads].map(([userId, delta]) => entities.workload.update({ tenantId: task.tenantId, userId }).add({ openTasks: delta }).commit()),
      ...auditAndEvent(entities, changeContext(req), {
        action: 'task.deleted',
        entityType: 'task',
        entityId: task.taskId,
        changes: diffFields({ title: task.title, status: task.status, assignee: task.assigneeName, request: task.requestReference }, {}),
        event: { type: 'task.deleted', detail: eventDetail(req, task, { ...task, assigneeId: UNASSIGNED }) },
      }),
    ],
    `“${task.title}” was changed by someone else meanwhile. Reload and try again.`,
  );
  const { comment } = database().entities;
  const { data: comments } = await comment.query
    .byTask({ tenantId: task.tenantId, taskId: task.taskId })
    .go({ pages: 'all', attributes: ['tenantId', 'taskId', 'at', 'commentId'] });
  if (comments.length) await comment.delete(comments).go();
  return {};
}
