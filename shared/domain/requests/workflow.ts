/**
 * The service request workflow as a pure state machine: which status may follow which, and
 * who may make each move (by permission, and for clients and assignees by ownership).
 * Handlers ask `allowedMoves` / `mayMove`; the web shows exactly the moves this returns.
 */
import { hasPermission, type Actor } from '../identity/policy.ts';

export const REQUEST_STATUSES = ['draft', 'submitted', 'in_review', 'approved', 'assigned', 'in_progress', 'completed', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** The request as the workflow sees it. */
export interface WorkflowRequest {
  tenantId: string;
  status: RequestStatus;
  clientId: string;
  /** The customer it is for, whose contacts may see it by their access (they act on it only as its client). */
  customerId?: string;
  assigneeId?: string;
  /** Set once the client accepted the completed work: nothing moves after that. */
  clientApprovedAt?: string;
}

/** Who may make a move: the request's client, its assignee, or staff holding a permission. */
type Mover = 'client' | 'assignee' | 'reviewer' | 'assigner';

interface Move {
  from: RequestStatus;
  to: RequestStatus;
  by: readonly Mover[];
}

/** Every allowed move. Anything not listed is refused. */
export const MOVES: readonly Move[] = [
  { from: 'draft', to: 'submitted', by: ['client', 'reviewer'] },
  { from: 'submitted', to: 'in_review', by: ['reviewer'] },
  { from: 'in_review', to: 'approved', by: ['reviewer'] },
  // Assigning an approved request (manually or by the ranking) moves it on.
  { from: 'approved', to: 'assigned', by: ['assigner'] },
  { from: 'assigned', to: 'in_progress', by: ['assignee', 'reviewer'] },
  { from: 'in_progress', to: 'completed', by: ['assignee', 'reviewer'] },
  // The client asks for changes to completed work.
  { from: 'completed', to: 'in_progress', by: ['client'] },
  // A client may cancel until work starts; staff until it is completed.
  ...(['draft', 'submitted', 'in_review', 'approved', 'assigned'] as const).map((from) => ({
    from,
    to: 'cancelled' as const,
    by: ['client', 'reviewer'] as const,
  })),
  { from: 'in_progress', to: 'cancelled', by: ['reviewer'] },
];

/** Statuses in which a client may still edit what they asked for. */
export const CLIENT_EDITABLE: readonly RequestStatus[] = ['draft', 'submitted'];

/** From submission until completion a request can be assigned and its work planned in tasks. */
export const PLANNABLE_STATUSES: readonly RequestStatus[] = ['submitted', 'in_review', 'approved', 'assigned', 'in_progress'];

/** Work is open (counts against someone's capacity) in these statuses. */
export const ACTIVE_STATUSES: readonly RequestStatus[] = ['assigned', 'in_progress'];

function isMover(actor: Actor, request: WorkflowRequest, mover: Mover): boolean {
  switch (mover) {
    case 'client':
      return actor.role === 'CLIENT' && actor.userId === request.clientId;
    case 'assignee':
      return request.assigneeId !== undefined && actor.userId === request.assigneeId && hasPermission(actor, 'service_requests.update');
    case 'reviewer':
      // Staff who may update every request, not only their own (leads, admins, or a grant).
      return actor.role !== 'CLIENT' && hasPermission(actor, 'service_requests.update') && hasPermission(actor, 'service_requests.read.all');
    case 'assigner':
      return actor.role !== 'CLIENT' && hasPermission(actor, 'service_requests.assign');
  }
}

export function mayMove(actor: Actor, request: WorkflowRequest, to: RequestStatus): boolean {
  if (actor.tenantId !== request.tenantId || request.clientApprovedAt) return false;
  return MOVES.some((m) => m.from === request.status && m.to === to && m.by.some((who) => isMover(actor, request, who)));
}

/** The statuses this actor may move the request to now. */
export function allowedMoves(actor: Actor, request: WorkflowRequest): RequestStatus[] {
  return REQUEST_STATUSES.filter((to) => mayMove(actor, request, to));
}

/** The client accepts completed work: only their own, only once. */
export function mayApprove(actor: Actor, request: WorkflowRequest): boolean {
  return (
    actor.tenantId === request.tenantId &&
    request.status === 'completed' &&
    !request.clientApprovedAt &&
    actor.role === 'CLIENT' &&
    actor.userId === request.clientId
  );
}

/**
 * Who may change what was asked (title, description, priority, budget, deadline, answers): the
 * client while it is a draft or just submitted; staff who may update it (its assignee, or those
 * who see all) until it is completed or cancelled.
 */
export function mayEdit(actor: Actor, request: WorkflowRequest): boolean {
  if (actor.tenantId !== request.tenantId) return false;
  if (actor.role === 'CLIENT') return actor.userId === request.clientId && CLIENT_EDITABLE.includes(request.status);
  const open = request.status !== 'completed' && request.status !== 'cancelled';
  return open && (isMover(actor, request, 'reviewer') || isMover(actor, request, 'assignee'));
}

/** What can be done to many requests at once (each answered on its own). */
export const BULK_ACTIONS = ['move', 'assign', 'priority', 'delete'] as const;
