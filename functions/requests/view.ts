import type { EntityItem } from 'electrodb';
import { notFound } from '../../shared/api/errors.ts';
import type { RequestView } from '../../shared/api/schemas/requests.ts';
import type { RequestActivity } from '../../shared/db/entities/request-activity.ts';
import { UNASSIGNED, type ServiceRequest } from '../../shared/db/entities/service-request.ts';
import type { AuthenticatedActor } from '../lib/auth.ts';
import type { Request } from '../lib/http.ts';
import { mayReadRequest } from '../lib/request-access.ts';
import { database } from './db.ts';

export type RequestItem = EntityItem<typeof ServiceRequest>;
export type ActivityItem = EntityItem<typeof RequestActivity>;

/** The API says "nobody" by leaving `assigneeId` out. */
export function toView(r: RequestItem): RequestView {
  const { tenantId: _t, assigneeId, assignedBy: _b, ...rest } = r;
  return { ...rest, ...(assigneeId !== UNASSIGNED && { assigneeId }) };
}

/** The request of the path, if the caller may see it; otherwise 404 (whether it exists is not told). */
export async function requestOf(req: Request): Promise<RequestItem> {
  const actor = req.actor as AuthenticatedActor;
  const { data } = await database().entities.request.get({ tenantId: actor.tenantId, requestId: req.params.requestId! }).go();
  if (!data || !mayReadRequest(actor, data)) throw notFound('Request');
  return data;
}
