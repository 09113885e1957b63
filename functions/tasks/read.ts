/** Reading tasks: lists (one Query a page on the index the caller's scope and filters pick) and one task's page. */
import { hasPermission } from '../../shared/domain/identity/policy.ts';
import { mayChangeTask } from '../../shared/domain/tasks/tasks.ts';
import { queryPage } from '../../shared/db/pagination.ts';
import type { AuthenticatedActor } from '../lib/auth.ts';
import type { ReplyOf, RequestOf } from '../lib/http.ts';
import { database } from './db.ts';
import { requestFor, refOf, taskOf, toView } from './view.ts';

type ListQuery = RequestOf<'listTasks'>['query'];

/**
 * A request's tasks (for whoever may see the request), one's own, or for those who see all
 * tasks: someone's, a status's, or the firm's open ones. The other filters narrow that Query.
 */
async function pickIndex(actor: AuthenticatedActor, q: ListQuery) {
  const { task } = database().entities;
  const { tenantId } = actor;
  if (q.requestId) {
    await requestFor(actor, q.requestId);
    return { query: task.query.byRequest({ tenantId, requestId: q.requestId }), status: q.status, byAssignee: false };
  }
  const status = q.status ?? 'open';
  const state = status === 'done' ? 'done' : 'open';
  const seesAll = hasPermission(actor, 'tasks.read.all');
  const assigneeId = !seesAll || q.assigneeId === 'me' ? actor.userId : q.assigneeId;
  if (assigneeId) return { query: task.query.byAssignee({ tenantId, assigneeId, state }), status, byAssignee: true };
  if (status === 'open') return { query: task.query.byFirm({ tenantId, state }), status: undefined, byAssignee: false };
  return { query: task.query.byStatus({ tenantId, status }), status: undefined, byAssignee: false };
}

export async function listTasks(req: RequestOf<'listTasks'>): Promise<ReplyOf<'listTasks'>> {
  const actor = req.actor;
  const q = req.query;
  const { query, status, byAssignee } = await pickIndex(actor, q);
  const filtered = query.where((a, op) =>
    [
      status === 'open' && op.ne(a.status, 'done'),
      status && status !== 'open' && op.eq(a.status, status),
      q.assigneeId && !byAssignee && op.eq(a.assigneeId, q.assigneeId === 'me' ? actor.userId : q.assigneeId),
      q.priority && op.eq(a.priority, q.priority),
      q.dueBy && op.lte(a.dueDate, q.dueBy),
      q.q && op.contains(a.searchText, q.q.toLowerCase()),
    ]
      .filter(Boolean)
      .join(' AND '),
  );
  const page = await queryPage(q.cursor, (from) => filtered.go({ limit: q.limit, cursor: from }), toView);
  return { body: page };
}

export async function getTask(req: RequestOf<'getTask'>): Promise<ReplyOf<'getTask'>> {
  const actor = req.actor;
  const task = await taskOf(req);
  const { data: comments } = await database().entities.comment.query.byTask({ tenantId: actor.tenantId, taskId: task.taskId }).go({ pages: 'all' });
  return {
    body: {
      ...toView(task),
      comments: comments.map(({ tenantId: _t, taskId: _k, ...c }) => c),
      mayChange: mayChangeTask(actor, refOf(task)),
      mayAssign: hasPermission(actor, 'tasks.assign'),
    },
  };
}
