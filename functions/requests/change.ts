/** Moving a request along its workflow, assigning it, commenting on it, and the client's approval. */
import { AppError, conflict, forbidden, validationFailed } from '../../shared/api/errors.ts';
import { isStaff } from '../../shared/domain/identity/permissions.ts';
import { MOVES, PLANNABLE_STATUSES, mayApprove, mayMove, type RequestStatus } from '../../shared/domain/requests/workflow.ts';
import type { AuthenticatedActor } from '../lib/auth.ts';
import type { Reply, Request } from '../lib/http.ts';
import { database } from './db.ts';
import { recordChange } from './record.ts';
import { requestOf, toView, type RequestItem } from './view.ts';
import { workflowOf } from '../lib/request-access.ts';

const stale = (request: RequestItem, version: number) => {
  if (version !== request.version) throw conflict(`${request.reference} was changed by someone else meanwhile. Reload to see those changes, then try again.`);
};

export async function moveRequest(req: Request<{ to: RequestStatus; note?: string; version: number }>): Promise<Reply> {
  const actor = req.actor as AuthenticatedActor;
  const request = await requestOf(req);
  const { to, note, version } = req.body;
  stale(request, version);
  if (to === 'assigned') throw new AppError('unprocessable', 'Assign someone to the request to move it on.');
  if (!MOVES.some((m) => m.from === request.status && m.to === to)) throw conflict(`A request that is ${request.status} cannot become ${to}.`);
  if (!mayMove(actor, workflowOf(request), to)) throw forbidden(`You cannot move ${request.reference} to ${to}.`);
  const { request: moved } = await recordChange(req, request, {
    set: { status: to, ...(to === 'completed' && { completedAt: new Date().toISOString() }) },
    activity: { kind: 'status', from: request.status, to, ...(note && { text: note }) },
    action: 'request.status_changed',
    changes: [{ field: 'status', from: request.status, to }],
  });
  return { body: toView(moved) };
}

export async function assignRequest(req: Request<{ assigneeId: string; version: number }>): Promise<Reply> {
  const actor = req.actor as AuthenticatedActor;
  const request = await requestOf(req);
  const { assigneeId, version } = req.body;
  stale(request, version);
  if (!PLANNABLE_STATUSES.includes(request.status)) throw conflict(`A request that is ${request.status} cannot be assigned.`);
  const { data: person } = await database().entities.user.get({ tenantId: actor.tenantId, userId: assigneeId }).go();
  if (!person || !isStaff(person.role) || person.status !== 'active') throw validationFailed([{ field: 'assigneeId', message: 'is not an active team member of this firm' }]);
  // The same person again changes nothing, unless it hands an approved request (auto-assigned earlier) over for work.
  if (person.userId === request.assigneeId && request.status !== 'approved') return { body: toView(request) };
  const { request: assigned } = await recordChange(req, request, {
    set: {
      assigneeId,
      assigneeName: person.name,
      assignedAt: new Date().toISOString(),
      assignedBy: actor.userId,
      assignmentReason: JSON.stringify({ kind: 'manual', by: actor.name }),
      // An approved request is assigned now; one further along keeps its status.
      ...(request.status === 'approved' && { status: 'assigned' as const }),
    },
    activity: { kind: 'assigned', ...(request.assigneeName && request.assigneeId !== person.userId && { from: request.assigneeName }), to: person.name },
    action: 'request.assigned',
    changes: [{ field: 'assignee', from: request.assigneeName ?? null, to: person.name }],
  });
  return { body: toView(assigned) };
}

export async function commentOnRequest(req: Request<{ text: string; internal: boolean }>): Promise<Reply> {
  const actor = req.actor as AuthenticatedActor;
  const request = await requestOf(req);
  if (req.body.internal && !isStaff(actor.role)) throw forbidden('Only staff can write internal notes.');
  const { activity } = await recordChange(req, request, {
    activity: { kind: 'comment', text: req.body.text, internal: req.body.internal },
    action: 'request.commented',
  });
  const { tenantId: _t, requestId: _r, ...view } = activity;
  return { status: 201, body: view };
}

export async function approveRequest(req: Request<{ version: number; note?: string }>): Promise<Reply> {
  const actor = req.actor as AuthenticatedActor;
  const request = await requestOf(req);
  stale(request, req.body.version);
  if (!mayApprove(actor, workflowOf(request))) throw forbidden('Only the client can approve completed work, once.');
  const { request: approved } = await recordChange(req, request, {
    set: { clientApprovedAt: new Date().toISOString() },
    activity: { kind: 'approved', ...(req.body.note && { text: req.body.note }) },
    action: 'request.approved',
  });
  return { body: toView(approved) };
}
