/** A request as the API shows it, and who may see it: shared by the contexts that show, change or hang work off requests. */
import type { EntityItem } from 'electrodb';
import { notFound } from '../../shared/api/errors.ts';
import type { RequestView } from '../../shared/api/schemas/request.ts';
import type { RequestActivity } from '../../shared/db/entities/request-activity.ts';
import { UNASSIGNED, type ServiceRequest } from '../../shared/db/entities/service-request.ts';
import { canAccess } from '../../shared/domain/identity/policy.ts';
import type { WorkflowRequest } from '../../shared/domain/requests/workflow.ts';
import type { AuthenticatedActor } from './auth.ts';
import type { Request } from './http.ts';

export type RequestItem = EntityItem<typeof ServiceRequest>;
export type ActivityItem = EntityItem<typeof RequestActivity>;

/** The API says "nobody" by leaving `assigneeId` out. A booking's manage-link hash never leaves the table. */
export function toView(r: RequestItem): RequestView {
  const { tenantId: _t, assigneeId, assignedBy: _b, deletedAt: _d, deletedBy: _w, manageLinks: _m, ...rest } = r;
  return { ...rest, ...(assigneeId !== UNASSIGNED && { assigneeId }) };
}

/** The workflow's view of a request. */
export const workflowOf = (r: RequestItem): WorkflowRequest => ({
  tenantId: r.tenantId,
  status: r.status,
  clientId: r.clientId,
  ...(r.assigneeId !== UNASSIGNED && { assigneeId: r.assigneeId }),
  ...(r.clientApprovedAt && { clientApprovedAt: r.clientApprovedAt }),
});

/** Its client, its assignee, and staff who see all requests; nobody once it is deleted. */
export const mayReadRequest = (actor: AuthenticatedActor, r: RequestItem) =>
  !r.deletedAt && canAccess(actor, workflowOf(r), { all: 'service_requests.read.all', own: 'service_requests.read.own' });

/** The request, if the caller may see it; otherwise 404 (whether it exists is not told). */
export async function readableRequest(entities: { request: typeof ServiceRequest }, actor: AuthenticatedActor, requestId: string): Promise<RequestItem> {
  const { data } = await entities.request.get({ tenantId: actor.tenantId, requestId }).go();
  if (!data || !mayReadRequest(actor, data)) throw notFound('Request');
  return data;
}

/** The request of the path, if the caller may see it. */
export const requestOf = (entities: { request: typeof ServiceRequest }, req: Request) => readableRequest(entities, req.actor as AuthenticatedActor, req.params.requestId!);
