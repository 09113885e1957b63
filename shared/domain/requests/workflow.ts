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
  /** The firm reviews this request before work starts (review.ts decides from its settings). */
  review?: boolean;
}

/** Who may make a move: the request's client, its assignee, or staff holding a permission. */
type Mover = 'client' | 'assignee' | 'reviewer' | 'assigner';

interface Move {
  from: RequestStatus;
  to: RequestStatus;
  by: readonly Mover[];
  /** Only for a request the firm reviews first, or only for one it does not. */
  when?: 'review' | 'no_review';
}

/** Every allowed move. Anything not listed is refused. */
export const MOVES: readonly Move[] = [
  { from: 'draft', to: 'submitted', by: ['client', 'reviewer'] },
  { from: 'submitted', to: 'in_review', by: ['reviewer'], when: 'review' },
  // One click approves; a request the ranking assigned meanwhile goes on to its assignee (change.ts).
  { from: 'submitted', to: 'approved', by: ['reviewer'], when: 'review' },
  { from: 'in_review', to: 'approved', by: ['reviewer'] },
  // Assigning an approved request (manually or by the ranking) moves it on.
  { from: 'approved', to: 'assigned', by: ['assigner'] },
  // Without review, assigning a submitted request hands it over at once…
  { from: 'submitted', to: 'assigned', by: ['assigner'], when: 'no_review' },
  // …and one assigned while review was still asked for (the setting changed since) may start.
  { from: 'submitted', to: 'in_progress', by: ['assignee'], when: 'no_review' },
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

const applies = (m: Move, request: WorkflowRequest) => m.when === undefined || (m.when === 'review') === (request.review === true);

/** Whether the workflow has this move for the request as it is (whoever makes it). */
export const isMove = (request: WorkflowRequest, to: RequestStatus) => MOVES.some((m) => m.from === request.status && m.to === to && applies(m, request));

export function mayMove(actor: Actor, request: WorkflowRequest, to: RequestStatus): boolean {
  if (actor.tenantId !== request.tenantId || request.clientApprovedAt) return false;
  return MOVES.some((m) => m.from === request.status && m.to === to && applies(m, request) && m.by.some((who) => isMover(actor, request, who)));
}

/** The statuses this actor may move the request to now. */
export function allowedMoves(actor: Actor, request: WorkflowRequest): RequestStatus[] {
  return REQUEST_STATUSES.filter((to) => mayMove(actor, request, to));
}

/** What has to happen next for the request to go on, and who does it. */
export const NEXT_ACTIONS = ['submit', 'review', 'assign', 'start', 'finish', 'accept'] as const;
export type NextAction = (typeof NEXT_ACTIONS)[number];
export const NEXT_ACTORS = ['client', 'assignee', 'firm'] as const;

export interface NextStep {
  action: NextAction;
  /** The client who asked, the assignee, or the firm (its reviewers and assigners). */
  by: (typeof NEXT_ACTORS)[number];
  /** Whether the reader is the one. */
  you: boolean;
}

/** Who acts next and what they do; none once the request is cancelled or its work accepted. */
export function nextStep(actor: Actor, request: WorkflowRequest): NextStep | undefined {
  const step = (action: NextAction, by: NextStep['by'], mover: Mover): NextStep => ({ action, by, you: isMover(actor, request, mover) });
  switch (request.status) {
    case 'draft':
      return step('submit', 'client', 'client');
    case 'submitted':
      if (request.review) return step('review', 'firm', 'reviewer');
      return request.assigneeId ? step('start', 'assignee', 'assignee') : step('assign', 'firm', 'assigner');
    case 'in_review':
      return step('review', 'firm', 'reviewer');
    case 'approved':
      return step('assign', 'firm', 'assigner');
    case 'assigned':
      return step('start', 'assignee', 'assignee');
    case 'in_progress':
      return step('finish', 'assignee', 'assignee');
    case 'completed':
      return request.clientApprovedAt ? undefined : step('accept', 'client', 'client');
    case 'cancelled':
      return undefined;
  }
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
