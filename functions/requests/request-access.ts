/** A request as the API shows it, and who may see it: shared by the contexts that show, change or hang work off requests. */
import type { EntityItem } from 'electrodb';
import { notFound } from '../../shared/api/errors.ts';
import { requestView, type ActivityView, type AttachmentView, type RequestView } from '../../shared/api/schemas/request.ts';
import type { RequestActivity } from '../../shared/db/entities/request-activity.ts';
import { customerOf } from '../../shared/db/entities/customer.ts';
import { UNASSIGNED, type ServiceRequest } from '../../shared/db/entities/service-request.ts';
import { canAccess } from '../../shared/domain/identity/policy.ts';
import { needsReview, type ReviewPolicy } from '../../shared/domain/requests/review.ts';
import type { WorkflowRequest } from '../../shared/domain/requests/workflow.ts';
import type { AuthenticatedActor } from '../lib/auth.ts';
import type { SignedInRequest, WithParams } from '../lib/http.ts';

export type RequestItem = EntityItem<typeof ServiceRequest>;
export type ActivityItem = EntityItem<typeof RequestActivity>;

const VIEW_FIELDS = Object.keys(requestView.shape) as (keyof RequestView)[];

/**
 * Only the fields the API documents (a booking's own fields, manage-link hashes and a guest's
 * typed address never leave the table this way); "nobody" is said by leaving `assigneeId` out.
 */
export function toView(r: RequestItem): RequestView {
  const view = Object.fromEntries(VIEW_FIELDS.filter((f) => r[f] !== undefined).map((f) => [f, r[f]])) as RequestView;
  if (r.assigneeId === UNASSIGNED) delete view.assigneeId;
  if (!customerOf(r)) delete view.customerId;
  return view;
}

/** A line of a request's activity as the API shows it, with a comment's documents as the reader sees them. */
export const activityView = ({ tenantId: _t, requestId: _r, attachedDocuments, ...a }: ActivityItem, attachments: AttachmentView[]): ActivityView => ({
  ...a,
  ...(attachedDocuments?.length && { attachments }),
});

/** The workflow's view of a request; with the firm's review rules when its moves matter. */
export const workflowOf = (r: RequestItem, policy?: ReviewPolicy): WorkflowRequest => {
  const customerId = customerOf(r);
  return {
    tenantId: r.tenantId,
    status: r.status,
    clientId: r.clientId,
    ...(customerId && { customerId }),
    ...(r.assigneeId !== UNASSIGNED && { assigneeId: r.assigneeId }),
    ...(r.clientApprovedAt && { clientApprovedAt: r.clientApprovedAt }),
    ...(policy && { review: needsReview(policy, r) }),
  };
};

/** Its client and, by their access, its customer's other contacts; its assignee; staff who see all requests; nobody once it is deleted. */
export const mayReadRequest = (actor: AuthenticatedActor, r: RequestItem) =>
  !r.deletedAt && canAccess(actor, workflowOf(r), { all: 'service_requests.read.all', own: 'service_requests.read.own' });

/** The request, if the caller may see it; otherwise 404 (whether it exists is not told). */
export async function readableRequest(entities: { request: typeof ServiceRequest }, actor: AuthenticatedActor, requestId: string): Promise<RequestItem> {
  const { data } = await entities.request.get({ tenantId: actor.tenantId, requestId }).go();
  if (!data || !mayReadRequest(actor, data)) throw notFound('Request');
  return data;
}

/** The request of the path, if the caller may see it. */
export const requestOf = (entities: { request: typeof ServiceRequest }, req: SignedInRequest & WithParams<'requestId'>) =>
  readableRequest(entities, req.actor, req.params.requestId);
