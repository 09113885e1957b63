import type { EntityItem } from 'electrodb';
import { notFound } from '../../shared/api/errors.ts';
import type { RequestView } from '../../shared/api/schemas/requests.ts';
import type { RequestActivity } from '../../shared/db/entities/request-activity.ts';
import { UNASSIGNED, type ServiceRequest } from '../../shared/db/entities/service-request.ts';
import { canAccess } from '../../shared/domain/identity/policy.ts';
import type { AuthenticatedActor } from '../lib/auth.ts';
import type { Request } from '../lib/http.ts';
import { database } from './db.ts';

export type RequestItem = EntityItem<typeof ServiceRequest>;
export type ActivityItem = EntityItem<typeof RequestActivity>;


/** The API says "nobody" by leaving `assigneeId` out. */
export function toView(r: RequestItem): RequestView {
  const { tenantId: _t, assigneeId, assignedBy: _b, ...rest } = r;
  return { ...rest, ...(assigneeId !== UNASSIGNED && { assigneeId }) };
}

export const mayRead = (actor: AuthenticatedActor, r: RequestItem) =>
  canAccess(actor, { tenantId: r.tenantId, clientId: r.clientId, ...(r.assigneeId !== UNASSIGNED && { assigneeId: r.assigneeId }) }, { all: 'service_requests.read.all', own: 'service_requests.read.own' });

/** The request of the path, if the caller may see it; otherwise 404 (whether it exists is not told). */
export async function requestOf(req: Request): Promise<RequestItem> {
  const actor = req.actor as AuthenticatedActor;
  const { data } = await database().entities.request.get({ tenantId: actor.tenantId, requestId: req.params.requestId! }).go();
  if (!data || !mayRead(actor, data)) throw notFound('Request');
  return data;
}

/** The workflow's view of a request. */
export const workflowOf = (r: RequestItem) => ({
  tenantId: r.tenantId,
  status: r.status,
  clientId: r.clientId,
  ...(r.assigneeId !== UNASSIGNED && { assigneeId: r.assigneeId }),
  ...(r.clientApprovedAt && { clientApprovedAt: r.clientApprovedAt }),
});
