/**
 * A request's changes. Each one is a core that takes the request as loaded (used alone, and
 * item by item in bulk) and a route handler that loads the request of the path and checks the
 * version the caller saw.
 */
import { AppError, conflict, forbidden, validationFailed } from '../../shared/api/errors.ts';
import { diffFields } from '../../shared/domain/audit/diff.ts';
import { hasPermission } from '../../shared/domain/identity/policy.ts';
import { isStaff } from '../../shared/domain/identity/permissions.ts';
import { answersTo } from '../../shared/domain/requests/requirements.ts';
import { reviewPolicyOf } from '../../shared/domain/requests/review.ts';
import { MOVES, PLANNABLE_STATUSES, isMove, mayApprove, mayEdit, mayMove, type Priority, type RequestStatus } from '../../shared/domain/requests/workflow.ts';
import { changeContext } from '../lib/change-context.ts';
import type { ReplyOf, RequestOf, SignedInRequest, WithParams } from '../lib/http.ts';
import { activityView, requestOf as readableRequest, toView, workflowOf, type RequestItem } from './request-access.ts';
import { attachmentViews, attachmentsFor } from './attachments.ts';
import { customerOf } from '../../shared/db/entities/customer.ts';
import { database } from './workflow-db.ts';
import { recordChange } from './record.ts';

export const requestOf = (req: SignedInRequest & WithParams<'requestId'>) => readableRequest(database().entities, req);

const stale = (request: RequestItem, version: number) => {
  if (version !== request.version) throw conflict(`${request.reference} was changed by someone else meanwhile. Reload to see those changes, then try again.`);
};

/** The workflow's view of the request under its firm's review rules (read now: an admin may have just changed them). */
async function reviewedWorkflowOf(request: RequestItem) {
  const { data: firm } = await database().entities.tenant.get({ tenantId: request.tenantId }).go();
  return workflowOf(request, reviewPolicyOf(firm));
}

const words = (status: RequestStatus) => status.replace('_', ' ');

/** A task of the request that is not done, as the completion's confirmation lists it. */
async function openTasksOf(request: RequestItem) {
  const { data } = await database().entities.task.query.byRequest({ tenantId: request.tenantId, requestId: request.requestId }).go({ pages: 'all' });
  return data
    .filter((t) => t.status !== 'done')
    .map((t) => ({
      taskId: t.taskId,
      title: t.title,
      status: t.status,
      ...(t.assigneeName && { assigneeName: t.assigneeName }),
      checklistDone: (t.checklist ?? []).filter((c) => c.done).length,
      checklistTotal: (t.checklist ?? []).length,
    }));
}

export interface MoveOptions {
  note?: string | undefined;
  /** Complete it although tasks are still open (the caller saw them listed). */
  confirmOpenTasks?: boolean | undefined;
}

export async function move(req: SignedInRequest, request: RequestItem, to: RequestStatus, { note, confirmOpenTasks }: MoveOptions = {}): Promise<RequestItem> {
  if (to === 'assigned') throw new AppError('unprocessable', 'Assign someone to the request to move it on.');
  const workflow = await reviewedWorkflowOf(request);
  if (!isMove(workflow, to)) {
    const byReview = MOVES.some((m) => m.from === request.status && m.to === to);
    throw conflict(
      byReview
        ? workflow.review
          ? `${request.reference} is reviewed by the firm first: approve it to start the work.`
          : `This firm does not review ${request.reference} first: assign someone to start the work.`
        : `A request that is ${words(request.status)} cannot become ${words(to)}.`,
    );
  }
  if (!mayMove(req.actor, workflow, to)) throw forbidden(`You cannot move ${request.reference} to ${words(to)}.`);
  const openTasks = to === 'completed' ? await openTasksOf(request) : [];
  if (openTasks.length && !confirmOpenTasks)
    throw new AppError(
      'unprocessable',
      `${request.reference} has ${openTasks.length} open task${openTasks.length === 1 ? '' : 's'}. Finish them, or confirm that the request is complete without them.`,
      undefined,
      {},
      { openTasks },
    );
  // Approval keeps the assignee the ranking chose: the work is theirs at once, with no second pick.
  const lands = to === 'approved' && workflow.assigneeId ? 'assigned' : to;
  const { request: moved } = await recordChange(changeContext(req), request, {
    set: { status: lands, ...(lands === 'completed' && { completedAt: new Date().toISOString() }) },
    activity: { kind: 'status', from: request.status, to: lands, ...(note && { text: note }) },
    action: 'request.status_changed',
    changes: [
      { field: 'status', from: request.status, to: lands },
      ...(openTasks.length ? [{ field: 'openTasks', from: null, to: openTasks.map((t) => t.title).join(', ') }] : []),
    ],
  });
  return moved;
}

