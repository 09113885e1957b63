/** Who may see a request, shared by the contexts that show it or hang work off it. */
import type { EntityItem } from 'electrodb';
import { UNASSIGNED, type ServiceRequest } from '../../shared/db/entities/service-request.ts';
import { canAccess } from '../../shared/domain/identity/policy.ts';
import type { WorkflowRequest } from '../../shared/domain/requests/workflow.ts';
import type { AuthenticatedActor } from './auth.ts';

type RequestItem = EntityItem<typeof ServiceRequest>;

/** The workflow's view of a request. */
export const workflowOf = (r: RequestItem): WorkflowRequest => ({
  tenantId: r.tenantId,
  status: r.status,
  clientId: r.clientId,
  ...(r.assigneeId !== UNASSIGNED && { assigneeId: r.assigneeId }),
  ...(r.clientApprovedAt && { clientApprovedAt: r.clientApprovedAt }),
});

/** Its client, its assignee, and staff who see all requests. */
export const mayReadRequest = (actor: AuthenticatedActor, r: RequestItem) =>
  canAccess(actor, workflowOf(r), { all: 'service_requests.read.all', own: 'service_requests.read.own' });
