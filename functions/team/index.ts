/**
 * The team overview: every active staff member with their availability and load. Three small
 * Queries (one per staff role) and one batch read of the load counters, whatever the firm's
 * number of requests.
 */
import { TEAM_OPERATIONS } from '../../shared/api/operations/team.ts';
import { TEAM_SCHEMAS, type MemberWorkload } from '../../shared/api/schemas/team.ts';
import { User } from '../../shared/db/entities/user.ts';
import { Workload } from '../../shared/db/entities/workload.ts';
import { databaseOf } from '../../shared/db/service.ts';
import { STAFF_ROLES } from '../../shared/domain/identity/permissions.ts';
import { availabilityPercent } from '../../shared/domain/requests/workload.ts';
import { actorFromToken, type AuthenticatedActor } from '../lib/auth.ts';
import { contextHandler, type Reply, type Request } from '../lib/http.ts';

const database = databaseOf({ user: User, workload: Workload });
const DEFAULT_CAPACITY = 3;

async function listTeamWorkload(req: Request): Promise<Reply> {
  const { tenantId } = req.actor as AuthenticatedActor;
  const { user, workload } = database().entities;
  // The platform operator is not part of a firm's team.
  const roles = STAFF_ROLES.filter((r) => r !== 'SUPER_ADMIN');
  const members = (await Promise.all(roles.map((role) => user.query.byRole({ tenantId, role }).go({ pages: 'all' })))).flatMap((r) => r.data).filter((u) => u.status === 'active');
  const { data: loads } = members.length ? await workload.get(members.map((m) => ({ tenantId, userId: m.userId }))).go() : { data: [] };
  const activeOf = new Map(loads.map((l) => [l.userId, l.activeRequests]));
  const items: MemberWorkload[] = members.map((m) => {
    const activeRequests = activeOf.get(m.userId) ?? 0;
    const maxConcurrentProjects = m.maxConcurrentProjects ?? DEFAULT_CAPACITY;
    return {
      userId: m.userId,
      name: m.name,
      role: m.role,
      ...(m.position && { position: m.position }),
      skills: m.skills ?? [],
      ...(m.expertiseLevel && { expertiseLevel: m.expertiseLevel }),
      availabilityStatus: m.availabilityStatus ?? 'available',
      activeRequests,
      maxConcurrentProjects,
      availabilityPercent: m.availabilityStatus === 'on_leave' || m.availabilityStatus === 'offline' ? 0 : availabilityPercent(activeRequests, maxConcurrentProjects),
    };
  });
  items.sort((a, b) => b.availabilityPercent - a.availabilityPercent || a.name.localeCompare(b.name));
  return { body: { items } };
}

export const handler = contextHandler({ routes: TEAM_OPERATIONS, schemas: TEAM_SCHEMAS, operations: { listTeamWorkload }, authenticate: actorFromToken });