export async function assign(req: SignedInRequest, request: RequestItem, assigneeId: string): Promise<RequestItem> {
  const actor = req.actor;
  if (!hasPermission(actor, 'service_requests.assign')) throw forbidden('You cannot assign requests.');
  if (!PLANNABLE_STATUSES.includes(request.status)) throw conflict(`A request that is ${request.status} cannot be assigned.`);
  const { data: person } = await database().entities.user.get({ tenantId: actor.tenantId, userId: assigneeId }).go();
  if (!person || !isStaff(person.role) || person.status !== 'active')
    throw validationFailed([{ field: 'assigneeId', message: 'is not an active team member of this firm' }]);
  // Assigning hands the work over when it is approved, or submitted to a firm that does not review first.
  const handsOver = request.status === 'approved' || (request.status === 'submitted' && !(await reviewedWorkflowOf(request)).review);
  // The same person again changes nothing, unless it hands the work over (to whom the ranking chose).
  if (person.userId === request.assigneeId && !handsOver) return request;
  const { request: assigned } = await recordChange(changeContext(req), request, {
    set: {
      assigneeId,
      assigneeName: person.name,
      assignedAt: new Date().toISOString(),
      assignedBy: actor.userId,
      assignmentReason: JSON.stringify({ kind: 'manual', by: actor.name }),
      // Handed over, it is assigned now; one earlier (under review) or further along keeps its status.
      ...(handsOver && { status: 'assigned' as const }),
    },
    activity: { kind: 'assigned', ...(request.assigneeName && request.assigneeId !== person.userId && { from: request.assigneeName }), to: person.name },
    action: 'request.assigned',
    changes: [{ field: 'assignee', from: request.assigneeName ?? null, to: person.name }],
  });
  return assigned;
}

export interface Edit {
  title?: string;
  description?: string;
  priority?: Priority;
  /** null takes it away. */
  budgetMin?: number | null;
  budgetMax?: number | null;
  deadline?: string | null;
  /** All the answers, by question key. */
  requirements?: Record<string, string>;
}

const EDITED = ['title', 'description', 'priority', 'budgetMin', 'budgetMax', 'deadline', 'requirements'] as const;

export async function edit(req: SignedInRequest, request: RequestItem, fields: Edit): Promise<RequestItem> {
  if (!mayEdit(req.actor, workflowOf(request))) {
    const { role, userId } = req.actor;
    if (role !== 'CLIENT') throw forbidden(`You cannot change ${request.reference}.`);
    // A colleague with full access sees the request, but only the contact who asked changes it.
    throw forbidden(
      request.clientId === userId
        ? `${request.reference} can no longer be changed: the firm is working on it.`
        : `Only the person who asked for ${request.reference} can change it.`,
    );
  }
  const { requirements, budgetMin, budgetMax, deadline, ...plain } = fields;
  const next: RequestItem = { ...request, ...plain };
  const cleared: ('budgetMin' | 'budgetMax' | 'deadline')[] = [];
  for (const [field, value] of [
    ['budgetMin', budgetMin],
    ['budgetMax', budgetMax],
    ['deadline', deadline],
  ] as const) {
    if (value === null) cleared.push(field);
    else if (value !== undefined) (next as Record<string, unknown>)[field] = value;
  }
  for (const field of cleared) delete next[field];
  if (next.budgetMin !== undefined && next.budgetMax !== undefined && next.budgetMin > next.budgetMax)
    throw validationFailed([{ field: 'budgetMax', message: 'must not be below the minimum' }]);
  if (requirements) {
    const { data: service } = await database().entities.service.get({ tenantId: request.tenantId, serviceId: request.serviceId }).go();
    const { answers, missing } = answersTo(service?.questions ?? [], requirements);
    if (missing.length) throw validationFailed(missing);
    next.requirements = answers;
  }
  const pick = (r: RequestItem) => Object.fromEntries(EDITED.map((f) => [f, r[f]]));
  const changes = diffFields(pick(request), pick(next));
  if (!changes.length) return request;
  const set = Object.fromEntries(changes.filter((c) => c.to !== null).map((c) => [c.field, next[c.field as keyof RequestItem]])) as Partial<RequestItem>;
  const { request: edited } = await recordChange(changeContext(req), request, {
    set,
    remove: cleared,
    activity: { kind: 'updated', text: changes.map((c) => c.field).join(', ') },
    action: 'request.updated',
    changes,
  });
  return edited;
}

/** Admins only: hidden from everyone from now on, its load and KPIs released; the audit log keeps it. */
export async function remove(req: SignedInRequest, request: RequestItem): Promise<void> {
  const actor = req.actor;
  if (!hasPermission(actor, 'service_requests.delete')) throw forbidden('Only admins can delete requests.');
  await recordChange(changeContext(req), request, {
    set: { deletedAt: new Date().toISOString(), deletedBy: actor.userId },
    activity: { kind: 'deleted' },
    action: 'request.deleted',
    changes: [{ field: 'deleted', from: null, to: `${request.reference} ${request.title}` }],
  });
}

export async function moveRequest(req: RequestOf<'moveRequest'>): Promise<ReplyOf<'moveRequest'>> {
  const request = await requestOf(req);
  stale(request, req.body.version);
  const { to, note, confirmOpenTasks } = req.body;
  return { body: toView(await move(req, request, to, { note, confirmOpenTasks })) };
}

export async function assignRequest(req: RequestOf<'assignRequest'>): Promise<ReplyOf<'assignRequest'>> {
  const request = await requestOf(req);
  stale(request, req.body.version);
  return { body: toView(await assign(req, request, req.body.assigneeId)) };
}

export async function updateRequest(req: RequestOf<'updateRequest'>): Promise<ReplyOf<'updateRequest'>> {
  const request = await requestOf(req);
  const { version, ...fields } = req.body;
  stale(request, version);
  return { body: toView(await edit(req, request, fields)) };
}

export async function deleteRequest(req: RequestOf<'deleteRequest'>): Promise<ReplyOf<'deleteRequest'>> {
  const request = await requestOf(req);
  await remove(req, request);
  return {};
}

export async function commentOnRequest(req: RequestOf<'commentOnRequest'>): Promise<ReplyOf<'commentOnRequest'>> {
  const actor = req.actor;
  const request = await requestOf(req);
  const { text, internal } = req.body;
  if (internal && !isStaff(actor.role)) throw forbidden('Only staff can write internal notes.');
  const attachedDocuments = await attachmentsFor(actor, { customerId: customerOf(request), internal }, req.body.attachments);
  const { activity } = await recordChange(changeContext(req), request, {
    activity: { kind: 'comment', internal, ...(text && { text }), ...(attachedDocuments.length && { attachedDocuments }) },
    action: 'request.commented',
    ...(attachedDocuments.length && { changes: [{ field: 'attachments', from: null, to: attachedDocuments.map((a) => a.name) }] }),
    ...(!internal && { touch: { lastCommentBy: isStaff(actor.role) ? 'staff' : 'client', lastCommentAt: new Date().toISOString() } }),
  });
  const [attachments] = await attachmentViews(actor, [attachedDocuments]);
  return { status: 201, body: activityView(activity, attachments!) };
}

export async function approveRequest(req: RequestOf<'approveRequest'>): Promise<ReplyOf<'approveRequest'>> {
  const actor = req.actor;
  const request = await requestOf(req);
  stale(request, req.body.version);
  if (!mayApprove(actor, workflowOf(request))) throw forbidden('Only the client can approve completed work, once.');
  const { request: approved } = await recordChange(changeContext(req), request, {
    set: { clientApprovedAt: new Date().toISOString() },
    activity: { kind: 'approved', ...(req.body.note && { text: req.body.note }) },
    action: 'request.approved',
  });
  return { body: toView(approved) };
}
